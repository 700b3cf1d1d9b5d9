package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Route;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The light bar as a reader's browser draws it, in a real headless Chromium (Debian's, from the
 * PATH), with Herald's stylesheet and script loaded from the asset path the way ShareFilter serves
 * them: icons drawn and told apart at 20 px, one scrolling row on a phone, right to left in Arabic,
 * and nothing loaded but the page and Herald's two files.
 */
class ShareBarLayoutBrowserIT {
    private static final String ORIGIN = "https://news.example";
    private static final String PAGE = ORIGIN + "/world/iran-retaliation";
    private static final ArticleMeta META = ArticleMeta.builder()
            .title("Iran calls its missile strikes on U.S. bases in Iraq the end of its retaliation")
            .description("Tehran fired 15 missiles at two Iraqi bases that house American troops.")
            .url(PAGE)
            .image(ImageMeta.of(java.net.URI.create(ORIGIN + "/img/bases.jpg")))
            .build();
    /** The demo's thirteen, through an endpoint as the demo has them. */
    private static final String THIRTEEN = "facebook, x, linkedin, reddit, bluesky, threads, mastodon, whatsapp, telegram, pinterest, hackernews, email, copy";

    private static Playwright playwright;
    private static Browser browser;

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

    private static ButtonOptions.Builder linked() {
        return ButtonOptions.builder().networks(THIRTEEN).endpoint("/share").assets("/herald/assets");
    }

