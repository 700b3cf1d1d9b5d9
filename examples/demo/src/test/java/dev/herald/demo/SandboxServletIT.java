package dev.herald.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The demo's syndication sandbox in real Jetty, serving the demo site: it posts only same-origin,
 * token-carrying requests, only the site's article pages, and keeps a bounded number of runs.
 */
class SandboxServletIT {
    private static final String ARTICLE = "/articles/iran-retaliation.html";
    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    private Server server;
    private String origin;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

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
        demo.setTempDirectory(Files.createTempDirectory("herald-sandbox").toFile());
        demo.setParentLoaderPriority(true);
        demo.setThrowUnavailableOnStartupException(true);
        demo.setInitParameter("herald.site.url", origin);
        demo.setInitParameter("sandbox.maxRuns", "2");
        demo.addServletContainerInitializer(new JettyJasperInitializer());
        server.setHandler(demo);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
    }

    @Test
    void postsAnArticleSentFromItsOwnPage() throws Exception {
        HttpResponse<String> post = post(origin, token(), ARTICLE);
        assertEquals(303, post.statusCode());
        String page = page();
        assertTrue(page.contains("Mastodon received 1 status"), page);
        assertTrue(page.contains("Webhook received 1 delivery"), page);
    }

    @Test
    void refusesAPostWithoutAnOriginHeader() throws Exception {
        assertEquals(403, post(null, token(), ARTICLE).statusCode());
        assertNothingPosted();
    }

    @Test
    void refusesAPostFromAnotherOrigin() throws Exception {
        for (String other : new String[] {"https://evil.example", "http://127.0.0.1:1", "null", origin + ".evil.example"}) {
            assertEquals(403, post(other, token(), ARTICLE).statusCode(), other);
        }
        assertNothingPosted();
    }

    @Test
    void refusesAPostWithoutTheFormsToken() throws Exception {
        assertEquals(403, post(origin, null, ARTICLE).statusCode());
        assertEquals(403, post(origin, "forged", ARTICLE).statusCode());
        assertNothingPosted();
    }

    @Test
    void refusesPagesThatAreNotArticles() throws Exception {
        String token = token();
        for (String path : new String[] {"/", "/topics.html", "/sections/world.html", "/sandbox/", "/herald/share"}) {
            assertEquals(303, post(origin, token, path).statusCode(), path);
            String page = page();
            assertTrue(page.contains("refused: "), path + ": " + page);
        }
        assertNothingPosted();
    }

    @Test
    void refusesPathsThatAreNotPlainSitePaths() throws Exception {
        String token = token();
        for (String path : new String[] {"//evil.example/a", "/articles/../sandbox/", "/articles/%2e%2e/x", ARTICLE + "?x=1",
                "https://evil.example/", "/a\\b", "/a\nb"}) {
            assertEquals(303, post(origin, token, path).statusCode(), path);
            assertTrue(page().contains("refused: give a path on this site"), path);
        }
        assertNothingPosted();
    }

    @Test
    void keepsOnlyTheConfiguredNumberOfRuns() throws Exception {
        String token = token();
        assertEquals(303, post(origin, token, ARTICLE).statusCode());
        assertEquals(303, post(origin, token, "/articles/nuclear-deal-explainer.html").statusCode());
        assertTrue(page().contains("Mastodon received 2 statuses"), page());
        assertEquals(303, post(origin, token, ARTICLE).statusCode());
        String page = page();
        assertTrue(page.contains("Mastodon received 1 status"), "the third run starts fresh fakes: " + page);
        assertTrue(page.contains("Bluesky received 1 post"), page);
    }

    private void assertNothingPosted() throws Exception {
        String page = page();
        assertTrue(page.contains("Mastodon received 0 statuses"), page);
        assertTrue(page.contains("Bluesky received 0 posts"), page);
        assertTrue(page.contains("Webhook received 0 deliveries"), page);
    }

    private String page() throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(origin + "/sandbox/")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String token() throws Exception {
        Matcher m = TOKEN.matcher(page());
        assertTrue(m.find());
        return m.group(1);
    }

    private HttpResponse<String> post(String fromOrigin, String token, String path) throws Exception {
        String form = "path=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                + (token == null ? "" : "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + "/sandbox/post"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (fromOrigin != null) request.header("Origin", fromOrigin);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
