package dev.herald.meta;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Makes the URLs a page mentions absolute, keeping only http(s) URLs with a host. */
final class Urls {
    private static final String HEX = "0123456789ABCDEF";

    private Urls() {}

    /** {@code href} resolved against {@code base}, or null when it is not, or does not become, an absolute http(s) URL. */
    static URI resolve(URI base, String href) {
        if (href == null) return null;
        String h = strip(href);
        if (h.isEmpty() || h.length() > 4096) return null;
        String lower = h.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:") || lower.startsWith("javascript:") || lower.startsWith("vbscript:")
                || lower.startsWith("mailto:") || lower.startsWith("about:") || lower.startsWith("blob:")) return null;
        try {
            URI u = new URI(encode(h));
            if (!u.isAbsolute()) {
                if (base == null) return null;
                u = withPath(base).resolve(u);
            }
            return isHttp(u) ? u.normalize() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether {@code u} is an absolute http(s) URL with a host. */
    static boolean isHttp(URI u) {
        if (u == null || u.getScheme() == null) return false;
        String s = u.getScheme().toLowerCase(Locale.ROOT);
        return (s.equals("http") || s.equals("https")) && u.getHost() != null && !u.getHost().isEmpty();
    }

    // java.net.URI resolves "x" against "http://h" as "http://hx"; give the base a root path first.
    private static URI withPath(URI base) {
        if (base.getRawPath() != null && !base.getRawPath().isEmpty()) return base;
        try {
            return new URI(base.getScheme(), base.getRawAuthority(), "/", null, null);
        } catch (URISyntaxException e) {
            return base;
        }
    }

    // What browsers strip from hrefs: leading/trailing C0 and spaces, and tabs/newlines anywhere.
    private static String strip(String s) {
        int n = s.length();
        if (n > 0 && s.charAt(0) > ' ' && s.charAt(n - 1) > ' ' && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') sb.append(c);
        }
        int a = 0;
        int b = sb.length();
        while (a < b && sb.charAt(a) <= ' ') a++;
        while (b > a && sb.charAt(b - 1) <= ' ') b--;
        return sb.substring(a, b);
    }

    // Percent-encodes what java.net.URI rejects but browsers accept (spaces, non-ASCII, stray '%'...).
    private static String encode(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = c > ' ' && c < 0x7F && "\"<>\\^`{|}".indexOf(c) < 0
                    && !(c == '%' && !(i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))));
            if (ok) {
                if (sb != null) sb.append(c);
                continue;
            }
            if (sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (c == '#' ) { sb.append(c); continue; }
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
            for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
            }
            i = end - 1;
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
