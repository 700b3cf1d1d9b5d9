package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * One change a person made to the queue or an account, as the audit log keeps it.
 *
 * @param at when it was made
 * @param actor who made it: a console user's name, or {@code cli:} and the operating-system user
 * @param action what was done, such as {@code schedule}, {@code reschedule}, {@code cancel},
 *     {@code set-text}, {@code retry}, {@code confirm}, {@code reset-account}
 * @param target what it was done to: a share's id, or an account's name
 * @param detail the change's particulars (a new time, the new text's length), or {@code null}; never a secret
 */
public record AuditEntry(Instant at, String actor, String action, String target, String detail) {
    /** Requires the time, the actor and the action. */
    public AuditEntry {
        Validate.notNull(at, "at");
        Validate.notBlank(actor, "actor");
        Validate.notBlank(action, "action");
    }
}
