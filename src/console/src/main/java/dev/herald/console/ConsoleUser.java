package dev.herald.console;

import dev.herald.internal.Validate;

/**
 * Who is using the console and with which role.
 *
 * @param name the name the audit log records
 * @param role what they may do
 */
public record ConsoleUser(String name, Role role) {
    /** Requires both parts; the name may not carry line breaks (it is logged). */
    public ConsoleUser {
        Validate.noLineBreaks(Validate.notBlank(name, "name"), "name");
        Validate.notNull(role, "role");
    }

    /** Whether this user may do what {@code needed} allows. */
    public boolean may(Role needed) {
        return role.allows(needed);
    }
}
