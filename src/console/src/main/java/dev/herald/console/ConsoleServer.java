package dev.herald.console;

import dev.herald.internal.Validate;
import jakarta.servlet.SessionCookieConfig;
import java.net.URI;
import java.time.Duration;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The console on its own embedded Jetty 12, for {@code herald console}: served at the root of
 * {@code host:port}, sessions in a cookie that is HttpOnly, {@code SameSite=Strict} and
 * {@code Secure} (browsers accept secure cookies from {@code http://localhost} and
 * {@code http://127.0.0.1}; anywhere else, put it behind https). Needs
 * {@code org.eclipse.jetty.ee10:jetty-ee10-servlet} on the class path.
 */
public final class ConsoleServer implements AutoCloseable {
    /** The session cookie's name. */
    public static final String COOKIE = "HERALD_CONSOLE";
    /** How long an idle session lasts. */
    public static final Duration IDLE = Duration.ofHours(8);

    private final Server server;
    private final URI uri;

    private ConsoleServer(Server server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    /**
     * Starts {@code console} on {@code host} and {@code port} (0 for any free port).
     *
     * @throws IllegalStateException when the server cannot start (the port is taken, say)
     */
    public static ConsoleServer start(Console console, String host, int port) {
        Validate.notNull(console, "console");
        Validate.notBlank(host, "host");
        Validate.isTrue(port >= 0 && port <= 65535, "port", "must be 0..65535");
        Server server = new Server();
        // Behind an https proxy the browser's Origin is the proxy's: the same-origin check of every
        // form must see the scheme, host and port the proxy was asked for (X-Forwarded-*, Forwarded).
        // A browser cannot add these headers to another site's form post, so trusting them costs no
        // CSRF protection.
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new ForwardedRequestCustomizer());
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        SessionHandler sessions = context.getSessionHandler();
        sessions.setMaxInactiveInterval((int) IDLE.toSeconds());
        sessions.setSessionTrackingModes(java.util.Set.of(jakarta.servlet.SessionTrackingMode.COOKIE));
        sessions.setSameSite(HttpCookie.SameSite.STRICT);
        SessionCookieConfig cookie = sessions.getSessionCookieConfig();
        cookie.setName(COOKIE);
        cookie.setHttpOnly(true);
        cookie.setSecure(true);
        cookie.setPath("/");
        context.addServlet(new ServletHolder("herald-console", console.servlet()), "/*");
        server.setHandler(context);
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // already failing; the start failure is what matters
            }
            throw new IllegalStateException("cannot start the console on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return new ConsoleServer(server, URI.create("http://" + shownHost + ":" + connector.getLocalPort() + "/"));
    }

    /** Where the console is served, such as {@code http://127.0.0.1:8081/}. */
    public URI uri() {
        return uri;
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the console: " + e.getMessage(), e);
        }
    }
}
