package dev.herald.internal;

import java.util.Random;

/** Builds URL-like strings from the pieces that trip URL parsers, for property tests. */
final class RandomUrls {
    private static final String[] SCHEMES = {"https://", "http://", "HTTPS://", "https:/", "https:\\\\", "ftp://", ""};
    private static final String[] HOSTS = {"news.example", "Bücher.example", "ⓔvil.example", "xn--bcher-kva.example", "192.0.2.1",
            "[2001:db8::1]", "news.example.", "a.b.c.example", "exa%6Dple.com", "NEWS.EXAMPLE", "straße.example", "ｆｕｌｌ.example"};
    private static final String[] PORTS = {"", "", "", ":443", ":80", ":8443", ":", ":0", ":65535"};
    private static final String[] PIECES = {"/", "a", "é", "%C3%A9", "%c3%a9", "%", "%2", "%zz", " ", "\\", "?", "#", "&", "=",
            "..", ".", "/../", "@", ":", "[", "]", "{", "|", "^", "`", "\"", "<", ">", "'", "+", "😀", "\uD800", "\t", "%2e%2e",
            "evil.example", "//", ";", ",", "~", "*"};

    private RandomUrls() {}

    /** A random URL-like string, most of them absolute http(s) URLs. */
    static String next(Random random) {
        StringBuilder sb = new StringBuilder();
        sb.append(random.nextInt(8) == 0 ? SCHEMES[random.nextInt(SCHEMES.length)] : "https://");
        sb.append(HOSTS[random.nextInt(HOSTS.length)]).append(PORTS[random.nextInt(PORTS.length)]);
        if (random.nextInt(4) != 0) sb.append('/');
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) sb.append(PIECES[random.nextInt(PIECES.length)]);
        return sb.toString();
    }

    /** OkHttp gives IPv6 hosts without brackets; URI with them. */
    static String bracketed(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }
}
