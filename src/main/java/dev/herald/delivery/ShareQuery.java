package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which shares to list: those in any of {@code states} (all when empty), of {@code account} (all
 * when {@code null}), at most {@code limit}, ordered by due time.
 */
public record ShareQuery(Set<ShareState> states, String account, int limit) {
    /** Copies the states and requires a positive limit. */
    public ShareQuery {
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        Validate.isTrue(limit > 0, "limit", "must be positive");
    }

    /** Every share, up to {@code limit}. */
    public static ShareQuery all(int limit) {
        return new ShareQuery(Set.of(), null, limit);
    }

    /** Shares in any of the given states, up to {@code limit}. */
    public static ShareQuery inStates(int limit, ShareState... states) {
        return new ShareQuery(Set.of(states), null, limit);
    }

    /** A copy restricted to one account. */
    public ShareQuery forAccount(String account) {
        return new ShareQuery(states, account, limit);
    }
}
