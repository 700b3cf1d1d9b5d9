package dev.herald.internal;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The one URL normaliser of the project: turns what a person or a page gives as an absolute
 * http(s) URL (an IRI such as {@code https://bücher.example/café}, or a URL already percent-encoded)
 * into a single ASCII form, so that every part of Herald (share endpoint, counts, CLI, posts) names a
 * page the same way.
 *
 * <p>The result is idempotent ({@code normalize(normalize(u).toString())} equals
 * {@code normalize(u)}) and never moves the URL to another host: the authority is split off the
 * way browsers split it (at the first {@code /}, {@code \}, {@code ?} or {@code #}) before anything
 * is encoded, and URLs with user info are refused rather than guessed at.
 *
 * <ul>
 *   <li>scheme and host lower-cased; the host IDNA-encoded ({@code bücher.example} becomes
 *       {@code xn--bcher-kva.example}); the default port dropped;</li>
 *   <li>an empty path becomes {@code /}; {@code .} and {@code ..} segments are removed; a backslash
 *       in the path is a slash, as browsers read it;</li>
 *   <li>valid percent-escapes are kept (hex digits upper-cased); characters a URI may not hold
 *       (non-ASCII, spaces, {@code "<>\^`{|}[]}, a stray {@code %}) are percent-encoded as UTF-8.</li>
 * </ul>
 */
public final class HttpUrls {
    private static final String HEX = "0123456789ABCDEF";
    /** Longest host name DNS allows. */
    private static final int MAX_HOST = 253;

    private HttpUrls() {}

    /**
     * Returns {@code url} normalised, fragment kept.
     *
     * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL with a valid
     *     host, or carries user info; the message says which
     */
    public static URI normalize(String url) {
        return parse(url, true);
    }

    /**
     * Returns {@code url} normalised without its fragment: the identity of a page, which is what
     * share links, counts and canonical URLs use (a fragment never reaches a server).
     *
     * @throws IllegalArgumentException as {@link #normalize}
     */
    public static URI page(String url) {
        return parse(url, false);
    }

    /**
     * Returns the host of {@code host} as a URL carries it: IDNA-encoded and lower-cased, a trailing
     * dot kept, an IPv6 literal in brackets.
     *
     * @throws IllegalArgumentException when it is not a host name, an IPv4 or a bracketed IPv6 literal
     */
    public static String host(String host) {
        Validate.notNull(host, "host");
        if (host.startsWith("[")) return ipv6(host);
        if (host.isEmpty() || host.indexOf('%') >= 0) throw new IllegalArgumentException("not a host name: " + Validate.abbreviate(host));
        for (int i = 0; i < host.length(); i++) {
            // UTS 46 "deviation" characters: Java's IDNA 2003 maps them away (ß to ss) where browsers keep
            // them, so the two would reach different hosts. Refused rather than guessed.
            if ("\u00DF\u03C2\u200C\u200D".indexOf(host.charAt(i)) >= 0) {
                throw new IllegalArgumentException("host name with a character browsers and Java encode differently: " + Validate.abbreviate(host));
            }
        }
        String ascii;
        try {
            // No ALLOW_UNASSIGNED: characters newer than Unicode 3.2 have mappings Java does not know.
            ascii = IDN.toASCII(host, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a host name: " + Validate.abbreviate(host));
        }
        String bare = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (bare.isEmpty() || bare.length() > MAX_HOST) throw new IllegalArgumentException("not a host name: " + Validate.abbreviate(host));
        String[] labels = bare.split("\\.", -1);
        for (String label : labels) {
            if (!isLabel(label)) throw new IllegalArgumentException("not a host name: " + Validate.abbreviate(host));
            if (label.startsWith("xn--") && !isCanonicalPunycode(label)) {
                // Browsers decode and re-encode such a label, reaching another host than the text says.
                throw new IllegalArgumentException("not a valid IDNA label: " + Validate.abbreviate(label));
            }
        }
        String last = labels[labels.length - 1];
        if (last.charAt(0) >= '0' && last.charAt(0) <= '9' && !isIpv4(bare)) {
            // java.net.URI (and browsers, differently) read a numeric top label as an address: refuse the ambiguity.
            throw new IllegalArgumentException("not a host name or IPv4 address: " + Validate.abbreviate(host));
        }
        return ascii;
    }

    /** Whether {@code s} is a dotted-quad IPv4 address such as {@code 192.0.2.1}. */
    public static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) return false;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) return false;
            for (int i = 0; i < p.length(); i++) if (p.charAt(i) < '0' || p.charAt(i) > '9') return false;
            if (Integer.parseInt(p) > 255) return false;
        }
        return true;
    }

    private static URI parse(String url, boolean keepFragment) {
        Validate.notNull(url, "url");
        String s = strip(url);
        int colon = s.indexOf(':');
        String scheme = colon < 0 ? "" : s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("not an absolute http(s) URL: " + Validate.abbreviate(url));
        }
        if (!s.startsWith("//", colon + 1)) throw new IllegalArgumentException("not an absolute http(s) URL: " + Validate.abbreviate(url));
        int start = colon + 3;
        int end = start;
        while (end < s.length() && "/\\?#".indexOf(s.charAt(end)) < 0) end++;
        String authority = s.substring(start, end);
        if (authority.indexOf('@') >= 0) throw new IllegalArgumentException("URL must not contain user info: " + Validate.abbreviate(url));
        String host = authority;
        int port = -1;
        int portColon = authority.lastIndexOf(':');
        if (portColon >= 0 && authority.indexOf(']', portColon) < 0) {
            host = authority.substring(0, portColon);
            port = port(authority.substring(portColon + 1), url);
        }
        host = host(host);
        if (port == (scheme.equals("https") ? 443 : 80)) port = -1;

        String rest = s.substring(end);
        int hash = rest.indexOf('#');
        String fragment = hash < 0 ? null : rest.substring(hash + 1);
        if (hash >= 0) rest = rest.substring(0, hash);
        int q = rest.indexOf('?');
        String query = q < 0 ? null : rest.substring(q + 1);
        String path = (q < 0 ? rest : rest.substring(0, q)).replace('\\', '/');
        path = removeDotSegments(encode(path, "?#"));

        StringBuilder out = new StringBuilder(s.length() + 16).append(scheme).append("://").append(host);
        if (port >= 0) out.append(':').append(port);
        out.append(path.isEmpty() ? "/" : path);
        if (query != null) out.append('?').append(encode(query, "#"));
        if (keepFragment && fragment != null) out.append('#').append(encode(fragment, "#"));
        try {
            URI u = new URI(out.toString());
            if (u.getHost() == null) throw new IllegalArgumentException("not a valid URL: " + Validate.abbreviate(url));
            return u;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL: " + Validate.abbreviate(url), e);
        }
    }

    private static int port(String p, String url) {
        if (p.isEmpty()) return -1; // "host:" means the default port, as browsers read it
        if (p.length() > 5 || !p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 65535) {
            throw new IllegalArgumentException("not a valid port in " + Validate.abbreviate(url));
        }
        return Integer.parseInt(p);
    }

    private static String ipv6(String host) {
        int n = host.length();
        if (n < 4 || host.charAt(n - 1) != ']') throw new IllegalArgumentException("not an IPv6 literal: " + Validate.abbreviate(host));
        String inner = host.substring(1, n - 1).toLowerCase(Locale.ROOT);
        int colons = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == ':') colons++;
            else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '.')) {
                throw new IllegalArgumentException("not an IPv6 literal: " + Validate.abbreviate(host));
            }
        }
        if (colons < 2 || colons > 8) throw new IllegalArgumentException("not an IPv6 literal: " + Validate.abbreviate(host));
        byte[] bytes;
        try {
            URI u = new URI("http://[" + inner + "]/");
            if (u.getHost() == null) throw new IllegalArgumentException("not an IPv6 literal: " + Validate.abbreviate(host));
            // Only hex digits, colons and dots reach here: InetAddress parses the literal, never looks a name up.
            bytes = InetAddress.getByName(inner).getAddress();
        } catch (URISyntaxException | UnknownHostException e) {
            throw new IllegalArgumentException("not an IPv6 literal: " + Validate.abbreviate(host), e);
        }
        if (bytes.length == 4) { // an IPv4-mapped literal, which InetAddress hands back as IPv4
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(bytes, 0, mapped, 12, 4);
            bytes = mapped;
        }
        return "[" + ipv6Text(bytes) + "]";
    }

    /** RFC 5952 text of a 16-byte address: lower case, no leading zeros, the longest run of zero groups as {@code ::}. */
    static String ipv6Text(byte[] a) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) groups[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) { i++; continue; }
            int j = i;
            while (j < 8 && groups[j] == 0) j++;
            if (j - i > bestLength) { bestStart = i; bestLength = j - i; }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') sb.append(':');
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }

    private static boolean isCanonicalPunycode(String label) {
        String unicode = IDN.toUnicode(label, 0);
        if (unicode.equals(label)) return false; // not decodable
        try {
            return IDN.toASCII(unicode, 0).toLowerCase(Locale.ROOT).equals(label);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isLabel(String label) {
        int n = label.length();
        if (n == 0 || n > 63 || label.charAt(0) == '-' || label.charAt(n - 1) == '-') return false;
        for (int i = 0; i < n; i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
        }
        return true;
    }

    // What browsers strip from a URL: leading/trailing C0 controls and spaces, and tabs/newlines anywhere.
    private static String strip(String s) {
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

    /**
     * Percent-encodes every character a URI component may not hold, plus those in {@code extra};
     * keeps valid escapes (upper-casing their hex digits) and encodes a stray {@code %} as {@code %25}.
     */
    static String encode(String s, String extra) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) && hex(s.charAt(i + 2))) {
                sb.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
                i += 2;
            } else if (c > ' ' && c < 0x7F && c != '%' && "\"<>\\^`{|}[]".indexOf(c) < 0 && extra.indexOf(c) < 0) {
                sb.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)) ? i + 2 : i + 1;
                String chunk = s.substring(i, end);
                // A lone surrogate has no UTF-8 form; it becomes U+FFFD, as a browser's encoder writes it.
                byte[] bytes = Character.isSurrogate(c) && end == i + 1 ? "\uFFFD".getBytes(StandardCharsets.UTF_8)
                        : chunk.getBytes(StandardCharsets.UTF_8);
                for (byte b : bytes) sb.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
                i = end - 1;
            }
        }
        return sb.toString();
    }

    // RFC 3986 section 5.2.4, on an already-encoded path; "%2E" is left alone (it is data once encoded).
    private static String removeDotSegments(String path) {
        if (path.indexOf('.') < 0) return path;
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        // segments[0] is "" for an absolute path.
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) out.addLast("");
            } else if (seg.equals("..")) {
                if (!out.isEmpty()) out.removeLast();
                if (last) out.addLast("");
            } else {
                out.addLast(seg);
            }
        }
        StringBuilder sb = new StringBuilder(path.length());
        for (String seg : out) sb.append('/').append(seg);
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
