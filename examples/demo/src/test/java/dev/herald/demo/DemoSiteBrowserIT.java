package dev.herald.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Keyboard;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.apache.jsp.JettyJasperInitializer;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo site in a real headless Chromium (Debian's, on the PATH), served by embedded Jetty from
 * {@code webapp/} exactly as {@code mvn jetty:run} serves it. Every request leaving 127.0.0.1 is
 * intercepted: the test sees where a reader would land, and nothing reaches the internet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoSiteBrowserIT {
    private Server server;
    private String origin;
    private Playwright playwright;
    private Browser browser;

    @BeforeAll
    void start() throws Exception {
        Optional<Path> chromium = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(d -> java.util.stream.Stream.of(Path.of(d, "chromium"), Path.of(d, "chromium-browser")))
                .filter(Files::isExecutable).findFirst();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH");
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
        demo.setTempDirectory(Files.createTempDirectory("herald-demo").toFile());
        demo.setParentLoaderPriority(true);
        demo.setThrowUnavailableOnStartupException(true);
        // No herald.site.url, as under jetty:run: page URLs and the default image take the request's origin.
        demo.addServletContainerInitializer(new JettyJasperInitializer());
        server.setHandler(demo);
        server.start();
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium.get()).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterAll
    void stop() throws Exception {
        if (playwright != null) playwright.close();
        if (server != null) server.stop();
    }

    /** A context whose requests outside the demo are recorded and answered locally, never sent. */
    private BrowserContext context(List<String> outside) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        ctx.route("**/*", route -> {
            String url = route.request().url();
            if (url.startsWith(origin + "/")) {
                route.resume();
            } else {
                outside.add(url);
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions()
                        .setStatus(200).setContentType("text/html").setBody("<!doctype html><title>intercepted</title>"));
            }
        });
        return ctx;
    }

    @Test
    void theArticleMakesNoRequestOutsideTheSite() {
        List<String> outside = new CopyOnWriteArrayList<>();
        try (BrowserContext ctx = context(outside)) {
            Page page = ctx.newPage();
            page.navigate(origin + "/articles/iran-retaliation.html");
            page.waitForLoadState();
            assertEquals(List.of(), outside);
            assertEquals(13, page.locator("[data-herald-buttons] li > a").count());
        }
    }

    @Test
    void mastodonAsksForTheReadersServerAndLandsOnItsSharePage() {
        List<String> outside = new CopyOnWriteArrayList<>();
        try (BrowserContext ctx = context(outside)) {
            Page page = ctx.newPage();
            page.navigate(origin + "/articles/iran-retaliation.html");
            Page form = ctx.waitForPage(() -> page.locator("a.hs-ma").click());
            form.waitForLoadState();
            assertTrue(form.url().startsWith(origin + "/herald/share/mastodon?"), form.url());
            form.locator("#instance").fill("mastodon.social");
            form.locator("button[type=submit]").click();
            form.waitForURL("https://mastodon.social/**");
            URI landed = URI.create(form.url());
            assertEquals("mastodon.social", landed.getHost());
            assertEquals("/share", landed.getPath());
            String text = landed.getQuery();
            assertTrue(text.startsWith("text=Iran calls its missile strikes"), text);
            assertTrue(text.contains(origin + "/articles/iran-retaliation.html?utm_source=mastodon"), text);
            assertEquals(List.of(form.url()), outside);
        }
    }

    @Test
    void aFormOnAnotherSiteCannotSendTheReaderToAServerOfItsChoosing() {
        for (String method : List.of("get", "post")) {
            List<String> outside = new CopyOnWriteArrayList<>();
            String article = origin + "/articles/iran-retaliation.html";
            String attack = "<!doctype html><form method=" + method + " action=\"" + origin + "/herald/share/mastodon\">"
                    + "<input name=url value=\"" + article + "\"><input name=instance value=\"evil.example\">"
                    + "<input name=remember value=1></form><script>document.forms[0].submit()</script>";
            try (BrowserContext ctx = browser.newContext()) {
                ctx.route("**/*", route -> {
                    String url = route.request().url();
                    if (url.startsWith("https://attacker.example/")) {
                        route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(200).setContentType("text/html").setBody(attack));
                    } else if (url.startsWith(origin + "/")) {
                        route.resume();
                    } else {
                        outside.add(url);
                        route.abort();
                    }
                });
                Page page = ctx.newPage();
                page.navigate("https://attacker.example/");
                page.waitForURL(origin + "/herald/share/mastodon**");
                page.waitForLoadState();
                assertEquals(List.of(), outside, method);
                assertEquals("evil.example", page.locator("#instance").inputValue(), "the reader is shown the server, not sent to it");
                assertTrue(page.locator("#destination").textContent().contains("https://evil.example/"), method);
                assertTrue(ctx.cookies().stream().noneMatch(c -> c.name.equals("herald_instance")), "nothing remembered");
            }
        }
    }

    @Test
    void theSandboxSyndicatesTheLeadStoryAndShowsWhatEachNetworkReceived() {
        List<String> outside = new CopyOnWriteArrayList<>();
        try (BrowserContext ctx = context(outside)) {
            Page page = ctx.newPage();
            page.navigate(origin + "/articles/iran-retaliation.html");
            page.locator("nav.sitenav a", new Page.LocatorOptions().setHasText("Syndication sandbox")).click();
            page.waitForURL(origin + "/sandbox/");
            page.locator("button[type=submit]").click();
            page.waitForURL(origin + "/sandbox/");
            List<String> outcomes = page.locator("#outcomes li").allTextContents();
            assertEquals(11, outcomes.size(), "one account per network: " + outcomes);
            for (String o : outcomes) assertTrue(o.contains(": posted "), outcomes.toString());
            String article = origin + "/articles/iran-retaliation.html";
            String status = page.locator("#mastodon pre").first().textContent();
            assertTrue(status.startsWith("Iran calls its missile strikes"), status);
            assertTrue(status.contains(article), status);
            String facets = page.locator("#bluesky li").first().textContent();
            assertTrue(facets.contains("app.bsky.richtext.facet#link " + article), facets);
            String card = page.locator("#bluesky .card p").first().textContent();
            assertTrue(card.contains("thumbnail image/"), "the card's thumb was fetched from the article's og:image and uploaded: " + card);
            assertTrue(page.locator("#webhook").textContent().contains("rejected: 0"));
            assertTrue(page.locator("#webhook pre").first().textContent().contains("\"url\" : \"" + article + "\""));
            assertEquals(List.of(), outside, "the sandbox's networks run in the server; the browser goes nowhere else");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/sandbox.png")).setFullPage(true));
        }
    }

    @Test
    void theWholeFlowWorksWithTheKeyboardAlone() {
        List<String> outside = new CopyOnWriteArrayList<>();
        try (BrowserContext ctx = context(outside)) {
            Page page = ctx.newPage();
            page.navigate(origin + "/articles/nuclear-deal-explainer.html");
            Keyboard keys = page.keyboard();
            for (int i = 0; i < 60 && !"hs-ma".equals(page.evaluate("document.activeElement.className")); i++) {
                keys.press("Tab");
            }
            assertEquals("hs-ma", page.evaluate("document.activeElement.className"));
            // The focus ring is visible: a real outline, not the browser default removed.
            Object outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle");
            assertTrue(!"none".equals(outline), "outline " + outline);
            Page form = ctx.waitForPage(() -> keys.press("Enter"));
            form.waitForLoadState();
            Keyboard formKeys = form.keyboard();
            for (int i = 0; i < 10 && !"instance".equals(form.evaluate("document.activeElement.id")); i++) formKeys.press("Tab");
            formKeys.type("hachyderm.io");
            formKeys.press("Tab");
            formKeys.press("Space");
            assertEquals(Boolean.TRUE, form.evaluate("document.querySelector('input[name=remember]').checked"));
            formKeys.press("Enter");
            form.waitForURL("https://hachyderm.io/**");
            assertTrue(form.url().startsWith("https://hachyderm.io/share?text="), form.url());
            assertTrue(ctx.cookies(origin + "/herald/share").stream().anyMatch(c -> c.name.equals("herald_instance") && c.value.equals("hachyderm.io")));
        }
    }

    @Test
    void screenshotOfTheButtonsForTheReadme() throws Exception {
        try (BrowserContext ctx = context(new CopyOnWriteArrayList<>())) {
            Page page = ctx.newPage();
            page.navigate(origin + "/articles/iran-retaliation.html");
            Locator bar = page.locator("[data-herald-buttons]").first();
            Path out = Path.of("target", "screenshots", "share-buttons.png");
            Files.createDirectories(out.getParent());
            bar.screenshot(new Locator.ScreenshotOptions().setPath(out));
            assertTrue(Files.size(out) > 1000);
            Path full = Path.of("target", "screenshots", "demo-article.png");
            page.screenshot(new Page.ScreenshotOptions().setPath(full));
            assertTrue(Files.size(full) > 1000);
        }
    }
}
