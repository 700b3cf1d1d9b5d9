package dev.herald.page;

import dev.herald.meta.ImageSize;
import dev.herald.meta.ImageSizes;
import dev.herald.meta.ServedImageSizes;
import jakarta.servlet.ServletContext;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Image sizes read from the files this web application serves, for images on the page's own
 * origin only.
 *
 * <p>The transformer is built once, but the origin a page is served at is known per request (it
 * comes from the request unless {@code herald.site.url} is configured). So {@link #during} names the
 * page's origin for the duration of one plan, and only image URLs on that origin are looked up,
 * mapped onto a fixed base for {@link ServedImageSizes}, which keeps one cache for all of them.
 */
final class LocalImageSizes implements ImageSizes {
    private static final String BASE = "http://herald.invalid";
    private static final String[] CLASS_PATH_ROOTS = {"static", "public", "resources"};

    private final ServedImageSizes served;
    private final ThreadLocal<String> origin = new ThreadLocal<>();

    LocalImageSizes(ServletContext context) {
        String contextPath = context.getContextPath() == null ? "" : context.getContextPath();
        ClassLoader loader = context.getClassLoader() != null ? context.getClassLoader() : LocalImageSizes.class.getClassLoader();
        this.served = new ServedImageSizes(URI.create(BASE + contextPath + "/"), path -> open(context, loader, path));
    }

    /**
     * The file served at {@code path}: the web app's own, else one under the class path's
     * {@code static/}, {@code public/} or {@code resources/}, where Spring Boot (and others following
     * it) serve static files from, unseen by the servlet context.
     */
    private static InputStream open(ServletContext context, ClassLoader loader, String path) {
        InputStream in = context.getResourceAsStream(path);
        if (in != null || path == null || !path.startsWith("/") || path.contains("..")) return in;
        for (String root : CLASS_PATH_ROOTS) {
            in = loader.getResourceAsStream(root + path);
            if (in != null) return in;
        }
        return null;
    }

    /** Runs {@code work} with image URLs on {@code pageUrl}'s origin looked up locally. */
    <T> T during(URI pageUrl, Supplier<T> work) {
        origin.set(originOf(pageUrl));
        try {
            return work.get();
        } finally {
            origin.remove();
        }
    }

    @Override
    public Optional<ImageSize> sizeOf(URI imageUrl) {
        String page = origin.get();
        if (page == null || imageUrl == null || !page.equals(originOf(imageUrl)) || imageUrl.getRawPath() == null) {
            return Optional.empty();
        }
        return served.sizeOf(URI.create(BASE + imageUrl.getRawPath()));
    }

    private static String originOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1) port = scheme.equals("https") ? 443 : 80;
        return scheme + "://" + host + ":" + port;
    }
}
