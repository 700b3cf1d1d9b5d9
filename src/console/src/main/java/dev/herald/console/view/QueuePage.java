package dev.herald.console.view;

import java.util.List;

/**
 * The calendar and queue: a week or a month per account, and the list of shares with their forms.
 *
 * @param view {@code week} or {@code month}
 * @param start the first day shown, {@code yyyy-MM-dd}
 * @param previous the first day of the previous period
 * @param next the first day of the next period
 * @param heading the period as the page names it
 * @param days the days' labels, in order
 * @param rows one row per account
 * @param shares the shares matching the filter
 * @param accounts every account, for the filter
 * @param states every state, for the filter
 * @param account the account filter, or {@code ""}
 * @param state the state filter, or {@code ""}
 * @param article the article filter (part of the headline or URL), or {@code ""}
 * @param query the filter as a query string, for links that keep it
 */
public record QueuePage(String view, String start, String previous, String next, String heading, List<String> days, List<CalendarRow> rows,
        List<ShareRow> shares, List<String> accounts, List<String> states, String account, String state, String article, String query) {}
