package dev.herald.page;

import dev.herald.internal.Validate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of path patterns matched against a request's path inside its web application
 * (servlet path plus path info, as the container decoded and normalised it).
 *
 * <p>The syntax extends servlet URL patterns: {@code /*} matches everything; {@code /news/*} matches
 * {@code /news} and everything below it; {@code *.html} matches by extension; a path without
 * wildcards matches exactly; elsewhere {@code *} matches within one path segment and {@code **}
 * across segments ({@code /news/*.html}, {@code /blog/**&#47;print}).
 */
final class PathPatterns {
    private final List<String> patterns;
    private final List<Matcher> matchers;

    private PathPatterns(List<String> patterns, List<Matcher> matchers) {
        this.patterns = patterns;
        this.matchers = matchers;
    }

    /** Parses {@code patterns}; throws naming the first invalid one. */
    static PathPatterns of(List<String> patterns) {
        Validate.notNull(patterns, "patterns");
        List<Matcher> matchers = new ArrayList<>();
        for (String p : patterns) matchers.add(compile(p));
        return new PathPatterns(List.copyOf(patterns), List.copyOf(matchers));
    }

    /** Whether some pattern matches {@code path}. */
    boolean matches(String path) {
        for (Matcher m : matchers) {
            if (m.matches(path)) return true;
        }
        return false;
    }

    /** Whether there are no patterns at all. */
    boolean isEmpty() {
        return matchers.isEmpty();
    }

    @Override
    public String toString() {
        return String.join(", ", patterns);
    }

    /** Throws {@link IllegalArgumentException} with the reason unless {@code pattern} is valid. */
    static void check(String pattern) {
        compile(pattern);
    }

    private static Matcher compile(String pattern) {
        if (pattern == null || pattern.isBlank()) throw new IllegalArgumentException("a path pattern must not be blank");
        String p = pattern.strip();
        if (p.equals("/*") || p.equals("/**") || p.equals("/")) return path -> true;
        if (p.startsWith("*.")) {
            String ext = p.substring(1);
            if (ext.length() < 2 || ext.indexOf('*') >= 0 || ext.indexOf('/') >= 0) throw invalid(p);
            return path -> path.endsWith(ext);
        }
        if (!p.startsWith("/")) throw invalid(p);
        if (p.endsWith("/*") && p.indexOf('*') == p.length() - 1) {
            String dir = p.substring(0, p.length() - 2);
            String dirSlash = dir + "/";
            return path -> path.equals(dir) || path.startsWith(dirSlash);
        }
        if (p.indexOf('*') < 0) return p::equals;
        if (p.contains("***")) throw invalid(p);
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < p.length()) {
            if (p.startsWith("**", i)) {
                regex.append(".*");
                i += 2;
            } else if (p.charAt(i) == '*') {
                regex.append("[^/]*");
                i++;
            } else {
                int next = p.indexOf('*', i);
                if (next < 0) next = p.length();
                regex.append(Pattern.quote(p.substring(i, next)));
                i = next;
            }
        }
        Pattern compiled = Pattern.compile(regex.toString());
        return path -> compiled.matcher(path).matches();
    }

    private static IllegalArgumentException invalid(String p) {
        return new IllegalArgumentException("path pattern '" + Validate.abbreviate(p)
                + "' must start with '/' (such as /articles/*) or be an extension such as *.html");
    }

    @FunctionalInterface
    private interface Matcher {
        boolean matches(String path);
    }
}
