/**
 * Slack, in two forms: an incoming webhook ({@link dev.herald.syndication.slack.SlackSyndicator},
 * account {@link dev.herald.syndication.slack.SlackAccount}), or a Slack app's bot token with
 * {@code chat.postMessage} ({@link dev.herald.syndication.slack.SlackBotSyndicator}, account
 * {@link dev.herald.syndication.slack.SlackBotAccount}), which records each message's {@code ts} and
 * permalink and reads the channel back before a resend. Both post the article as the same Block Kit section.
 */
package dev.herald.syndication.slack;
