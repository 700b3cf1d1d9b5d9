package dev.herald.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import dev.herald.page.ShareFilter;
import java.io.File;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile values in every field Herald renders — page titles, descriptions, authors, image alt
 * text, {@code javascript:} and {@code data:} URLs, {@code </script>}, U+2028, attribute breakers,
 * SVG payloads — through the filter, the taglib, the share endpoint and its Mastodon chooser, and
 * the sandbox, loaded in real Chromium. Every payload calls {@code alert}, {@code confirm},
 * {@code prompt} or {@code console}; a hook installed before any page script records each call, and
 * the tests require none. Herald's own output must also carry no event-handler attribute and no
 * {@code javascript:}, {@code data:} or {@code vbscript:} URL, in its tags or its JSON-LD.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XssBrowserIT {
    /** Installed in every frame before the page's own scripts: any call is a script execution we did not write. */
    private static final String HOOK = """
            (() => {
              const record = (kind) => function (...args) {
                window.__heraldXss = window.__heraldXss || [];
                window.__heraldXss.push(kind + ':' + args.map(String).join(' '));
              };
              for (const f of ['alert', 'confirm', 'prompt', 'print']) window[f] = record(f);
              for (const f of ['log', 'info', 'warn', 'error', 'debug']) console[f] = record('console.' + f);
            })();
            """;
    private static final String HOSTILE_TITLE = "</script><script>alert('t1')</script>\"><svg onload=alert('t2')>\u2028'\u2029";
    private static final String HOSTILE_TEXT = "</title><img src=x onerror=alert('d1')>\" onfocus=\"alert('d2')\" autofocus x=\"<!--";
    private static final String[] HOSTILE_URLS = {"javascript:alert('u1')", "JaVaScRiPt:alert('u2')", " \tjavascript:alert('u3')",
            "data:text/html,<script>alert('u4')</script>", "data:image/svg+xml,<svg onload=alert('u5')>", "vbscript:msgbox('u6')"};

    private Server server;
    private String origin;
    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    private final List<String> executed = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws Exception {
        Optional<Path> chromium = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(d -> java.util.stream.Stream.of(Path.of(d, "chromium"), Path.of(d, "chromium-browser")))
                .filter(Files::isExecutable).findFirst();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH");
        Path site = Files.createTempDirectory("herald-hostile");
        Path source = Path.of(getClass().getResource("/webapps/hostile").toURI());
        try (var files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path target = site.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        // Jasper finds TLDs anywhere under WEB-INF; the packaged jar carries the same file in META-INF.
        try (var tld = ShareFilter.class.getResourceAsStream("/META-INF/herald.tld")) {
            Files.copy(tld, site.resolve("WEB-INF/herald.tld"));
        }
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
        WebAppContext app = new WebAppContext();
        app.setContextPath("/");
        app.setBaseResourceAsPath(site);
        app.setTempDirectory(Files.createTempDirectory("herald-hostile-work").toFile());
        app.setParentLoaderPriority(true);
        app.setThrowUnavailableOnStartupException(true);
        app.setInitParameter("herald.site.name", "\"><script>alert('site')</script>");
        app.setInitParameter("herald.site.url", origin);
        app.setInitParameter("herald.buttons.endpoint", "/herald/share");
        app.setInitParameter("herald.buttons.networks",
                "facebook, x, linkedin, reddit, bluesky, threads, mastodon, whatsapp, telegram, pinterest, hackernews, email, copy");
        app.addServletContainerInitializer(new JettyJasperInitializer());
        server.setHandler(app);
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

    @BeforeEach
    void newContext() {
        executed.clear();
        context = browser.newContext();
        context.addInitScript(HOOK);
        // Nothing leaves the machine: a network's share page is answered locally, and is recorded as where the reader landed.
        context.route("**/*", route -> {
            if (route.request().url().startsWith(origin + "/")) route.resume();
            else route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/plain").setBody("outside"));
        });
        context.onDialog(dialog -> {
            executed.add("dialog:" + dialog.message());
            dialog.dismiss();
        });
    }

    @AfterEach
    void closeContext() {
        if (context != null) context.close();
    }

    @Test
    void theHookSeesEveryScriptThatDoesRun() {
        Page page = open("/control.html");
        page.waitForFunction("() => (window.__heraldXss || []).length >= 3");
        Object recorded = page.evaluate("() => window.__heraldXss.slice().sort()");
        assertEquals(List.of("alert:control", "confirm:control handler", "console.log:control log"), recorded);
    }

    @Test
    void theFiltersTagsAndBarOnAHostilePageRunNoScript() {
        Page page = open("/articles/hostile.html");
        assertEquals(1, page.locator("[data-herald-buttons]").count(), "the page reads as an article and got its bar");
        assertTrue(page.locator("meta[property='og:title']").getAttribute("content").contains("</script>"),
                "the hostile headline arrived, as text");
        assertHeraldOutputIsInert(page);
        assertNothingRan(page);
    }

    @Test
    void theTaglibWithHostileAttributesRunsNoScript() {
        for (String url : HOSTILE_URLS) {
            Page page = open("/story.jsp?" + query(Map.of("title", HOSTILE_TITLE, "description", HOSTILE_TEXT, "author", HOSTILE_TITLE,
                    "section", HOSTILE_TEXT, "alt", HOSTILE_TEXT, "label", HOSTILE_TITLE, "image", url)));
            assertHeraldOutputIsInert(page);
            assertNothingRan(page);
            page.close();
        }
        Page page = open("/story.jsp?" + query(Map.of("title", HOSTILE_TITLE, "url", "javascript:alert('canonical')")));
        assertHeraldOutputIsInert(page);
        assertNothingRan(page);
    }

    @Test
    void theShareEndpointAndTheMastodonChooserRunNoScript() {
        String article = origin + "/articles/hostile.html";
        List<String> paths = new ArrayList<>();
        paths.add("/herald/share/mastodon?" + query(Map.of("url", article, "text", HOSTILE_TITLE)));
        paths.add("/herald/share/mastodon?" + query(Map.of("url", article + "?q=\"><svg onload=alert('q')>", "text", HOSTILE_TEXT)));
        for (String url : HOSTILE_URLS) {
            paths.add("/herald/share/mastodon?" + query(Map.of("url", url, "text", HOSTILE_TITLE)));
            paths.add("/herald/share/mastodon?" + query(Map.of("url", article, "text", "t", "instance", url)));
            paths.add("/herald/share/x?" + query(Map.of("url", url, "text", HOSTILE_TITLE)));
            paths.add("/herald/share/counts?" + query(Map.of("url", url)));
        }
        paths.add("/herald/share/counts?" + query(Map.of("url", article + "#</script><script>alert('c')</script>")));
        paths.add("/herald/share/%3Csvg%20onload=alert('network')%3E?" + query(Map.of("url", article)));
        for (String path : paths) {
            Page page = open(path);
            assertNothingRan(page);
            page.close();
        }
        // The chooser form itself, filled with a hostile server name and submitted.
        Page chooser = open("/herald/share/mastodon?" + query(Map.of("url", article, "text", HOSTILE_TITLE)));
        chooser.locator("#instance").fill("javascript:alert('instance')//");
        chooser.locator("button[type=submit]").click();
        chooser.waitForLoadState();
        assertNothingRan(chooser);
    }

    @Test
    void theSandboxShowingAHostileArticleRunsNoScript() {
        Page page = open("/sandbox/");
        page.locator("#path").fill("/articles/hostile.html");
        page.locator("button[type=submit]").click();
        page.waitForURL(origin + "/sandbox/");
        List<String> outcomes = page.locator("#outcomes li").allTextContents();
        assertEquals(11, outcomes.size(), "one account per network: " + outcomes);
        for (String o : outcomes) assertTrue(o.contains(": posted "), outcomes.toString());
        assertTrue(page.locator("#mastodon pre").first().textContent().contains("</script>"), "the hostile headline was posted, as text");
        assertNothingRan(page);
    }

    private Page open(String path) {
        Page page = context.newPage();
        page.navigate(origin + path);
        page.waitForLoadState();
        return page;
    }

    private void assertNothingRan(Page page) {
        Object recorded = page.evaluate("() => (window.__heraldXss || []).slice()");
        assertEquals(List.of(), recorded, "script ran on " + page.url());
        assertEquals(List.of(), executed, "a dialog opened on " + page.url());
    }

    /** Herald's head tags, JSON-LD and bar: no event handler, no script but its JSON-LD, only http(s) URLs. */
    private static void assertHeraldOutputIsInert(Page page) {
        Object problems = page.evaluate("""
                () => {
                  const out = [];
                  const herald = [...document.querySelectorAll('head meta, head link, [data-herald-buttons], [data-herald-buttons] *')];
                  const hostileUrl = /^[\s\u0000-\u001f]*(javascript|data|vbscript):/i;
                  for (const el of herald) {
                    if (el.hasAttribute('data-page-own')) continue; // the page's own tags: not Herald's output
                    for (const a of el.attributes) {
                      if (a.name.startsWith('on')) out.push(el.outerHTML.slice(0, 200));
                      if (['href', 'src', 'content', 'action', 'formaction'].includes(a.name)
                          && /^[\\s\\u0000-\\u001f]*(javascript|data|vbscript):/i.test(a.value)) out.push(a.name + '=' + a.value.slice(0, 100));
                    }
                  }
                  for (const s of document.querySelectorAll('script')) {
                    if (s.type === 'application/ld+json') {
                      try {
                        JSON.stringify(JSON.parse(s.textContent), (k, v) => {
                          if (typeof v === 'string' && hostileUrl.test(v)) out.push('JSON-LD ' + k + '=' + v.slice(0, 100));
                          return v;
                        });
                      } catch (e) { out.push('JSON-LD does not parse: ' + s.textContent.slice(0, 200)); }
                    } else if (s.hasAttribute('data-herald-script') && s.textContent === ''
                        && /^[/]herald[/]assets[/]share-[0-9a-f]+[.]js$/.test(s.getAttribute('src') || '')) {
                      // the light bar's own first-party file (copy link, Web Share), served by the filter
                    } else if (!s.closest('[data-herald-buttons]')) {
                      out.push('script: ' + s.outerHTML.slice(0, 200));
                    }
                  }
                  for (const el of document.querySelectorAll('svg[onload], img[onerror], [autofocus][onfocus]')) out.push(el.outerHTML.slice(0, 200));
                  return out;
                }
                """);
        assertEquals(List.of(), problems, "on " + page.url());
    }

    private static String query(Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        params.forEach((k, v) -> q.append(q.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return q.toString();
    }
}
