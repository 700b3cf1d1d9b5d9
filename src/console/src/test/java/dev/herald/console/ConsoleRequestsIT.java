package dev.herald.console;

import static dev.herald.console.Browserless.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.AuditEntry;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * What the console answers outside its pages' happy paths: its own assets, unknown pages and
 * methods, the headers every answer carries, the audit of refused forms, and the compose form's
 * defaults, previews and refusals.
 */
class ConsoleRequestsIT extends MountedConsole {
    /** The lead story's headline in the site's feed. */
    private static final String HEADLINE = "Iran calls its missile strikes the end of its retaliation";
    /** Its headline on its own page, which is what a share is made of. */
    private static final String PAGE_TITLE = "Iran calls its missile strikes on U.S. bases in Iraq the end of its retaliation";

    private String leadStory() {
        return site.origin + ConsoleFixture.LEAD_STORY;
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = ConsoleServlet.class.getResourceAsStream("assets/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void servesItsOwnStylesheetAndScriptAndNothingElseUnderAssets() throws Exception {
        Browserless vera = new Browserless(site, "vera");
        HttpResponse<String> css = vera.get("/console/assets/console.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css;charset=utf-8", css.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(" ", ""));
        assertEquals("no-cache", css.headers().firstValue("Cache-Control").orElseThrow(), "revalidated, unlike the pages' no-store");
        assertEquals(resource("console.css"), css.body());
        HttpResponse<String> js = vera.get("/console/assets/console.js");
        assertEquals(200, js.statusCode());
        assertTrue(js.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(resource("console.js"), js.body());
        for (String other : List.of("/console/assets/console.map", "/console/assets/", "/console/assets/CONSOLE.CSS")) {
            assertEquals(404, vera.get(other).statusCode(), other);
        }
    }

    @Test
    void theConsolesOwnAddressOpensCompose() throws Exception {
        HttpResponse<String> root = new Browserless(site, "vera").get("/console/");
        assertEquals(303, root.statusCode());
        assertEquals("/console/compose", Browserless.location(root).toString());
    }

    @Test
    void answersAnUnknownPage404AndAKnownPageAskedTheWrongWay405() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        HttpResponse<String> missing = edith.get("/console/nothing-here");
        assertEquals(404, missing.statusCode());
        assertTrue(Jsoup.parse(missing.body()).text().contains("There is no such console page."), missing.body());
        HttpResponse<String> get = edith.get("/console/shares/cancel");
        assertEquals(405, get.statusCode());
        assertTrue(Jsoup.parse(get.body()).text().contains("That page does not take GET."), get.body());
        HttpResponse<String> post = edith.post("/console/queue", form("csrf", edith.token()));
        assertEquals(405, post.statusCode());
        assertTrue(Jsoup.parse(post.body()).text().contains("That page does not take POST."), post.body());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersRefusalsAndErrorsToo() throws Exception {
        Browserless vera = new Browserless(site, "vera");
        Browserless noel = new Browserless(site, "noel");
        List<HttpResponse<String>> answers = List.of(vera.get("/console/queue"), vera.get("/console/nothing-here"), vera.get("/console/audit"),
                noel.get("/console/queue"), vera.get("/console/assets/console.css"), vera.post("/console/shares/cancel", form("id", "x")));
        for (HttpResponse<String> r : answers) {
            String what = r.request().method() + " " + r.uri() + " " + r.statusCode();
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
            assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElse(null), what);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'none'"), what + ": " + csp);
            if (r.statusCode() != 200) {
                assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(null), what);
                assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""), what);
            }
        }
        assertEquals(List.of(200, 404, 403, 403, 200, 403), answers.stream().map(HttpResponse::statusCode).toList());
    }

    @Test
    void aRefusedFormIsAuditedWithWhoSentItAndWhy() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        edith.token();
        assertEquals(403, edith.post("/console/shares/cancel", form("id", "x")).statusCode());
        assertEquals(403, new Browserless(site, "vera").post("/console/shares/retry", form("id", "x")).statusCode());
        List<AuditEntry> log = site.client().auditLog(10);
        AuditEntry noToken = log.stream().filter(e -> e.actor().equals("edith")).findFirst().orElseThrow(() -> new AssertionError(log.toString()));
        assertEquals("refused", noToken.action());
        assertEquals("/shares/cancel", noToken.target());
        assertEquals("missing or wrong form token, or another site's request", noToken.detail());
        AuditEntry noRole = log.stream().filter(e -> e.actor().equals("vera")).findFirst().orElseThrow(() -> new AssertionError(log.toString()));
        assertEquals("/shares/retry", noRole.target());
        assertEquals("needs the editor role; has viewer", noRole.detail());
    }

    @Test
    void pagesShowingTheSitesImagesLetTheBrowserLoadThemFromTheSitesOwnOriginOnly() throws Exception {
        Browserless vera = new Browserless(site, "vera");
        String compose = vera.get("/console/compose?url=" + URLEncoder.encode(leadStory(), StandardCharsets.UTF_8))
                .headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(compose.contains("img-src 'self' https: data: " + site.origin + ";"), compose);
        String queue = vera.get("/console/queue").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(queue.contains("img-src 'self' https: data:;"), queue);
        assertFalse(queue.contains("http://"), queue);
    }

    @Test
    void composeOpensOnTheNextFreeSlotWithTomorrowNineInTheConsolesZoneReady() throws Exception {
        Document doc = Jsoup.parse(new Browserless(site, "vera").get("/console/compose?url=" + URLEncoder.encode(leadStory(), StandardCharsets.UTF_8)).body());
        assertEquals("next", doc.selectFirst("input[name=when][checked]").val(), "accounts have queue slots");
        assertEquals("2026-12-08T09:00", doc.selectFirst("input#at").val());
        assertEquals("Europe/Berlin", doc.selectFirst("input#zone").val());
        List<String> zones = doc.select("datalist#zones option").eachAttr("value");
        assertTrue(zones.containsAll(List.of("Europe/Berlin", "America/New_York", "UTC")), "named zones and UTC");
        assertTrue(zones.stream().allMatch(z -> z.equals("UTC") || (z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))),
                "no abbreviations or Etc/ offsets: " + zones.stream().filter(z -> !z.contains("/")).toList());
        assertEquals(zones.stream().sorted().toList(), zones, "in order");
        assertEquals(7, doc.select("input[name=account][checked]").size(), "every account ticked to start with");
    }

    @Test
    void previewKeepsWhatWasTypedAndSchedulesNothing() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        HttpResponse<String> preview = edith.post("/console/compose", form("csrf", edith.token(), "url", leadStory(), "action", "preview",
                "account", "ledger-bluesky", "text.ledger-bluesky", "My own words\r\non two lines", "when", "recurring", "everyDays", "3", "times", "2"));
        assertEquals(200, preview.statusCode(), preview.body());
        Document doc = Jsoup.parse(preview.body());
        assertEquals("My own words\non two lines", doc.selectFirst("textarea[name=text.ledger-bluesky]").val());
        assertEquals(List.of("ledger-bluesky"), doc.select("input[name=account][checked]").eachAttr("value"));
        assertEquals("recurring", doc.selectFirst("input[name=when][checked]").val());
        assertEquals("3", doc.selectFirst("input#everyDays").val());
        assertEquals(List.of(), site.client().list(ShareQuery.all(10)));
    }

    @Test
    void refusesToScheduleWithoutATickedKnownAccountOrAPageThatAnswers200() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        assertRefused(edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "now")),
                "Nothing was scheduled: tick at least one account");
        assertRefused(edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "now",
                "account", "ledger-mastodon", "account", "someone-else")), "Nothing was scheduled: unknown account 'someone-else'");
        assertRefused(edith.post("/console/compose", form("csrf", token, "url", site.origin + "/articles/gone.html", "action", "schedule",
                "when", "now", "account", "ledger-mastodon")), "Nothing was scheduled: the page answered HTTP 404; share a page that answers 200");
        assertRefused(edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "recurring",
                "at", "2026-12-09T09:00", "everyDays", "often", "times", "2", "account", "ledger-mastodon")),
                "Nothing was scheduled: for re-shares, give whole numbers of days between them and of times");
        assertEquals(List.of(), site.client().list(ShareQuery.all(10)));
    }

    @Test
    void anArticleThatCannotBeReadIsReportedWithoutTheAddressItsHostResolvedTo() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        HttpResponse<String> r = edith.post("/console/compose", form("csrf", edith.token(), "url", "https://unknown-host.invalid/story",
                "action", "schedule", "when", "now", "account", "ledger-mastodon"));
        assertRefused(r, "Nothing was scheduled: could not read the article: its host is unknown or not a public address (the fetch allow-list decides)");
        HttpResponse<String> view = edith.get("/console/compose?url=" + URLEncoder.encode("https://unknown-host.invalid/story", StandardCharsets.UTF_8));
        assertEquals(400, view.statusCode());
        assertEquals("Could not read the article: its host is unknown or not a public address (the fetch allow-list decides)",
                Jsoup.parse(view.body()).selectFirst("p.flash.error").text());
    }

    private static void assertRefused(HttpResponse<String> r, String message) {
        assertEquals(400, r.statusCode(), r.body());
        assertEquals(message, Jsoup.parse(r.body()).selectFirst("p.flash.error").text());
    }

    @Test
    void schedulingTheSameArticleTwiceLeavesTheFirstAndSaysSo() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        HttpResponse<String> first = edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "at",
                "at", "2026-12-09T09:00", "account", "ledger-mastodon", "account", "ledger-bluesky"));
        assertEquals(303, first.statusCode(), first.body());
        Document queue = Jsoup.parse(edith.get("/console/queue").body());
        assertEquals("Scheduled 2 shares of “" + PAGE_TITLE + "”.", queue.selectFirst("p.flash.ok").text());

        HttpResponse<String> again = edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "at",
                "at", "2026-12-09T09:00", "account", "ledger-mastodon"));
        assertEquals(303, again.statusCode());
        Document after = Jsoup.parse(edith.get("/console/queue").body());
        assertEquals("Already scheduled for ledger-mastodon: left unchanged; reschedule them in the queue.", after.selectFirst("p.flash.error").text());
        assertEquals(2, site.client().list(ShareQuery.all(10)).size());
    }

    @Test
    void aTextLeftAsComposedIsNotStoredAsTheSharesOwn() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        Document compose = Jsoup.parse(edith.get("/console/compose?url=" + URLEncoder.encode(leadStory(), StandardCharsets.UTF_8)).body());
        String composed = compose.selectFirst("textarea[name=text.ledger-mastodon]").val();
        assertFalse(composed.isBlank());
        HttpResponse<String> r = edith.post("/console/compose", form("csrf", edith.token(), "url", leadStory(), "action", "schedule", "when", "at",
                "at", "2026-12-09T09:00", "account", "ledger-mastodon", "account", "ledger-bluesky",
                "text.ledger-mastodon", composed, "text.ledger-bluesky", "Ours, not the template's"));
        assertEquals(303, r.statusCode(), r.body());
        Share mastodon = site.client().list(ShareQuery.all(10).forAccount("ledger-mastodon")).get(0);
        Share bluesky = site.client().list(ShareQuery.all(10).forAccount("ledger-bluesky")).get(0);
        assertNull(mastodon.text(), "composed at send time, so a corrected headline still reaches it");
        assertEquals("Ours, not the template's", bluesky.text());
    }

    @Test
    void readsTheSitesFeedAtMostEveryFiveMinutes() throws Exception {
        Browserless vera = new Browserless(site, "vera");
        assertEquals(2, Jsoup.parse(vera.get("/console/compose").body()).select(".recent a").size());
        Path feed = dir.resolve("fixtures/feed.xml");
        Files.writeString(feed, Files.readString(feed).replaceFirst("(?s)<entry>.*?</entry>", ""));
        site.clock.advance(Duration.ofMinutes(5));
        assertEquals(2, Jsoup.parse(vera.get("/console/compose").body()).select(".recent a").size(), "still the copy read five minutes ago");
        site.clock.advance(Duration.ofSeconds(1));
        Document fresh = Jsoup.parse(vera.get("/console/compose").body());
        assertEquals(List.of(HEADLINE), fresh.select(".recent a").eachText(), "read again");
        assertNotNull(fresh.selectFirst(".recent"));
    }

    @Test
    void aCalendarStartItCannotReadOrPageFromShowsToday() throws Exception {
        Browserless vera = new Browserless(site, "vera");
        for (String start : List.of("+999999999-12-31", "-999999999-01-01", "0000-01-01", "yesterday", "2026-13-01")) {
            HttpResponse<String> month = vera.get("/console/queue?view=month&start=" + URLEncoder.encode(start, StandardCharsets.UTF_8));
            assertEquals(200, month.statusCode(), start);
            List<String> headings = Jsoup.parse(month.body()).select("h2").eachText();
            assertTrue(headings.contains("December 2026"), start + ": " + headings);
            HttpResponse<String> week = vera.get("/console/queue?start=" + URLEncoder.encode(start, StandardCharsets.UTF_8));
            assertEquals(200, week.statusCode(), start);
        }
        HttpResponse<String> far = vera.get("/console/queue?view=month&start=9999-12-15");
        assertEquals(200, far.statusCode(), "the last month the calendar shows");
    }

    @Test
    void nextSlotNamesEveryTickedAccountWithoutSlotsInOneSentence() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        assertRefused(edith.post("/console/compose", form("csrf", edith.token(), "url", leadStory(), "action", "schedule", "when", "next",
                "account", "ledger-mastodon", "account", "ledger-bluesky", "account", "ledger-x")),
                "Nothing was scheduled: ledger-bluesky, ledger-x have no queue slots: choose a time for them, or untick");
    }

    @Test
    void nextSlotChecksEveryOwnTextBeforeMakingAnyShareAndKeepsTheOnesThatFit() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        HttpResponse<String> tooLong = edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "next",
                "account", "ledger-mastodon", "text.ledger-mastodon", "word ".repeat(120)));
        assertEquals(400, tooLong.statusCode());
        assertTrue(Jsoup.parse(tooLong.body()).selectFirst("p.flash.error").text().startsWith("Nothing was scheduled: "), tooLong.body());
        assertEquals(List.of(), site.client().list(ShareQuery.all(10)));

        HttpResponse<String> fits = edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "next",
                "account", "ledger-mastodon", "text.ledger-mastodon", "Our own words for the queue"));
        assertEquals(303, fits.statusCode(), fits.body());
        assertEquals("Our own words for the queue", site.client().list(ShareQuery.all(10)).get(0).text());
    }

    @Test
    void schedulingSomeAccountsAgainSaysWhichWereMadeAndWhichWereLeft() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "at", "at", "2026-12-09T09:00",
                "account", "ledger-mastodon"));
        edith.get("/console/queue"); // the first message, read
        edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule", "when", "at", "at", "2026-12-09T09:00",
                "account", "ledger-mastodon", "account", "ledger-bluesky"));
        assertEquals("Scheduled 1 share of “" + PAGE_TITLE + "”. Already scheduled for ledger-mastodon: left unchanged; reschedule them in the queue.",
                Jsoup.parse(edith.get("/console/queue").body()).selectFirst("p.flash.ok").text());
    }

    @Test
    void answersAHeadForAnAssetAndAPostToOneIsNoPage() throws Exception {
        Browserless vera = new Browserless(site, "vera");
        HttpResponse<String> head = vera.send("HEAD", "/console/assets/console.css");
        assertEquals(200, head.statusCode());
        assertTrue(head.headers().firstValue("Content-Type").orElseThrow().startsWith("text/css"));
        assertEquals(404, new Browserless(site, "edith").post("/console/assets/console.css", form("x", "y")).statusCode());
    }

    @Test
    void keepsTextInAnyScript() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        dev.herald.meta.ArticleMeta article = dev.herald.meta.ArticleMeta.builder().url(leadStory()).title("T").build();
        Share share = site.client().schedule(article, "ledger-mastodon", dev.herald.delivery.SendTime.at(java.time.Instant.parse("2026-12-09T08:00:00Z")));
        String text = "Grüße aus 東京 — ✓ 🚢";
        edith.post("/console/shares/text", form("csrf", edith.token(), "id", share.id(), "text", text));
        assertEquals(text, site.client().find(share.id()).orElseThrow().text());
    }

    @Test
    void aPlugInThatFailsGivesAPlain500WithTheHeadersAndNoDetail() throws Exception {
        dev.herald.syndication.Syndicator broken = new dev.herald.syndication.Syndicator() {
            @Override
            public String account() {
                return "broken-plugin";
            }

            @Override
            public String network() {
                return "carrier-pigeon";
            }

            @Override
            public dev.herald.syndication.Outcome send(dev.herald.syndication.Post post) {
                throw new IllegalStateException("never sent");
            }

            @Override
            public dev.herald.syndication.Preview preview(dev.herald.syndication.Post post) {
                throw new IllegalStateException("pigeon loft at 10.1.2.3 unreachable");
            }
        };
        ConsoleFixture withPlugIn = new ConsoleFixture(dir.resolve("plug-in"), null, List.of(broken));
        try {
            HttpResponse<String> r = new Browserless(withPlugIn, "vera").get("/console/compose?url="
                    + URLEncoder.encode(withPlugIn.origin + ConsoleFixture.LEAD_STORY, StandardCharsets.UTF_8));
            assertEquals(500, r.statusCode());
            assertFalse(r.body().contains("10.1.2.3") || r.body().contains("IllegalStateException"), r.body());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), "the headers survive the reset");
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'none'"));
            assertEquals(200, new Browserless(withPlugIn, "vera").get("/console/queue").statusCode(), "the other pages still work");
        } finally {
            withPlugIn.close();
        }
    }
}
