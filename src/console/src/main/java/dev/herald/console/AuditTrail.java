package dev.herald.console;

import java.time.Instant;
import java.util.List;

/**
 * Where the console records every change: who did what to which share or account, and when.
 * The console writes one entry per action, after the action succeeded or was refused.
 */
public interface AuditTrail {
    /**
     * One recorded action.
     *
     * @param at when
     * @param actor the user's name
     * @param action what, such as {@code schedule} or {@code cancel}
     * @param target the share id or account name
     * @param detail a short human description
     */
    record Entry(Instant at, String actor, String action, String target, String detail) {}

    /** Records one action. */
    void record(String actor, String action, String target, String detail);

    /** The most recent entries, newest first, at most {@code limit}. */
    List<Entry> recent(int limit);
}
