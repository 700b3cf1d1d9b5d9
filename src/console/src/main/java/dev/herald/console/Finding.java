package dev.herald.console;

import dev.herald.internal.Validate;
import java.util.Set;
import java.util.TreeSet;

/**
 * One problem with an article's link card, in one line, with the networks it hurts.
 *
 * @param code a stable identifier, such as {@code image-too-small}
 * @param severity how bad it is
 * @param message what is wrong and what to do, in one line
 * @param networks the networks whose card or post it hurts (names as {@code herald.yaml} writes them)
 */
public record Finding(String code, Severity severity, String message, Set<String> networks) {
    /** How bad a finding is. */
    public enum Severity {
        /** The card will look worse than it could. */
        WARNING,
        /** The card or post will be broken or missing. */
        ERROR
    }

    /** Requires every part; the networks are kept sorted. */
    public Finding {
        Validate.notBlank(code, "code");
        Validate.notNull(severity, "severity");
        Validate.notBlank(message, "message");
        networks = Set.copyOf(new TreeSet<>(Validate.notNull(networks, "networks")));
    }

    /** The networks, sorted and comma-separated, for display. */
    public String networkList() {
        return String.join(", ", new TreeSet<>(networks));
    }
}
