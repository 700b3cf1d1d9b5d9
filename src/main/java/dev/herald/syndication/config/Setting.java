package dev.herald.syndication.config;

import java.util.List;

/**
 * One key of an account in {@code herald.yaml}, with the line it is on.
 *
 * @param key the key
 * @param values the value: one element for a scalar, the elements of a list
 * @param list whether the value was written as a list
 * @param line the 1-based line of the key
 */
public record Setting(String key, List<String> values, boolean list, int line) {
    /** Copies the values. */
    public Setting {
        values = List.copyOf(values);
    }

    /** The scalar value (the first element of a list). */
    public String value() {
        return values.isEmpty() ? "" : values.get(0);
    }
}
