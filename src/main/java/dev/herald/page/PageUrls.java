package dev.herald.page;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the absolute URL a page was requested at: scheme, host and port from the configured site
 * origin, else from a trusted proxy's {@code X-Forwarded-*} headers, else from the request; then
 * the request's path and query. Fragments never reach a server.
 */
final class PageUrls {
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final URI siteOrigin;
    private final boolean trustProxy;

    PageUrls(URI siteOrigin, boolean trustProxy) {
        this.siteOrigin = siteOrigin;
        this.trustProxy = trustProxy;
    }

    /**
     * The page URL of {@code request} as a string, or {@code null} when its scheme, host or port
     * cannot form a valid URL. Cheap: no URI parsing, which only a cache miss needs ({@link #parse}).
     */
    String of(HttpServletRequest request) {
        StringBuilder url = new StringBuilder(128);
        if (siteOrigin != null) {
            String origin = siteOrigin.toString();
            url.append(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
        } else if (!appendOrigin(request, url)) {
            return null;
        }
        String uri = request.getRequestURI();
        String query = request.getQueryString();
        if (request.getDispatcherType() == DispatcherType.FORWARD && request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI) != null) {
            // Inside a forward the request reports the target; the page lives at the URL the client asked for.
            uri = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI).toString();
            Object q = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            query = q == null ? null : q.toString();
        }
        url.append(uri);
        if (query != null && !query.isEmpty()) url.append('?').append(query);
        return url.toString();
    }

    /**
     * The origin ({@code scheme://host[:port]}) {@code request} was made to, built exactly as {@link #of}
     * builds the start of a page URL; {@code null} when it cannot form a valid URL.
     */
    String origin(HttpServletRequest request) {
        if (siteOrigin != null) {
            String origin = siteOrigin.toString();
            return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
        }
        StringBuilder url = new StringBuilder(64);
        return appendOrigin(request, url) ? url.toString() : null;
    }

    /** {@code url} as an absolute URI with a host, or {@code null} when it is not one. */
    static URI parse(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() == null ? null : uri;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private boolean appendOrigin(HttpServletRequest request, StringBuilder url) {
        String scheme = request.getScheme();
        String host = request.getServerName();
        int port = request.getServerPort();
        if (trustProxy) {
            String fwdProto = first(request.getHeader("X-Forwarded-Proto"));
            if (fwdProto != null) {
                scheme = fwdProto.toLowerCase(Locale.ROOT);
                port = -1;
            }
            String fwdHost = first(request.getHeader("X-Forwarded-Host"));
            if (fwdHost != null) {
                port = -1;
                int colon = fwdHost.lastIndexOf(':');
                if (colon > 0 && fwdHost.indexOf(']', colon) < 0) {
                    String p = fwdHost.substring(colon + 1);
                    if (!PORT.matcher(p).matches()) return false;
                    port = Integer.parseInt(p);
                    fwdHost = fwdHost.substring(0, colon);
                }
                host = fwdHost;
            }
            String fwdPort = first(request.getHeader("X-Forwarded-Port"));
            if (fwdPort != null) {
                if (!PORT.matcher(fwdPort).matches()) return false;
                port = Integer.parseInt(fwdPort);
            }
        }
        if (!"http".equals(scheme) && !"https".equals(scheme)) return false;
        if (host == null) return false;
        // Jetty 12 returns a bracketed IPv6 literal from getServerName(), Tomcat 11 a bare one.
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) host = "[" + host + "]";
        if (!isHost(host)) return false;
        url.append(scheme).append("://").append(host);
        boolean defaultPort = port <= 0 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        if (!defaultPort) url.append(':').append(port);
        return true;
    }

    /** A host name, IPv4 or bracketed IPv6 literal; anything else in a Host header is an attack or a mistake. */
    static boolean isHost(String host) {
        int n = host.length();
        if (n == 0 || n > 255) return false;
        boolean bracketed = host.charAt(0) == '[';
        if (bracketed && (n < 4 || host.charAt(n - 1) != ']')) return false;
        for (int i = bracketed ? 1 : 0; i < (bracketed ? n - 1 : n); i++) {
            char c = host.charAt(i);
            boolean ok = bracketed
                    ? (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
            if (!ok) return false;
        }
        return true;
    }

    private static String first(String header) {
        if (header == null) return null;
        int comma = header.indexOf(',');
        String v = (comma < 0 ? header : header.substring(0, comma)).strip();
        return v.isEmpty() ? null : v;
    }
}
