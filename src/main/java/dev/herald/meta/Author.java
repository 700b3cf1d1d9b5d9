package dev.herald.meta;

import dev.herald.internal.Validate;
import java.net.URI;

/**
 * A person credited with an article.
 *
 * @param name the name as readers see it
 * @param url an absolute http(s) profile URL, or {@code null}
 */
public record Author(String name, URI url) {
    /** Requires a name; the URL, when present, must be absolute http(s). */
    public Author {
        Validate.notBlank(name, "author name");
        name = name.strip();
        if (url != null) Validate.httpUrl(url, "author url");
    }

    /** An author known only by name. */
    public static Author named(String name) {
        return new Author(name, null);
    }
}
