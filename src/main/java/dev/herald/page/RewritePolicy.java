package dev.herald.page;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
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
     * Whether the response to {@code request} may be rewritten: a GET or HEAD at an included and
     * not excluded path, dispatched as REQUEST, or as FORWARD when Herald did not see the request
     * before (a URL-rewriting filter ahead of Herald forwarded it; the caller checks that). Error,
     * include and async dispatches belong to a request that is already being rewritten or is not
     * to be. A forwarded request is matched by the path the client asked for.
     */
    boolean acceptsRequest(HttpServletRequest request) {
        DispatcherType type = request.getDispatcherType();
        if (type != DispatcherType.REQUEST && type != DispatcherType.FORWARD) return false;
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

    /**
     * The path inside the application the client asked for, as the container decoded and
     * normalised it (for a forwarded request, the path before the forward).
     */
    static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if (request.getDispatcherType() == DispatcherType.FORWARD) {
            Object original = request.getAttribute(RequestDispatcher.FORWARD_SERVLET_PATH);
            if (original != null) {
                servletPath = original.toString();
                Object info = request.getAttribute(RequestDispatcher.FORWARD_PATH_INFO);
                pathInfo = info == null ? null : info.toString();
            }
        }
        String path = servletPath == null ? "" : servletPath;
        if (pathInfo != null) path = path + pathInfo;
        return path.isEmpty() ? "/" : path;
    }

    @Override
    public String toString() {
        return "paths [" + include + "] except [" + exclude + "]";
    }
}
