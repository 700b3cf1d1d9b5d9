package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole marketing flow in real Chromium against the test kit's fakes: sign in, compose from
 * the demo's lead story, see every network's card and the lint of a page with a small image, edit
 * one account's text (the live count follows), schedule for tomorrow 09:00 Europe/Berlin, drag a
 * share to another day in the calendar, run the worker on a manual clock, and find the fakes' post
 * links in the history. Then the same flow as a viewer, refused at every step. Every page is
 * checked with axe-core (no serious or critical violation) and photographed into
 * target/screenshots/console-*.png (the README's pictures in docs/ are copies).
 */
class ConsoleBrowserIT {
    private static final String EDITOR_PASSWORD = "editor password 1";
    private static final String VIEWER_PASSWORD = "viewer password 1";
    private static final Instant TOMORROW_NINE_BERLIN = Instant.parse("2026-12-08T08:00:00Z");
    private static final Instant WEDNESDAY_NINE_BERLIN = Instant.parse("2026-12-09T08:00:00Z");

    @TempDir
    Path dir;

    ConsoleFixture site;
    Playwright playwright;
    Browser browser;
    String axe;
    final List<String> consoleErrors = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Optional<Path> chromium = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(d -> java.util.stream.Stream.of(Path.of(d, "chromium"), Path.of(d, "chromium-browser")))
                .filter(Files::isExecutable).findFirst();
        assumeTrue(chromium.isPresent(), "no chromium on the PATH");
        Path axeFile = RepositoryRoot.resolve("node_modules/axe-core/axe.min.js");
        assertTrue(Files.isRegularFile(axeFile), "axe-core is missing: run `npm install --no-save axe-core@4.14.1` at the repository's top (.ci/run does)");
        axe = Files.readString(axeFile);
        ConsoleUsers users = ConsoleUsers.parse("accounts: []\nconsole:\n  users:\n"
                + "    - name: edith\n      role: editor\n      password: \"" + ConsoleUsers.hash(EDITOR_PASSWORD) + "\"\n"
                + "    - name: vera\n      role: viewer\n      password: \"" + ConsoleUsers.hash(VIEWER_PASSWORD) + "\"\n", "test herald.yaml");
        site = new ConsoleFixture(dir, users);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium.get()).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    @AfterEach
    void stop() throws Exception {
        if (playwright != null) playwright.close();
        if (site != null) site.close();
    }

    private Page signIn(String name, String password) {
        BrowserContext ctx = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900).setTimezoneId("Europe/Berlin"));
        Page page = ctx.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error")) consoleErrors.add(m.text());
        });
        page.navigate(site.origin + "/console/compose");
        assertTrue(page.url().endsWith("/console/login"), page.url());
        checkAccessibility(page, "sign-in");
        shoot(page, "login");
        page.getByLabel("Name").fill(name);
        page.getByLabel("Password").fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        try {
            page.waitForURL("**/console/compose", new Page.WaitForURLOptions().setTimeout(15_000));
        } catch (com.microsoft.playwright.TimeoutError e) {
            throw new AssertionError("not signed in: " + page.url() + " " + page.content(), e);
        }
        return page;
    }

    private String compose(String articlePath) {
        return site.origin + "/console/compose?url=" + URLEncoder.encode(site.origin + articlePath, StandardCharsets.UTF_8);
    }

    @Test
    void anEditorPlansPreviewsSchedulesReschedulesAndSeesThePostsLive() {
        Page page = signIn("edith", EDITOR_PASSWORD);

        // A page with a small image: the lint says what is wrong and where.
        page.navigate(compose(ConsoleFixture.SMALL_IMAGE_PAGE));
        Locator small = page.locator("li.finding[data-code=image-too-small]");
        assertTrue(small.isVisible());
        assertTrue(small.innerText().contains("too small for a large card"), small.innerText());

        // The lead story, typed in as an editor would.
        page.navigate(site.origin + "/console/compose");
        page.getByLabel("Article address").fill(site.origin + ConsoleFixture.LEAD_STORY);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview")).click();
        page.waitForSelector(".cards");
        for (String layout : List.of("x", "facebook", "linkedin", "mastodon", "bluesky", "threads", "plain")) {
            assertTrue(page.locator(".card-" + layout).isVisible(), layout);
        }
        assertTrue(page.locator(".card-bluesky .facet").first().isVisible(), "Bluesky's link facet is highlighted");

        // Edit one account's text: the count is the server's, fetched as the text changes.
        Locator text = page.getByLabel("Text for ledger-mastodon");
        String own = "Tonight's lead: Iran calls its strikes the end of its retaliation " + site.origin + ConsoleFixture.LEAD_STORY;
        text.fill(own);
        Locator count = page.locator("#count-ledger-mastodon");
        page.waitForCondition(() -> count.innerText().startsWith("89 / 500"), new Page.WaitForConditionOptions().setTimeout(10_000));
        checkAccessibility(page, "compose");
        shoot(page, "compose");

        // Tomorrow at 09:00 in Berlin.
        page.getByLabel("At a time").check();
        page.getByLabel("Date and time").fill("2026-12-08T09:00");
        page.getByLabel("Time zone").fill("Europe/Berlin");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Schedule")).click();
        page.waitForURL("**/console/queue");
        assertTrue(page.locator(".flash.ok").innerText().contains("Scheduled 7 shares"), page.locator(".flash").innerText());
        List<Share> shares = site.client().list(ShareQuery.all(20));
        assertEquals(7, shares.size());
        shares.forEach(s -> assertEquals(TOMORROW_NINE_BERLIN, s.dueAt(), s.account()));
        Share mastodon = shares.stream().filter(s -> s.account().equals("ledger-mastodon")).findFirst().orElseThrow();
        assertEquals(own, mastodon.text());

        // Drag Mastodon's share from Tuesday to Wednesday in the calendar.
        page.navigate(site.origin + "/console/queue?start=2026-12-08");
        Locator chip = page.locator(".chip[data-share='" + mastodon.id() + "']");
        Locator wednesday = page.locator("td[data-date='2026-12-09'][data-account='ledger-mastodon']");
        chip.dragTo(wednesday);
        page.waitForCondition(() -> page.locator(".flash.ok").count() > 0, new Page.WaitForConditionOptions().setTimeout(10_000));
        assertTrue(page.locator(".flash.ok").innerText().contains("Moved"), page.locator(".flash").innerText());
        assertEquals(WEDNESDAY_NINE_BERLIN, site.client().find(mastodon.id()).orElseThrow().dueAt());
        page.navigate(site.origin + "/console/queue?start=2026-12-08");
        assertTrue(wednesday.locator(".chip").isVisible(), "the share is on Wednesday now");
        checkAccessibility(page, "calendar");
        shoot(page, "calendar");

        // The worker, on the manual clock: Tuesday 09:00, then Wednesday 09:00.
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        site.clock.set(WEDNESDAY_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        List<Share> sent = site.client().list(ShareQuery.all(20));
        for (Share s : sent) assertEquals(ShareState.POSTED, s.state(), s.account() + ": " + s.lastMessage());
        assertEquals(own, site.mastodon.statuses().get(0).text(), "Mastodon got the edited text");

        page.navigate(site.origin + "/console/history");
        for (Share s : sent) {
            if (s.remoteUrl() == null) continue; // a webhook has no public post
            Locator link = page.locator("a[href='" + s.remoteUrl() + "']");
            assertEquals(1, link.count(), s.account() + " links to " + s.remoteUrl());
        }
        long withUrl = sent.stream().filter(s -> s.remoteUrl() != null).count();
        assertTrue(withUrl >= 2, "the fakes report where their posts are: " + sent.stream().map(s -> s.account() + "=" + s.remoteUrl()).toList());
        assertEquals(withUrl, page.locator("a:has-text('View post')").count(), "every post with a public address is linked");
        assertTrue(page.locator("table.history").innerText().contains("edith"), "says who scheduled it");
        checkAccessibility(page, "history");
        shoot(page, "history");

        page.navigate(site.origin + "/console/accounts");
        page.locator("form:has(input[value='ledger-mastodon']) button:has-text('Check credentials')").click();
        page.waitForURL("**/console/accounts");
        assertTrue(page.locator(".flash").innerText().contains("ledger-mastodon: the network accepted the credentials"), page.locator(".flash").innerText());
        checkAccessibility(page, "accounts");
        shoot(page, "accounts");
        assertEquals(List.of(), consoleErrors, "no script errors and no CSP violations");
    }

    @Test
    void aViewerIsRefusedAtEveryStep() {
        site.client().schedule(dev.herald.meta.ArticleMeta.builder().url(site.origin + ConsoleFixture.LEAD_STORY).title("Lead story").build(),
                "ledger-mastodon", dev.herald.delivery.SendTime.at(TOMORROW_NINE_BERLIN));
        Share share = site.client().list(ShareQuery.all(5)).get(0);
        Page page = signIn("vera", VIEWER_PASSWORD);

        page.navigate(compose(ConsoleFixture.LEAD_STORY));
        assertTrue(page.locator(".card-x").isVisible(), "viewers see the previews");
        assertEquals(0, page.locator("button:has-text('Schedule')").count(), "but get no Schedule button");
        assertTrue(page.locator("text=scheduling needs the editor role").isVisible());

        page.navigate(site.origin + "/console/queue?start=2026-12-08");
        assertEquals(0, page.locator("form#reschedule-" + share.id()).count(), "no reschedule form");
        assertEquals("false", page.locator(".chip[data-share='" + share.id() + "']").getAttribute("draggable"), "nothing to drag");
        page.navigate(site.origin + "/console/accounts");
        assertEquals(0, page.locator("button:has-text('Check credentials')").count());

        // Forms forged in the viewer's own signed-in page, with the session's token: each is refused.
        Map<String, String> writes = Map.of(
                "/compose", "url=" + site.origin + ConsoleFixture.LEAD_STORY + "&action=schedule&account=ledger-mastodon&when=now",
                "/shares/reschedule", "id=" + share.id() + "&at=2026-12-10T10:00&zone=Europe/Berlin",
                "/shares/cancel", "id=" + share.id(),
                "/shares/retry", "id=" + share.id(),
                "/shares/text", "id=" + share.id() + "&text=changed",
                "/shares/confirm", "id=" + share.id() + "&url=https://mastodon.example/@ledger/1",
                "/accounts/check", "account=ledger-mastodon",
                "/accounts/reset", "account=ledger-mastodon");
        assertEquals(site.servlet().writeEndpoints().keySet().stream().filter(p -> !p.equals("/logout")).sorted().toList(),
                writes.keySet().stream().sorted().toList(), "every write endpoint is tried");
        for (Map.Entry<String, String> w : writes.entrySet()) {
            Response r = page.waitForResponse(resp -> resp.url().endsWith("/console" + w.getKey()) && resp.request().method().equals("POST"), () -> page.evaluate("([action, body]) => {"
                    + " const f = document.createElement('form'); f.method = 'post'; f.action = document.body.dataset.base + action;"
                    + " const fields = new URLSearchParams(body); fields.set('csrf', document.body.dataset.csrf);"
                    + " for (const [k, v] of fields) { const i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
                    + " document.body.appendChild(f); f.submit(); }", List.of(w.getKey(), w.getValue())));
            assertNotNull(r);
            assertEquals(403, r.status(), w.getKey());
            assertTrue(page.locator(".refused").innerText().contains("needs the"), page.content());
            page.navigate(site.origin + "/console/accounts");
        }
        Share after = site.client().find(share.id()).orElseThrow();
        assertEquals(share.version(), after.version(), "nothing changed");
        assertEquals(1, site.client().list(ShareQuery.all(5)).size());
        assertFalse(site.client().auditLog(50).stream().anyMatch(e -> e.actor().equals("vera") && !e.action().equals("refused")
                && !e.action().equals("sign in")), "the audit log has only vera's refusals and sign-in");
    }

    /** Runs axe-core in the page (through the debugging protocol, which the page's CSP does not govern). */
    private void checkAccessibility(Page page, String name) {
        page.evaluate(axe);
        Object result = page.evaluate("async () => { const r = await axe.run(document, { resultTypes: ['violations'] });"
                + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')); }");
        assertEquals(List.of(), result, name + ": serious accessibility violations");
    }

    private static void shoot(Page page, String name) {
        // The compose page is long (a card per account): its first screen says enough.
        page.evaluate("window.scrollTo(0, 0)");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", "console-" + name + ".png"))
                .setFullPage(!name.equals("compose")));
    }
}
