package dev.herald.page;

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
    // Host names, IPv4 and bracketed IPv6 literals; anything else in a Host header is an attack or a mistake.
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    private final URI siteOrigin;
    private final boolean trustProxy;

    PageUrls(URI siteOrigin, boolean trustProxy) {
        this.siteOrigin = siteOrigin;
        this.trustProxy = trustProxy;
    }

    /** The page URL of {@code request}, or {@code null} when its host or path cannot form a valid URL. */
    URI of(HttpServletRequest request) {
        StringBuilder url = new StringBuilder(128);
        if (siteOrigin != null) {
            String origin = siteOrigin.toString();
            url.append(origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin);
        } else if (!appendOrigin(request, url)) {
            return null;
        }
        url.append(request.getRequestURI());
        String query = request.getQueryString();
        if (query != null && !query.isEmpty()) url.append('?').append(query);
        try {
            URI uri = new URI(url.toString());
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
        if (!HOST.matcher(host).matches()) return false;
        url.append(scheme).append("://").append(host);
        boolean defaultPort = port <= 0 || (port == 80 && scheme.equals("http")) || (port == 443 && scheme.equals("https"));
        if (!defaultPort) url.append(':').append(port);
        return true;
    }

    private static String first(String header) {
        if (header == null) return null;
        int comma = header.indexOf(',');
        String v = (comma < 0 ? header : header.substring(0, comma)).strip();
        return v.isEmpty() ? null : v;
    }
}
