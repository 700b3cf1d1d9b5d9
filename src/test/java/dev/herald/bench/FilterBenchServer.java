package dev.herald.bench;

import dev.herald.page.HeraldConfig;
import dev.herald.page.ShareFilter;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.eclipse.jetty.ee10.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Serves one document root twice from embedded Jetty 12 on 127.0.0.1, without and with
 * {@link ShareFilter}, for {@code bench/filter-ratio.sh} to load with wrk. Not a test.
 *
 * <p>Arguments: {@code [docroot] [plainPort] [filteredPort] [copyRoot]} (ports default to free ones,
 * printed on the {@code READY} line; {@code copyRoot}, when given, is served unfiltered on a third
 * port); the document root defaults to the
 * demo site {@code webapp/} when present, else {@code bench/site}.
 */
public final class FilterBenchServer {
    private FilterBenchServer() {}

    public static void main(String[] args) throws Exception {
        Path docroot = Path.of(args.length > 0 ? args[0]
                : Files.isDirectory(Path.of("webapp")) ? "webapp" : "bench/site");
        int plainPort = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int filteredPort = args.length > 2 ? Integer.parseInt(args[2]) : 0;

        Server plain = start(docroot, plainPort, null);
        HeraldConfig config = siteConfig(docroot);
        Server filtered = start(docroot, filteredPort, new ShareFilter(config));
        // A third site without the filter, for a copy of the document root into which the script writes
        // the filtered page as a static file: the same bytes, minus the filter's own work.
        Server copy = args.length > 3 ? start(Path.of(args[3]), 0, null) : null;
        System.out.println("READY plain=" + plain.getURI() + " filtered=" + filtered.getURI()
                + (copy != null ? " copy=" + copy.getURI() : "") + " docroot=" + docroot.toAbsolutePath().normalize());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                plain.stop();
                filtered.stop();
                if (copy != null) copy.stop();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        plain.join();
    }

    /**
     * The filter's configuration as the site would have it: its {@code WEB-INF/herald.properties},
     * then {@code herald.*} system properties ({@code -Dherald.buttons.placement=none}, say).
     */
    static HeraldConfig siteConfig(Path docroot) throws java.io.IOException {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("herald.site.name", "Herald Bench"));
        Path siteConfig = docroot.resolve("WEB-INF/herald.properties");
        if (Files.isRegularFile(siteConfig)) {
            java.util.Properties p = new java.util.Properties();
            try (java.io.Reader in = Files.newBufferedReader(siteConfig)) {
                p.load(in);
            }
            p.stringPropertyNames().forEach(k -> settings.put(k, p.getProperty(k)));
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("herald."))
                .forEach(k -> settings.put(k, System.getProperty(k)));
        return HeraldConfig.fromProperties(settings);
    }

    private static Server start(Path docroot, int port, ShareFilter filter) throws Exception {
        return start(docroot, port, filter, new QueuedThreadPool());
    }

    /** Serves {@code docroot} on 127.0.0.1:{@code port} (0: a free port), with {@code filter} if not null, on {@code threads}. */
    static Server start(Path docroot, int port, ShareFilter filter, QueuedThreadPool threads) throws Exception {
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath("/");
        webapp.setBaseResourceAsPath(docroot);
        // The site's own web.xml may register Herald itself (the demo's does): both sides get a bare
        // descriptor, and only the filtered side gets the filter, registered below.
        Path descriptor = Files.createTempFile("herald-bench-web", ".xml");
        Files.writeString(descriptor, "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\" metadata-complete=\"true\">"
                + "<welcome-file-list><welcome-file>index.html</welcome-file></welcome-file-list></web-app>");
        webapp.setDescriptor(descriptor.toString());
        webapp.setParentLoaderPriority(true);
        webapp.setTempDirectory(Files.createTempDirectory("herald-bench").toFile());
        webapp.addServletContainerInitializer(new JettyJasperInitializer());
        if (filter != null) {
            // The registration the readme documents for embedded Jetty.
            FilterHolder holder = new FilterHolder(filter);
            holder.setAsyncSupported(true);
            webapp.addFilter(holder, "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ASYNC));
        }
        server.setHandler(webapp);
        server.start();
        return server;
    }
}
