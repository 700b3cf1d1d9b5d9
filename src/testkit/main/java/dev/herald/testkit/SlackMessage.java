package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A message {@link MockSlack} accepted from its incoming webhook.
 *
 * @param text the {@code text} field as sent, empty when absent
 * @param blocks the {@code blocks} array as sent (empty when absent)
 * @param sectionText the first section's mrkdwn with Slack's entities decoded and links shown as
 *     their labels (formatting marks such as {@code *} kept): the words readers see
 * @param links the {@code <url|label>} links of every section, as {@code url} (entities decoded)
 * @param mentionsChannel whether Slack would notify the channel: a {@code <!channel>},
 *     {@code <!here>} or {@code <!everyone>} in any text
 * @param received when the fake's clock says it arrived
 */
public record SlackMessage(String text, JsonNode blocks, String sectionText, List<String> links, boolean mentionsChannel, Instant received) {
    /** Copies the list. */
    public SlackMessage {
        links = List.copyOf(links);
    }
}
