package dev.herald.share;

import dev.herald.page.HeraldConfig;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the share endpoint when, and only when, the site configured one: {@code herald.buttons.endpoint}
 * set to a path of this web app (in {@code herald.properties} or a {@code herald.*} context parameter).
 * Herald's web fragment declares it, so a jar in {@code WEB-INF/lib} adds no endpoint the site did
 * not ask for.
 *
 * <p>The endpoint is mapped at {@code {endpoint}/*} (the path without the context path) and reads
 * the configuration the filter publishes, so both agree. Nothing is mapped when the app already
 * registers a {@link ShareServlet} itself, when the endpoint is an absolute URL or lies outside
 * this web app, or when the configuration is invalid (the filter then refuses to start, naming the key).
 */
public final class ShareEndpointRegistrar implements ServletContextListener {
    private static final Logger log = LoggerFactory.getLogger(ShareEndpointRegistrar.class);
    /** The servlet name the endpoint is registered under. */
    public static final String SERVLET_NAME = "herald-share";

    /** A registrar; the container creates it from the web fragment. */
    public ShareEndpointRegistrar() {}

    /** Maps the endpoint if the site configured one and has not mapped it itself. */
    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        HeraldConfig config;
        try {
            config = HeraldConfig.of(context);
        } catch (IllegalArgumentException e) {
            log.debug("Herald share endpoint not mapped: the configuration is invalid ({})", e.getMessage());
            return;
        }
        String mapping = mappingFor(config.buttons().endpoint(), context.getContextPath());
        if (mapping == null) return;
        for (ServletRegistration r : context.getServletRegistrations().values()) {
            if (ShareServlet.class.getName().equals(r.getClassName())) return; // mapped by the app
        }
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, ShareServlet.class);
        if (servlet == null) {
            log.warn("Herald share endpoint not mapped: a servlet named '{}' already exists", SERVLET_NAME);
            return;
        }
        Set<String> conflicts = servlet.addMapping(mapping);
        if (!conflicts.isEmpty()) {
            log.warn("Herald share endpoint not mapped at {}: another servlet has that mapping", mapping);
            return;
        }
        log.info("Herald share endpoint mapped at {}", mapping);
    }

    /**
     * The servlet mapping for the share endpoint {@code endpoint} (as {@link HeraldConfig} holds it)
     * in a web app at {@code contextPath}, or {@code null} when there is none to make: no endpoint,
     * an absolute URL, or a path outside the web app.
     */
    public static String mappingFor(String endpoint, String contextPath) {
        if (endpoint == null || !endpoint.startsWith("/") || endpoint.startsWith("//")) return null;
        String base = contextPath == null ? "" : contextPath;
        String path = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        if (!base.isEmpty()) {
            if (path.equals(base)) return null; // the whole web app cannot be the endpoint
            if (!path.startsWith(base + "/")) {
                log.warn("Herald share endpoint {} is outside this web app ({}); not mapped", endpoint, base);
                return null;
            }
            path = path.substring(base.length());
        }
        if (path.isEmpty()) return null;
        return path + "/*";
    }
}
