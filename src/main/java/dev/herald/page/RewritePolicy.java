package dev.herald.page;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * Decides which responses {@link ShareFilter} rewrites; everything else streams through untouched
 * and unbuffered.
 *
 * <p>The request half is decided before the servlet runs (method, dispatcher type, path); the
 * response half lazily, at the first byte or flush, when status and headers are known.
 */
final class RewritePolicy {
    private final PathPatterns include;
    private final PathPatterns exclude;

    RewritePolicy(PathPatterns include, PathPatterns exclude) {
        this.include = include;
        this.exclude = exclude;
    }

    /**
     * Whether the response to {@code request} may be rewritten: a GET or HEAD, dispatched as
     * REQUEST (an error page, include, forward or async dispatch is part of a request that is
     * either already being rewritten or not to be), at an included and not excluded path.
     */
    boolean acceptsRequest(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) return false;
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) return false;
        String path = pathOf(request);
        return include.matches(path) && !exclude.matches(path);
    }

    /**
     * Whether a response with this status and these headers is rewritten: a 2xx that carries a
     * whole representation (not 204, 205 or a 206 range), {@code text/html} in any charset, not
     * already content-encoded.
     *
     * <p>{@code application/xhtml+xml} is deliberately left alone: it is parsed as XML, where the
     * HTML-syntax void tags Herald inserts would be a fatal well-formedness error.
     */
    boolean acceptsResponse(int status, String contentType, String contentEncoding) {
        return acceptsStatus(status) && isHtml(contentType) && isIdentity(contentEncoding);
    }

    static boolean acceptsStatus(int status) {
        return status >= 200 && status < 300 && status != 204 && status != 205 && status != 206;
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) return false;
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
        return type.equalsIgnoreCase("text/html");
    }

    private static boolean isIdentity(String contentEncoding) {
        return contentEncoding == null || contentEncoding.isBlank()
                || contentEncoding.strip().toLowerCase(Locale.ROOT).equals("identity");
    }

    /** The request's path inside the application, as the container decoded and normalised it. */
    static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = servletPath == null ? "" : servletPath;
        if (pathInfo != null) path = path + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        return "paths [" + include + "] except [" + exclude + "]";
    }
}
