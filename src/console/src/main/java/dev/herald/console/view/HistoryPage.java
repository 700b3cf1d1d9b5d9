package dev.herald.console.view;

import java.util.List;

/**
 * The history: shares that were posted, failed, died, were cancelled or whose fate is uncertain, newest first.
 *
 * @param shares the shares
 * @param attention how many need a person (dead or uncertain)
 * @param accounts every account, for the filter
 * @param account the account filter, or {@code ""}
 */
public record HistoryPage(List<ShareRow> shares, int attention, List<String> accounts, String account) {}
