package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A message in {@link MockSlack}'s channel: from its incoming webhook, its Web API, or a person.
 *
 * @param text the {@code text} field as sent, empty when absent
 * @param blocks the {@code blocks} array as sent (empty when absent)
 * @param sectionText the first section's mrkdwn with Slack's entities decoded and links shown as
 *     their labels (formatting marks such as {@code *} kept): the words readers see
 * @param links the {@code <url|label>} links of every section, as {@code url} (entities decoded)
 * @param mentionsChannel whether Slack would notify the channel: a {@code <!channel>},
 *     {@code <!here>} or {@code <!everyone>} in any text
 * @param received when the fake's clock says it arrived
 * @param channel the channel's id
 * @param ts the message's timestamp id, unique in the channel ({@code 1767225600.000001})
 * @param botId the app that posted it (webhook or bot), or {@code null} for a person's message
 * @param metadata the message {@code metadata} a bot sent ({@code event_type}, {@code event_payload}), or {@code null}
 */
public record SlackMessage(String text, JsonNode blocks, String sectionText, List<String> links, boolean mentionsChannel, Instant received,
        String channel, String ts, String botId, JsonNode metadata) {
    /** Copies the list. */
    public SlackMessage {
        links = List.copyOf(links);
    }
}
