package dev.herald.meta.lint;

import dev.herald.internal.Validate;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One problem a share would have, explained in one line.
 *
 * @param code what the problem is about; stable
 * @param severity how much it costs the share
 * @param message one line, plain text, saying what is wrong and what the network does with it
 * @param networks the ids of the networks it hurts ({@code x}, {@code facebook}, {@code linkedin},
 *     ...), in the order given; never empty
 */
public record LintFinding(LintCode code, Severity severity, String message, Set<String> networks) {
    /** Requires every part, a one-line message and at least one network; keeps the networks' order. */
    public LintFinding {
        Validate.notNull(code, "code");
        Validate.notNull(severity, "severity");
        Validate.noLineBreaks(Validate.notBlank(message, "message"), "message");
        Validate.notNull(networks, "networks");
        Validate.isTrue(!networks.isEmpty(), "networks", "must name at least one network");
        for (String n : networks) Validate.notBlank(n, "network");
        networks = Collections.unmodifiableSet(new LinkedHashSet<>(networks));
    }

    /** The finding as one line: severity, code, message and the networks it hurts. */
    public String toLine() {
        return severity + " " + code.id() + ": " + message + " [" + String.join(", ", networks) + "]";
    }
}