    /** Opens an article page holding {@code bar}, serving Herald's files at /herald/assets and refusing every other request. */
    private static Page open(BrowserContext ctx, String htmlAttrs, String bar, List<String> requests) {
        ShareButtons any = new ShareButtons(linked().build());
        StringBuilder head = new StringBuilder();
        for (String e : any.headElements()) head.append(e);
        String html = "<!doctype html><html " + htmlAttrs + "><head><meta charset=utf-8><meta name=viewport content='width=device-width'>"
                + "<title>t</title>" + head + "<style>body{font:16px/1.5 serif;margin:16px}</style></head><body><article>"
                + "<h1>" + META.title() + "</h1>" + bar.replace(head.toString(), "")
                + "<p>" + META.description() + "</p></article></body></html>";
        Map<String, ShareAsset> assets = new HashMap<>();
        for (ShareAsset a : ShareButtons.assets()) assets.put(ORIGIN + "/herald/assets/" + a.fileName(), a);
        Page page = ctx.newPage();
        page.route("**/*", route -> {
            String url = route.request().url();
            requests.add(url);
            ShareAsset asset = assets.get(url);
            if (url.equals(PAGE)) {
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType("text/html;charset=utf-8").setBody(html));
            } else if (asset != null) {
                route.fulfill(new Route.FulfillOptions().setStatus(200).setContentType(asset.contentType()).setBody(asset.text()));
            } else {
                route.abort();
            }
        });
        page.navigate(PAGE);
        page.waitForLoadState();
        return page;
    }

    @Test
    void theLinkedBarLoadsOnlyHeraldsTwoFilesFromTheSite() {
        try (BrowserContext ctx = browser.newContext()) {
            List<String> requests = new ArrayList<>();
            open(ctx, "lang=en", new ShareButtons(linked().build()).render(META), requests);
            List<String> expected = new ArrayList<>(List.of(PAGE));
            for (ShareAsset a : ShareButtons.assets()) expected.add(ORIGIN + "/herald/assets/" + a.fileName());
            assertEquals(expected.stream().sorted().toList(), requests.stream().distinct().sorted().toList());
        }
    }

    @Test
    void iconsAreDrawnAt20PixelsAndNoTwoNetworksLookAlike() throws Exception {
        try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 400).setDeviceScaleFactor(1))) {
            Page page = open(ctx, "lang=en", new ShareButtons(linked().layout(Layout.ICONS).build()).render(META), new ArrayList<>());
            Locator links = page.locator(".herald-share li > a");
            assertEquals(13, links.count());
            Path out = Path.of("target", "share-icons-20px.png");
            Files.createDirectories(out.getParent());
            page.locator(".herald-share ul").screenshot(new Locator.ScreenshotOptions().setPath(out));
            List<int[]> icons = new ArrayList<>();
            for (int i = 0; i < links.count(); i++) {
                Locator a = links.nth(i);
                Object box = page.evaluate("a => { const r = getComputedStyle(a, '::before'); return r.width + ' ' + r.height; }", a.elementHandle());
                assertEquals("20px 20px", box, a.getAttribute("class"));
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(a.screenshot()));
                icons.add(iconPixels(img));
            }
            for (int i = 0; i < icons.size(); i++) {
                int inked = Arrays.stream(icons.get(i)).sum();
                assertTrue(inked > 30, links.nth(i).getAttribute("class") + " draws " + inked + " dark pixels");
                for (int j = 0; j < i; j++) {
                    int differ = 0;
                    for (int k = 0; k < icons.get(i).length; k++) if (icons.get(i)[k] != icons.get(j)[k]) differ++;
                    // At least a fifth of the ink must differ: Threads, Mastodon and Hacker News included.
                    int least = Math.min(inked, Arrays.stream(icons.get(j)).sum());
                    assertTrue(differ * 5 > least, links.nth(i).getAttribute("class") + " looks like " + links.nth(j).getAttribute("class")
                            + " (" + differ + " of " + least + " pixels differ)");
                }
            }
        }
    }

    /** The button's middle 24×24 pixels as dark (1) or not (0). */
    private static int[] iconPixels(BufferedImage img) {
        int cx = img.getWidth() / 2, cy = img.getHeight() / 2;
        int[] px = new int[24 * 24];
        for (int y = 0; y < 24; y++) {
            for (int x = 0; x < 24; x++) {
                int rgb = img.getRGB(Math.min(img.getWidth() - 1, cx - 12 + x), Math.min(img.getHeight() - 1, cy - 12 + y));
                int lum = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF) + (rgb & 0xFF);
                px[y * 24 + x] = lum < 384 ? 1 : 0;
            }
        }
        return px;
    }

    @Test
    void onAPhoneTheThirteenButtonBarIsOneRowThatScrolls() {
        for (Layout layout : Layout.values()) {
            try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setIsMobile(true))) {
                Page page = open(ctx, "lang=en", new ShareButtons(linked().layout(layout).build()).render(META), new ArrayList<>());
                Object tops = page.evaluate("[...document.querySelectorAll('.herald-share li')].map(li => Math.round(li.getBoundingClientRect().top))"
                        + ".filter((t, i, all) => all.indexOf(t) === i).length");
                assertEquals(1, ((Number) tops).intValue(), layout.id() + ": buttons on more than one row");
                assertTrue((Boolean) page.evaluate("(() => { const u = document.querySelector('.herald-share ul'); return u.scrollWidth > u.clientWidth; })()"),
                        layout.id() + ": the row does not scroll");
                assertFalse((Boolean) page.evaluate("document.documentElement.scrollWidth > innerWidth"), layout.id() + ": the page scrolls sideways");
                Object small = page.evaluate("[...document.querySelectorAll('.herald-share li > a')].map(a => a.getBoundingClientRect())"
                        + ".filter(r => r.width < 44 || r.height < 44).length");
                assertEquals(0, ((Number) small).intValue(), layout.id());
            }
        }
    }

    @Test
    void anArabicBarRunsRightToLeftOnAnArabicPageAndOnAnEnglishOne() {
        for (String attrs : List.of("lang=ar dir=rtl", "lang=en")) {
            try (BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1000, 600))) {
                String bar = new ShareButtons(linked().locale(new Locale("ar")).build()).render(META);
                Page page = open(ctx, attrs, bar, new ArrayList<>());
                assertEquals("rtl", page.evaluate("getComputedStyle(document.querySelector('.herald-share')).direction"), attrs);
                Number first = (Number) page.evaluate("document.querySelector('.herald-share li:first-child').getBoundingClientRect().left");
                Number second = (Number) page.evaluate("document.querySelector('.herald-share li:nth-child(2)').getBoundingClientRect().left");
                assertTrue(first.doubleValue() > second.doubleValue(), attrs + ": the first button is not on the right");
                // Icon before text, in reading order: on the right of its label.
                Number icon = (Number) page.evaluate("(() => { const a = document.querySelector('.herald-share .hs-fb');"
                        + " const r = document.createRange(); r.selectNodeContents(a); const t = r.getClientRects();"
                        + " return a.getBoundingClientRect().right - t[t.length - 1].right; })()");
                assertTrue(icon.doubleValue() > 20, attrs + ": the icon is not at the start (right) of the button");
                assertEquals("مشاركة", page.evaluate("document.querySelector('.herald-share').getAttribute('aria-label')"));
                Path out = Path.of("target", "share-bar-ar-" + (attrs.contains("rtl") ? "rtl-page" : "ltr-page") + ".png");
                page.locator(".herald-share").screenshot(new Locator.ScreenshotOptions().setPath(out));
            }
        }
    }
}
