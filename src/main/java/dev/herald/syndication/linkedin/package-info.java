/**
 * LinkedIn: {@link dev.herald.syndication.linkedin.LinkedInSyndicator} posts articles through the
 * Posts API as an organisation or a person, with the article card sent explicitly and its image
 * uploaded through the Images API.
 */
package dev.herald.syndication.linkedin;
