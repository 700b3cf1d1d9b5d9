package dev.herald.delivery;

import dev.herald.internal.Validate;

/**
 * One share as scheduling left it, and what scheduling did to it.
 *
 * @param share the share as it now is
 * @param change what happened: created, found and left alone, moved, or scheduled again after a cancel
 */
public record ScheduleResult(Share share, Change change) {
    /** What scheduling did to a share. */
    public enum Change {
        /** A new share. */
        CREATED,
        /** The share existed already and was left exactly as it was. */
        UNCHANGED,
        /** The share existed and was moved to the requested time (and text), as asked. */
        RESCHEDULED,
        /** The share had been cancelled (or had died) and is scheduled again at the requested time. */
        RESTORED
    }

    /** Requires both parts. */
    public ScheduleResult {
        Validate.notNull(share, "share");
        Validate.notNull(change, "change");
    }
}
