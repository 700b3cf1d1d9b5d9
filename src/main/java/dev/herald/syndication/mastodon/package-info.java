/**
 * Mastodon: {@link dev.herald.syndication.mastodon.MastodonSyndicator} posts statuses to one account
 * described by a {@link dev.herald.syndication.mastodon.MastodonAccount}, composed for the instance's
 * own length limits.
 */
package dev.herald.syndication.mastodon;
