package dev.herald.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console in the demo as {@code mvn jetty:run} serves it (the override descriptor's listener
 * mounts it at /console/): signed in as the demo editor from this machine, over its own sandbox,
 * and left alone by Herald's filter.
 */
class DemoConsoleIT {
    private static final Pattern TOKEN = Pattern.compile("data-csrf=\"([^\"]+)\"");

    private Server server;
    private String origin;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        origin = "http://127.0.0.1:" + port;
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        WebAppContext demo = new WebAppContext();
        demo.setContextPath("/");
        demo.setBaseResourceAsPath(Path.of("webapp").toAbsolutePath());
        demo.setTempDirectory(Files.createTempDirectory("herald-demo-console").toFile());
        demo.setParentLoaderPriority(true);
        demo.setThrowUnavailableOnStartupException(true);
        demo.setOverrideDescriptors(List.of(Path.of("examples/demo/target/jetty/override-web.xml").toAbsolutePath().toString()));
        demo.addServletContainerInitializer(new JettyJasperInitializer());
        server.setHandler(demo);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(origin + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void showsTheLeadStorysCardsToTheDemoEditorAndSchedulesIt() throws Exception {
        String lead = origin + "/articles/iran-retaliation.html";
        HttpResponse<String> compose = get("/console/compose?url=" + URLEncoder.encode(lead, StandardCharsets.UTF_8));
        assertEquals(200, compose.statusCode(), compose.body());
        String page = compose.body();
        assertTrue(page.contains("demo-editor · editor"), "signed in as the demo editor");
        for (String card : List.of("card-mastodon", "card-bluesky", "card-plain")) assertTrue(page.contains(card), card);
        assertFalse(page.contains("og:title"), "Herald's filter leaves the console's pages alone");
        Matcher m = TOKEN.matcher(page);
        assertTrue(m.find());
        String form = "csrf=" + m.group(1) + "&url=" + URLEncoder.encode(lead, StandardCharsets.UTF_8)
                + "&action=schedule&account=sandbox-mastodon&when=next";
        HttpResponse<String> scheduled = client.send(HttpRequest.newBuilder(URI.create(origin + "/console/compose"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, scheduled.statusCode(), scheduled.body());
        assertTrue(get("/console/queue").body().contains("Scheduled 1 share"));
    }
}
