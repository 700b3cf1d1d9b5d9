package dev.herald.page.it;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;

/** Embedded Tomcat 11 (Servlet 6.1) with Jasper for JSPs. */
public final class TomcatContainer implements Container {
    private Tomcat tomcat;
    private Connector connector;

    @Override
    public void start(List<App> apps) throws Exception {
        Path base = Files.createTempDirectory("herald-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.getHost().setAppBase(base.toString());
        connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        for (App app : apps) {
            Context context = tomcat.addWebapp(app.contextPath(), app.baseDir().toAbsolutePath().toString());
            // The test classpath holds no web fragments or TLDs the apps need; WEB-INF/lib is still scanned.
            ((StandardJarScanner) context.getJarScanner()).setScanClassPath(false);
            if (app.initializer() != null) context.addServletContainerInitializer(app.initializer(), null);
        }
        // Tomcat logs why an application failed to start (a filter's init exception, say) instead of
        // throwing it; in these tests its log goes through SLF4J to System.err, so keep a copy of
        // that while starting, and the failure a test sees says what went wrong.
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(new TeeOutputStream(err, log), true, StandardCharsets.UTF_8));
        try {
            tomcat.start();
        } finally {
            System.setErr(err);
        }
        String problems = "\n" + log.toString(StandardCharsets.UTF_8);
        for (org.apache.catalina.Container child : tomcat.getHost().findChildren()) {
            if (child.getState() != LifecycleState.STARTED) {
                throw new IllegalStateException("Tomcat did not start " + child.getName() + ": " + child.getState() + problems);
            }
        }
    }

    @Override
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + connector.getLocalPort() + pathAndQuery);
    }

    @Override
    public String name() {
        return "Tomcat 11";
    }

    @Override
    public void close() throws Exception {
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }
    }
}
