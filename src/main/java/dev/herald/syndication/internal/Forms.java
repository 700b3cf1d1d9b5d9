package dev.herald.syndication.internal;

import dev.herald.internal.Validate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Form fields written in the order the API documents them, for {@link dev.herald.syndication.HttpCall#form}. */
public final class Forms {
    private Forms() {}

    /**
     * The pairs as an insertion-ordered map ({@code Map.of} has no order).
     *
     * @param namesAndValues name, value, name, value…
     * @throws IllegalArgumentException when a name or value is null, or the count is odd
     */
    public static Map<String, String> of(String... namesAndValues) {
        Validate.notNull(namesAndValues, "namesAndValues");
        Validate.isTrue(namesAndValues.length % 2 == 0, "namesAndValues", "must be name/value pairs");
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put(Validate.notNull(namesAndValues[i], "name"), Validate.notNull(namesAndValues[i + 1], namesAndValues[i]));
        }
        return out;
    }
}
