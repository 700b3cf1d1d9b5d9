package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A message in {@link MockDiscord}'s channel: saved from a webhook execution, as the client sent it,
 * or one a member wrote ({@link MockDiscord#addMemberMessage}).
 *
 * @param id the message's snowflake id
 * @param content the {@code content} field, empty when absent
 * @param embeds the {@code embeds} array sent (empty array when absent)
 * @param allowedMentions the {@code allowed_mentions} object sent, or {@code null}
 * @param mentionsEveryone whether Discord would have pinged {@code @everyone}/{@code @here}: the
 *     content names them and {@code allowed_mentions} does not rule it out
 * @param waited whether the request asked {@code wait=true}
 * @param timestamp when the fake's clock says it was saved
 * @param webhookId the webhook that posted it, or {@code null} for a member's message
 */
public record DiscordMessage(String id, String content, JsonNode embeds, JsonNode allowedMentions, boolean mentionsEveryone, boolean waited,
        Instant timestamp, String webhookId) {}
