package dev.herald.syndication.internal;

import dev.herald.internal.Validate;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Query strings for API and sign-in URLs, encoded so that every server decodes them alike. */
public final class Uris {
    private Uris() {}

    /**
     * {@code base} with the given name/value pairs appended to its query (after any it has), each
     * name and value percent-encoded as UTF-8 with a space as {@code %20}: a {@code +} means a space
     * only to form decoders, and some servers read queries otherwise.
     *
     * @param namesAndValues name, value, name, value…
     * @throws IllegalArgumentException when a name or value is null, or the count is odd
     */
    public static URI withQuery(URI base, String... namesAndValues) {
        Validate.notNull(base, "base");
        Validate.notNull(namesAndValues, "namesAndValues");
        Validate.isTrue(namesAndValues.length % 2 == 0, "namesAndValues", "must be name/value pairs");
        StringBuilder s = new StringBuilder(base.toString());
        String fragment = base.getRawFragment();
        if (fragment != null) s.setLength(s.length() - fragment.length() - 1);
        char sep = base.getRawQuery() == null ? '?' : '&';
        if (base.getRawQuery() != null && base.getRawQuery().isEmpty()) sep = 0;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Validate.notNull(namesAndValues[i], "name");
            Validate.notNull(namesAndValues[i + 1], namesAndValues[i]);
            if (sep != 0) s.append(sep);
            s.append(encode(namesAndValues[i])).append('=').append(encode(namesAndValues[i + 1]));
            sep = '&';
        }
        if (fragment != null) s.append('#').append(fragment);
        return URI.create(s.toString());
    }

    /** {@code value} percent-encoded as UTF-8 for a query, a space as {@code %20}. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
