package dev.herald.meta;

import dev.herald.internal.Validate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads image sizes from the files the same application serves: for an image URL under the site's
 * base URL, opens the resource at the URL's path (relative to the base) and reads only the image
 * header (JPEG, PNG, GIF, BMP), never its pixels. Results, including "unknown", are cached.
 *
 * <p>The servlet filter passes {@code servletContext::getResourceAsStream}; the CLI passes an opener
 * over a directory. URLs on other hosts, and paths that try to climb out of the base with
 * {@code ..}, are never opened.
 */
public final class ServedImageSizes implements ImageSizes {
    private static final int MAX_CACHED = 2048;

    private final URI base;
    private final Function<String, InputStream> opener;
    private final Map<String, Optional<ImageSize>> cache = new ConcurrentHashMap<>();

    /**
     * @param base the site's base URL, such as {@code https://news.example/} or
     *     {@code https://example.org/app/} for an application under a context path
     * @param opener opens the resource at a path starting with {@code /} (relative to the base), or
     *     returns {@code null} when there is none
     */
    public ServedImageSizes(URI base, Function<String, InputStream> opener) {
        Validate.httpUrl(base, "base");
        this.base = base;
        this.opener = Validate.notNull(opener, "opener");
    }

    @Override
    public Optional<ImageSize> sizeOf(URI imageUrl) {
        if (imageUrl == null) return Optional.empty();
        String path = localPath(imageUrl);
        if (path == null) return Optional.empty();
        Optional<ImageSize> cached = cache.get(path);
        if (cached != null) return cached;
        Optional<ImageSize> size = read(path);
        // A bounded cache that forgets everything at once: image sets are small and re-reading a header is cheap.
        if (cache.size() >= MAX_CACHED) cache.clear();
        cache.put(path, size);
        return size;
    }

    /** The resource path for {@code url}, or null when it is not served under the base. */
    String localPath(URI url) {
        String scheme = url.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) return null;
        if (url.getHost() == null || !url.getHost().equalsIgnoreCase(base.getHost())) return null;
        if (port(url) != port(base)) return null;
        String path = url.getPath();
        if (path == null || path.isEmpty()) return null;
        String basePath = base.getPath() == null || base.getPath().isEmpty() ? "/" : base.getPath();
        if (!basePath.endsWith("/")) basePath += "/";
        if (!path.startsWith(basePath)) return null;
        String rest = "/" + path.substring(basePath.length());
        for (String segment : rest.split("/")) {
            if (segment.equals("..") || segment.equals(".")) return null;
        }
        if (rest.indexOf('\\') >= 0 || rest.indexOf('\0') >= 0) return null;
        return rest;
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) return u.getPort();
        return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private Optional<ImageSize> read(String path) {
        try (InputStream in = opener.apply(path)) {
            return in == null ? Optional.empty() : ImageSize.read(in);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
