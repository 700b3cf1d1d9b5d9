package dev.herald.console.view;

import java.util.List;

/**
 * One account's health on the accounts page.
 *
 * @param name the account's name
 * @param network its network
 * @param health {@code ok}, {@code auth failed} or {@code not sending}
 * @param healthy whether it is sending
 * @param message the network's words for its last auth failure, or {@code null}
 * @param since when its state was entered, formatted, or {@code null}
 * @param quota the posting cap used, such as {@code 3 / 250 in 24 h}, or {@code null} when the network has none
 * @param nextSlots its next free queue slots, formatted
 * @param pending how many shares wait to be sent
 * @param checkable whether the console can check its credentials (it has a syndicator here)
 */
public record AccountRow(String name, String network, String health, boolean healthy, String message, String since, String quota,
        List<String> nextSlots, long pending, boolean checkable) {}
