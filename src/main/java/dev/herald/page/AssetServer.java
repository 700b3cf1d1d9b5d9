package dev.herald.page;

import dev.herald.buttons.ShareAsset;
import dev.herald.buttons.ShareButtons;
import dev.herald.internal.Validate;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Serves the share bar's files — the stylesheet with the icons, and the script — at a path inside
 * the application, so that pages carry a short {@code <link>} instead of the bar's weight.
 *
 * <p>Each file's name holds a hash of its content, so it is sent with
 * {@code Cache-Control: public, max-age=31536000, immutable} and a strong {@code ETag}: a browser
 * asks for it once. A name of another version (a page cached before Herald was upgraded) gets the
 * current file, cached for five minutes only. Anything else under the path is left to the
 * application.
 */
final class AssetServer {
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String STALE_NAME = "public, max-age=300";
    private static final Pattern VERSIONED = Pattern.compile("share-[0-9a-f]{10}\\.(css|js)");

    private final String base;
    private final Map<String, ShareAsset> byName = new HashMap<>();
    private final Map<String, ShareAsset> byExtension = new HashMap<>();

    /** Serves {@code assets} under {@code base}, a path inside the application such as {@code /herald/assets}. */
    AssetServer(String base, List<ShareAsset> assets) {
        Validate.isTrue(base.startsWith("/") && !base.endsWith("/"), "base", "must be a path such as /herald/assets");
        this.base = base + "/";
        for (ShareAsset a : assets) {
            byName.put(a.fileName(), a);
            byExtension.put(a.fileName().substring(a.fileName().lastIndexOf('.') + 1), a);
        }
    }

    /** A server of Herald's own bar files under {@code base}. */
    static AssetServer of(String base) {
        return new AssetServer(base, ShareButtons.assets());
    }

    /**
     * Answers {@code request} when it asks for one of the files, and returns whether it did; the
     * caller passes every other request on.
     */
    boolean serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.REQUEST) return false;
        String path = RewritePolicy.pathOf(request);
        if (path == null || !path.startsWith(base)) return false;
        String name = path.substring(base.length());
        ShareAsset asset = byName.get(name);
        boolean current = asset != null;
        if (!current && VERSIONED.matcher(name).matches()) asset = byExtension.get(name.substring(name.lastIndexOf('.') + 1));
        if (asset == null) return false;
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            response.setHeader("Allow", "GET, HEAD");
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return true;
        }
        response.setHeader("Cache-Control", current ? IMMUTABLE : STALE_NAME);
        response.setHeader("ETag", asset.etag());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (matches(request.getHeader("If-None-Match"), asset.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        byte[] body = asset.bytes();
        response.setContentType(asset.contentType());
        response.setContentLength(body.length);
        if (method.equals("GET")) response.getOutputStream().write(body);
        return true;
    }

    /** Whether an {@code If-None-Match} header names {@code etag} (weakly compared, as RFC 9110 asks for GET). */
    private static boolean matches(String header, String etag) {
        if (header == null) return false;
        for (String part : header.split(",")) {
            String t = part.strip();
            if (t.startsWith("W/")) t = t.substring(2);
            if (t.equals("*") || t.equals(etag)) return true;
        }
        return false;
    }
}
