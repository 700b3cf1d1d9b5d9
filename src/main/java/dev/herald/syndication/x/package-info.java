/**
 * X: {@link dev.herald.syndication.x.XSyndicator} posts to one account through {@code POST /2/tweets},
 * signed with OAuth 1.0a ({@link dev.herald.syndication.x.OAuth1Signer}) or an OAuth 2.0 user token,
 * composed to X's weighted 280 ({@link dev.herald.syndication.internal.XText}).
 */
package dev.herald.syndication.x;
