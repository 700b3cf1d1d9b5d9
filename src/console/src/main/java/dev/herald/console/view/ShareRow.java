package dev.herald.console.view;

/**
 * One share as lists, the calendar and the history show it, times already in the console's zone.
 *
 * @param id the full id (what forms send)
 * @param shortId the id as lists show it
 * @param account the account
 * @param network the account's network
 * @param headline the article's headline
 * @param articleUrl the article's URL
 * @param state the state, lower case
 * @param due when it is due, formatted
 * @param dueInput when it is due, as a {@code datetime-local} input takes it
 * @param dueDate the due day, {@code yyyy-MM-dd}
 * @param dueTime the due time of day, {@code HH:mm}
 * @param posted when it was posted, formatted, or {@code null}
 * @param remoteUrl the live post's URL, or {@code null}
 * @param attempts how many times the network was called
 * @param lastOutcome the last outcome's kind, or {@code null}
 * @param lastMessage the last outcome's words, or {@code null}
 * @param text the share's own text, or {@code null}
 * @param by who scheduled it, or {@code null} when the audit log does not say
 * @param movable whether it may still be rescheduled or cancelled
 * @param retryable whether it may be retried
 * @param confirmable whether a person may confirm it was posted (its fate is uncertain, or it died)
 * @param attemptLines every call made to the network for it, oldest first, one line each (history only)
 */
public record ShareRow(String id, String shortId, String account, String network, String headline, String articleUrl, String state,
        String due, String dueInput, String dueDate, String dueTime, String posted, String remoteUrl, int attempts, String lastOutcome,
        String lastMessage, String text, String by, boolean movable, boolean retryable, boolean confirmable,
        java.util.List<String> attemptLines) {}
