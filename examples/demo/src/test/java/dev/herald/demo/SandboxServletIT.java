package dev.herald.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    private WebAppContext demo;
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
        demo = new WebAppContext();
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
    void postsTheLeadStoryOnceToEveryNetworkWithinEachNetworksLimit() throws Exception {
        assertEquals(303, post(origin, token(), ARTICLE).statusCode());
        String page = page();
        Matcher outcomes = Pattern.compile("<li>([^<]*)</li>").matcher(page.substring(page.indexOf("id=\"outcomes\"")));
        int posted = 0;
        while (outcomes.find() && outcomes.group(1).startsWith("sandbox-")) {
            assertTrue(outcomes.group(1).contains("): posted "), outcomes.group(1));
            posted++;
        }
        assertEquals(11, posted, page);
        for (String received : new String[] {"Mastodon received 1 status", "Bluesky received 1 post", "Webhook received 1 delivery",
                "X received 1 post", "Facebook received 1 Page post", "LinkedIn received 1 post", "Threads received 1 post",
                "Telegram received 1 message", "Discord received 1 message", "Slack received 1 message", "The WebSub hub received 1 ping"}) {
            assertTrue(page.contains(received), received + " in " + page);
        }

        jakarta.servlet.Servlet servlet = demo.getServletHandler().getServlet("herald-sandbox").getServlet();
        // Jetty wraps a servlet that is not async-supported.
        while (servlet instanceof org.eclipse.jetty.ee10.servlet.ServletHolder.Wrapper w) servlet = w.getWrapped();
        Sandbox sandbox = ((SandboxServlet) servlet).sandbox();
        String url = origin + ARTICLE;
        assertEquals(1, sandbox.mastodon().statuses().size());
        assertTrue(sandbox.mastodon().statuses().get(0).text().contains(url));
        assertEquals(1, sandbox.bluesky().posts().size());
        assertTrue(graphemes(sandbox.bluesky().posts().get(0).text()) <= 300);
        assertEquals(1, sandbox.webhook().uniqueCount());
        assertEquals(0, sandbox.webhook().rejectedCount(), "the signature checked out");
        assertEquals(1, sandbox.x().postCount());
        assertTrue(dev.herald.testkit.MockX.weightedLength(sandbox.x().posts().get(0).text()) <= 280, "X's weighted count");
        assertEquals(java.util.List.of(url), sandbox.x().posts().get(0).urls());
        assertEquals(1, sandbox.facebook().postCount());
        assertEquals(url, sandbox.facebook().posts().get(0).link());
        assertEquals(1, sandbox.linkedIn().postCount());
        assertTrue(sandbox.linkedIn().posts().get(0).commentary().length() <= 3000);
        assertEquals(url, sandbox.linkedIn().posts().get(0).body().path("content").path("article").path("source").asText());
        assertEquals(1, sandbox.threads().posts().size());
        assertTrue(sandbox.threads().posts().get(0).text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 500 * 4
                && sandbox.threads().posts().get(0).text().codePointCount(0, sandbox.threads().posts().get(0).text().length()) <= 500);
        assertEquals(url, sandbox.threads().posts().get(0).linkAttachment());
        assertEquals(1, sandbox.telegram().messageCount());
        assertTrue(sandbox.telegram().messages().get(0).text().length() <= 4096, "Telegram counts after entity parsing");
        assertEquals(1, sandbox.discord().messageCount());
        assertFalse(sandbox.discord().messages().get(0).mentionsEveryone());
        assertEquals(url, sandbox.discord().messages().get(0).embeds().get(0).path("url").asText());
        assertEquals(1, sandbox.slack().messageCount());
        assertEquals(java.util.List.of(url), sandbox.slack().messages().get(0).links());
        assertEquals(java.util.List.of(java.util.List.of(URI.create(url))), sandbox.webSubHub().pings());
    }

    private static int graphemes(String s) {
        java.text.BreakIterator it = java.text.BreakIterator.getCharacterInstance(java.util.Locale.ROOT);
        it.setText(s);
        int n = 0;
        while (it.next() != java.text.BreakIterator.DONE) n++;
        return n;
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
        assertTrue(page.contains("Slack received 0 messages") && page.contains("The WebSub hub received 0 pings"), page);
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
