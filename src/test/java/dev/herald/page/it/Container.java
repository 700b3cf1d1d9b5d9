package dev.herald.page.it;

import jakarta.servlet.ServletContainerInitializer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * An embedded servlet container started for a test, listening on 127.0.0.1 on an ephemeral port.
 * Implementations differ only in how they start; applications register their servlets and filters
 * through the standard {@link ServletContainerInitializer} API, as a real application would.
 */
public interface Container extends AutoCloseable {

    /**
     * One web application.
     *
     * @param contextPath {@code ""} for the root application, else {@code /name}
     * @param baseDir the document root: static files, JSPs, {@code WEB-INF/web.xml}, {@code WEB-INF/lib}
     * @param initializer registers servlets and filters; {@code null} for none
     */
    record App(String contextPath, Path baseDir, ServletContainerInitializer initializer) {}

    /** Starts the container with {@code apps}. */
    void start(List<App> apps) throws Exception;

    /** The absolute URL of {@code pathAndQuery} (starting with {@code /}) on this container. */
    URI uri(String pathAndQuery);

    /** The container's name for test reports. */
    String name();

    /** Stops the container. */
    @Override
    void close() throws Exception;
}
