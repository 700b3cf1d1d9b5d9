/**
 * Bluesky (AT Protocol): {@link dev.herald.syndication.bluesky.BlueskySyndicator} posts an article
 * to one account as an {@code app.bsky.feed.post} with link and tag facets and an
 * {@code app.bsky.embed.external} link card, over one cached session per account. Everything but
 * the account and the syndicator is package-private.
 */
package dev.herald.syndication.bluesky;
