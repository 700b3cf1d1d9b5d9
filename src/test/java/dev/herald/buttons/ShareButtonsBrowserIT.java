package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.herald.meta.ArticleMeta;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bar in a real headless Chromium (Debian's, found on the PATH): the script copies, reveals
 * nothing it should not, leaks no globals, and the page makes no request but its own.
 */
class ShareButtonsBrowserIT {
    private static final ArticleMeta META = ArticleMeta.builder()
            .title("Iran says retaliation for US strike is complete, will not seek escalation")
            .url("https://herald.example/world/iran-retaliation")
            .build();

    private static Playwright playwright;
    private static Browser browser;

    @TempDir
    Path dir;

    @BeforeAll
    static void launch() {
        Optional<Path> chromium = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(d -> java.util.stream.Stream.of(Path.of(d, "chromium"), Path.of(d, "chromium-browser")))
                .filter(Files::isExecutable).findFirst();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium.get()).setHeadless(true).setArgs(List.of("--no-sandbox")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) playwright.close();
    }

    private Page open(BrowserContext ctx, String body, List<String> requests, List<String> errors) throws Exception {
        Path file = dir.resolve("page.html");
        Files.writeString(file, "<!doctype html><html lang=en><head><meta charset=utf-8><title>t</title></head><body>" + body + "</body></html>");
        Page page = ctx.newPage();
        page.onPageError(errors::add);
        // Record every request and let only the page itself through: a share bar must make none of its own.
        page.route("**/*", route -> {
            requests.add(route.request().url());
            if (route.request().url().startsWith("file:")) route.resume();
            else route.abort();
        });
        page.navigate(file.toUri().toString());
        return page;
    }

    @Test
    void copyLinkCopiesThePageUrlAndAnnouncesIt() throws Exception {
        try (BrowserContext ctx = browser.newContext()) {
            ctx.grantPermissions(List.of("clipboard-read", "clipboard-write"));
            List<String> requests = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            Page page = open(ctx, new ShareButtons().render(META), requests, errors);
            String before = page.url();
            page.click("a.hs-cp");
            page.waitForFunction("document.querySelector('.hs-st').textContent === 'Link copied'");
            assertEquals(META.url().toString(), page.evaluate("navigator.clipboard.readText()"));
            assertEquals(before, page.url());
            assertEquals(List.of(), errors);
            assertEquals(1, requests.size(), requests.toString());
        }
    }

    @Test
    void theWebShareButtonStaysHiddenWhereTheBrowserCannotShare() throws Exception {
        try (BrowserContext ctx = browser.newContext()) {
            List<String> errors = new ArrayList<>();
            Page page = open(ctx, new ShareButtons().render(META), new ArrayList<>(), errors);
            boolean supported = (Boolean) page.evaluate("typeof navigator.share === 'function'");
            assertEquals(!supported, page.evaluate("document.querySelector('button.hs-sh').parentNode.hidden"));
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void twoBarsOnOnePageLeakNoGlobals() throws Exception {
        try (BrowserContext ctx = browser.newContext()) {
            List<String> errors = new ArrayList<>();
            Page plain = open(ctx, "<p>plain</p>", new ArrayList<>(), errors);
            TreeSet<String> baseline = new TreeSet<>(Arrays.asList(((String) plain.evaluate("Object.keys(window).join(',')")).split(",")));
            String bar = new ShareButtons().render(META);
            Page page = open(ctx, bar + "<p>article</p>" + bar, new ArrayList<>(), errors);
            TreeSet<String> globals = new TreeSet<>(Arrays.asList(((String) page.evaluate("Object.keys(window).join(',')")).split(",")));
            globals.removeAll(baseline);
            assertEquals(new TreeSet<String>(), globals);
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void keyboardFocusIsVisible() throws Exception {
        try (BrowserContext ctx = browser.newContext()) {
            Page page = open(ctx, new ShareButtons().render(META), new ArrayList<>(), new ArrayList<>());
            page.keyboard().press("Tab");
            assertEquals("hs-fb", page.evaluate("document.activeElement.className"));
            assertEquals("solid", page.evaluate("getComputedStyle(document.activeElement).outlineStyle"));
            assertTrue(page.evaluate("getComputedStyle(document.activeElement).outlineWidth").toString().startsWith("3"));
        }
    }

    @Test
    void everyButtonIsAtLeast44PixelsSquare() throws Exception {
        try (BrowserContext ctx = browser.newContext()) {
            for (Layout layout : Layout.values()) {
                Page page = open(ctx, new ShareButtons(ButtonOptions.builder().layout(layout).build()).render(META),
                        new ArrayList<>(), new ArrayList<>());
                Object small = page.evaluate("Array.from(document.querySelectorAll('.herald-share li > a'))"
                        + ".map(a => a.getBoundingClientRect()).filter(r => r.width < 44 || r.height < 44).length");
                assertEquals(0, ((Number) small).intValue(), layout.id());
            }
        }
    }
}
