package dev.herald.page.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.ee10.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/** Embedded Jetty 12 (ee10: Servlet 6.1) with Apache Jasper for JSPs. */
public final class JettyContainer implements Container {
    private Server server;
    private int port;

    @Override
    public void start(List<App> apps) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        for (App app : apps) {
            WebAppContext webapp = new WebAppContext();
            webapp.setContextPath(app.contextPath().isEmpty() ? "/" : app.contextPath());
            webapp.setBaseResourceAsPath(app.baseDir());
            webapp.setTempDirectory(Files.createTempDirectory("herald-jetty").toFile());
            // Herald and the test classes come from the test classpath unless the app bundles its own jar.
            webapp.setParentLoaderPriority(!Files.isDirectory(app.baseDir().resolve("WEB-INF/lib")));
            webapp.setThrowUnavailableOnStartupException(true);
            webapp.addServletContainerInitializer(new JettyJasperInitializer());
            if (app.initializer() != null) webapp.addServletContainerInitializer(app.initializer());
            contexts.addHandler(webapp);
        }
        server.setHandler((Handler) contexts);
        server.start();
        port = connector.getLocalPort();
    }

    @Override
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    @Override
    public String name() {
        return "Jetty 12";
    }

    @Override
    public void close() throws Exception {
        if (server != null) server.stop();
    }
}
