/**
 * Discord through a channel's webhook: {@link dev.herald.syndication.discord.DiscordSyndicator}
 * executes the webhook of a {@link dev.herald.syndication.discord.DiscordAccount} with the article
 * as one embed.
 */
package dev.herald.syndication.discord;
