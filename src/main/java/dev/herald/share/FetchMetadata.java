package dev.herald.share;

import dev.herald.internal.HttpUrls;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * What a request's fetch-metadata headers ({@code Sec-Fetch-*}) and {@code Origin} say about where
 * it comes from. Browsers set these headers; a page cannot forge them for a reader.
 */
final class FetchMetadata {
    private FetchMetadata() {}

    /**
     * Whether the request was sent by a page of {@code origin} itself: {@code Sec-Fetch-Site:
     * same-origin} when the browser sends fetch metadata, else an {@code Origin} header equal to
     * {@code origin}, else (only a browser sending neither) {@code tokenMatches}, the form's
     * anti-forgery token.
     */
    static boolean isSameOrigin(HttpServletRequest req, URI origin, boolean tokenMatches) {
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null) return site.strip().equalsIgnoreCase("same-origin");
        String from = req.getHeader("Origin");
        if (from != null) return origin != null && sameOrigin(from.strip(), origin);
        return tokenMatches;
    }

    /**
     * Whether the request is a reader's top-level navigation (a click on a link or a form), not a
     * resource some page embeds: {@code Sec-Fetch-Dest: document} and {@code Sec-Fetch-Mode: navigate}
     * where the browser sends them.
     */
    static boolean isNavigation(HttpServletRequest req) {
        String dest = req.getHeader("Sec-Fetch-Dest");
        String mode = req.getHeader("Sec-Fetch-Mode");
        return (dest == null || dest.strip().toLowerCase(Locale.ROOT).equals("document"))
                && (mode == null || mode.strip().toLowerCase(Locale.ROOT).equals("navigate"));
    }

    private static boolean sameOrigin(String header, URI origin) {
        if (header.equalsIgnoreCase("null")) return false;
        try {
            URI from = HttpUrls.page(header);
            URI own = HttpUrls.page(origin.toString());
            return from.getScheme().equals(own.getScheme()) && from.getHost().equals(own.getHost()) && from.getPort() == own.getPort()
                    && from.getRawPath().equals("/") && from.getRawQuery() == null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
