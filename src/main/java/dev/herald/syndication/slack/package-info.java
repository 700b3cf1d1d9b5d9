/**
 * Slack through an incoming webhook: {@link dev.herald.syndication.slack.SlackSyndicator} posts each
 * article as a Block Kit section to the channel of a {@link dev.herald.syndication.slack.SlackAccount}.
 */
package dev.herald.syndication.slack;
