package dev.herald.console.view;

import java.util.List;

/**
 * One account's line of the calendar.
 *
 * @param account the account's name
 * @param cells one cell per day shown
 */
public record CalendarRow(String account, List<Cell> cells) {
    /**
     * One day of one account.
     *
     * @param date the day, {@code yyyy-MM-dd}
     * @param label the day as headers show it
     * @param shares the shares due that day
     * @param freeSlots the account's queue slots that day no share holds, {@code HH:mm}
     * @param today whether it is today
     */
    public record Cell(String date, String label, List<ShareRow> shares, List<String> freeSlots, boolean today) {}
}
