package dev.herald.share;

import dev.herald.internal.HttpUrls;
import dev.herald.internal.Validate;
import java.net.IDN;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * The fediverse server a reader named in the Mastodon chooser, normalised.
 *
 * <p>Readers write their server in many ways; all of these name {@code mastodon.social}:
 * {@code mastodon.social}, {@code Mastodon.Social}, {@code https://mastodon.social/},
 * {@code mastodon.social/@alice}, {@code @alice@mastodon.social}, {@code alice@mastodon.social}.
 *
 * @param host the server's host name, IDNA-encoded and lower-cased ({@code xn--bcher-kva.example})
 * @param port the port, or -1 for 443
 * @param typedAsShown whether the reader typed the host as it is shown (only case, a scheme, a path
 *     or a handle differ); {@code false} when Unicode folding changed it ({@code ⓔvil.example} is
 *     {@code evil.example}), so the reader must see and confirm the real host first
 */
record ServerChoice(String host, int port, boolean typedAsShown) {
    /** Validates the host (at least two labels, not an IP address) and the port. */
    ServerChoice {
        Validate.notBlank(host, "host");
        Validate.isTrue(port == -1 || (port >= 1 && port <= 65535 && port != 443), "port", "must be -1 or a port other than 443");
    }

    /**
     * Reads what the reader typed.
     *
     * @param ports the ports besides 443 the site allows
     * @throws IllegalArgumentException when it names no server, an IP address, or a port not allowed
     */
    static ServerChoice parse(String typed, Set<Integer> ports) {
        Validate.notNull(typed, "typed");
        String v = typed.strip();
        if (v.isEmpty() || v.length() > 300) throw new IllegalArgumentException("not a server name");
        boolean hasScheme = v.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*");
        if (!hasScheme) {
            // A handle (@alice@host or alice@host) names its server after its last @, before any path.
            String handle = v.startsWith("@") ? v.substring(1) : v;
            int slash = firstOf(handle, "/\\?#");
            int at = handle.lastIndexOf('@', slash < 0 ? handle.length() - 1 : slash);
            if (at >= 0) {
                String user = handle.substring(0, at);
                if (user.isEmpty() || user.indexOf('@') >= 0 || user.indexOf(':') >= 0) throw new IllegalArgumentException("not a server name");
                handle = handle.substring(at + 1);
            }
            v = "https://" + handle;
        }
        int authorityStart = v.indexOf("://") + 3;
        int authorityEnd = firstOf(v.substring(authorityStart), "/\\?#");
        String authority = authorityEnd < 0 ? v.substring(authorityStart) : v.substring(authorityStart, authorityStart + authorityEnd);
        URI u = HttpUrls.page(v); // refuses user info, bad ports, what is not a host
        String host = u.getHost();
        if (host.endsWith(".")) host = host.substring(0, host.length() - 1);
        if (host.startsWith("[") || HttpUrls.isIpv4(host) || host.indexOf('.') < 0) {
            throw new IllegalArgumentException("not a server name");
        }
        // The reader is always sent to https; a pasted http:// URL without a port means the same server.
        int port = u.getPort() == 443 ? -1 : u.getPort();
        if (port != -1 && !ports.contains(port)) throw new IllegalArgumentException("port " + port + " is not allowed");
        String typedHost = authority.replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT);
        if (typedHost.endsWith(".")) typedHost = typedHost.substring(0, typedHost.length() - 1);
        boolean asShown = typedHost.equals(host) || typedHost.equals(IDN.toUnicode(host).toLowerCase(Locale.ROOT));
        return new ServerChoice(host, port, asShown);
    }

    /** The host and port as {@link dev.herald.buttons.ShareLinks#mastodonIntent} takes them. */
    String authority() {
        return port == -1 ? host : host + ":" + port;
    }

    /** What the reader is shown: {@code https://}, the host in Unicode, and the port when not 443. */
    String shown() {
        return "https://" + IDN.toUnicode(host) + (port == -1 ? "" : ":" + port) + "/";
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) return i;
        }
        return -1;
    }
}
