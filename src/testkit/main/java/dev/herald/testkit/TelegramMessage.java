package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A message {@link MockTelegram} accepted, as the bot sent it.
 *
 * @param messageId the id the fake answered with, counting up per chat
 * @param chatId the chat's numeric id (a {@code @username} is resolved to it)
 * @param threadId the {@code message_thread_id} sent, or {@code null}
 * @param html the {@code text} parameter exactly as received
 * @param text the text after entity parsing: what readers see and what Telegram's limit counts
 * @param bold the parts of {@link #text()} inside {@code <b>} or {@code <strong>}, in order
 * @param parseMode the {@code parse_mode} sent, or {@code null}
 * @param linkPreview the {@code link_preview_options} object sent, or {@code null}
 * @param date when the fake's clock says it was sent
 */
public record TelegramMessage(long messageId, long chatId, Long threadId, String html, String text, java.util.List<String> bold, String parseMode,
        JsonNode linkPreview, Instant date) {
    /** Copies the list. */
    public TelegramMessage {
        bold = java.util.List.copyOf(bold);
    }
}
