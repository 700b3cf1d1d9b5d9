/**
 * Facebook Pages: {@link dev.herald.syndication.facebook.FacebookSyndicator} posts to one Page's feed
 * through the Graph API, at a pinned, configurable version, with a Page access token.
 */
package dev.herald.syndication.facebook;
