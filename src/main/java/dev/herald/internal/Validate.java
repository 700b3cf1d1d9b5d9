package dev.herald.internal;

import java.net.URI;
import java.util.Locale;

/** Argument checks used on the first line of public methods; each names the offending parameter. */
public final class Validate {
    private Validate() {}

    /** Returns {@code value}, or throws naming {@code name} when it is null. */
    public static <T> T notNull(T value, String name) {
        if (value == null) throw new IllegalArgumentException(name + " must not be null");
        return value;
    }

    /** Returns {@code value}, or throws naming {@code name} when it is null or blank. */
    public static String notBlank(String value, String name) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        return value;
    }

    /** Throws naming {@code name} unless {@code condition} holds. */
    public static void isTrue(boolean condition, String name, String requirement) {
        if (!condition) throw new IllegalArgumentException(name + " " + requirement);
    }

    /**
     * Returns {@code uri}, or throws unless it is an absolute {@code http} or {@code https} URI with
     * a host. Herald never emits any other kind of URL into a page or a post.
     */
    public static URI httpUrl(URI uri, String name) {
        notNull(uri, name);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException(name + " must be an absolute http(s) URL with a host: " + abbreviate(uri.toString()));
        }
        return uri;
    }

    /**
     * Returns {@code value}, or throws when it contains CR or LF: anything that ends up in an
     * HTTP header must not be able to start a new one.
     */
    public static String noLineBreaks(String value, String name) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException(name + " must not contain CR or LF");
        }
        return value;
    }

    /** Shortens a value for an error message so a hostile 1 MB input cannot flood the log. */
    public static String abbreviate(String value) {
        if (value == null) return "null";
        return value.length() <= 200 ? value : value.substring(0, 200) + "…";
    }
}
