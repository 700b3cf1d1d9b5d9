package dev.herald.console;

import java.util.Locale;

/** What a console user may do; each role may do everything the ones before it may. */
public enum Role {
    /** Sees every page; changes nothing. */
    VIEWER,
    /** Composes, schedules, reschedules, cancels, retries and checks credentials. */
    EDITOR,
    /** Everything an editor does, plus resetting accounts and reading the audit log. */
    ADMIN;

    /** Whether this role includes {@code needed}. */
    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** The role named {@code name} in any case ({@code viewer}, {@code EDITOR}...). */
    public static Role of(String name) {
        if (name == null) throw new IllegalArgumentException("role must be viewer, editor or admin");
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown role '" + name + "'; roles are viewer, editor, admin");
        }
    }

    /** The lower-case name, as configuration and pages write it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
