package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential read from the environment or a system property, never from the configuration file
 * itself. Its {@link #toString()} is the reference ({@code ${env:MASTODON_TOKEN}}), never the value,
 * so a secret that reaches a log line, an exception or a dry-run printout shows where it comes from
 * and nothing more.
 *
 * @param reference where the value came from, as written in the configuration
 * @param value the credential itself
 */
public record Secret(String reference, String value) {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|sys):([A-Za-z_][A-Za-z0-9_.\\-]*)}");
    private static final String MASK = "****";

    /** Requires both parts. */
    public Secret {
        Validate.notBlank(reference, "reference");
        Validate.notBlank(value, "value");
    }

    /** Whether {@code text} is a whole reference such as {@code ${env:NAME}} or {@code ${sys:name}}. */
    public static boolean isReference(String text) {
        return text != null && REFERENCE.matcher(text.strip()).matches();
    }

    /**
     * Resolves a reference with the given lookups.
     *
     * @throws IllegalArgumentException when {@code reference} is not a reference (a literal secret in
     *     a configuration file is refused) or names a variable that is not set
     */
    public static Secret resolve(String reference, UnaryOperator<String> env, UnaryOperator<String> sys) {
        Validate.notNull(reference, "reference");
        Matcher m = REFERENCE.matcher(reference.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("credentials must be a reference such as ${env:NAME} or ${sys:name}, not a literal value");
        }
        boolean fromEnv = m.group(1).equals("env");
        String name = m.group(2);
        String value = fromEnv ? env.apply(name) : sys.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException((fromEnv ? "environment variable " : "system property ") + name + " is not set");
        }
        return new Secret(m.group(), value.strip());
    }

    /** Resolves a reference against this process's environment and system properties. */
    public static Secret resolve(String reference) {
        return resolve(reference, System::getenv, System::getProperty);
    }

    /** A secret given directly by code (tests, programmatic set-up); shown as {@code ${code:label}}. */
    public static Secret of(String label, String value) {
        return new Secret("${code:" + label + "}", value);
    }

    /** Returns {@code text} with every occurrence of this secret's value replaced by a mask. */
    public String maskIn(String text) {
        return text == null ? null : text.replace(value, MASK);
    }

    /** Returns {@code text} with the value of every one of {@code secrets} masked; {@code null} stays {@code null}. */
    public static String maskAll(String text, Iterable<Secret> secrets) {
        String out = text;
        for (Secret s : secrets) out = s.maskIn(out);
        return out;
    }

    @Override
    public String toString() {
        return reference;
    }
}
