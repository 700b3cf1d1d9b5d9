package dev.herald.console;

import static dev.herald.console.Browserless.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The console mounted in a site's app, in real Jetty 12 with the container's own sign-in, over a
 * real H2 outbox and the test kit's fakes: each page, each action, and each refusal.
 */
class ConsoleServletIT extends MountedConsole {
    private static final Instant TOMORROW_NINE_BERLIN = Instant.parse("2026-12-08T08:00:00Z");

    private String leadStory() {
        return site.origin + ConsoleFixture.LEAD_STORY;
    }

    private String composePath(String url) {
        return "/console/compose?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    private Share scheduledShare(String account) {
        ArticleMeta article = ArticleMeta.builder().url(leadStory()).title("Iran calls its missile strikes the end of its retaliation").build();
        return site.client().schedule(article, account, SendTime.at(TOMORROW_NINE_BERLIN));
    }

    @Test
    void composeShowsOneCardPerAccountDrawnAsItsNetworkDrawsALink() throws Exception {
        HttpResponse<String> page = new Browserless(site, "vera").get(composePath(leadStory()));
        assertEquals(200, page.statusCode(), page.body());
        Document doc = Jsoup.parse(page.body());
        for (String layout : List.of("mastodon", "bluesky", "x", "facebook", "linkedin", "threads", "plain")) {
            assertEquals(1, doc.select(".card-" + layout).size(), layout + " card: " + doc.select(".cards").outerHtml());
        }
        assertTrue(doc.select(".card-x .x-title").text().startsWith("Iran calls its missile strikes"), "X shows the headline under the large image");
        Element facet = doc.selectFirst(".card-bluesky .facet");
        assertNotNull(facet, "Bluesky's link is a facet");
        assertEquals(leadStory(), facet.text());
        assertTrue(doc.select(".card-x img").attr("src").endsWith("/img/iran-bases-dusk.jpg"), "the page's own image, resolved as the filter does");
    }

    @Test
    void composeOffersTheSitesRecentArticlesFromItsFeed() throws Exception {
        Document doc = Jsoup.parse(new Browserless(site, "vera").get("/console/compose").body());
        List<String> titles = doc.select(".recent a").eachText();
        assertEquals(List.of("Harbour reopens after the storm", "Iran calls its missile strikes the end of its retaliation"), titles);
        assertEquals(composePath(leadStory()), doc.select(".recent a").get(1).attr("href"), "each opens compose on its article");
    }

    @Test
    void schedulesIntoEachAccountsNextFreeSlotAndAsRecurringReshares() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        HttpResponse<String> next = edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule",
                "account", "ledger-mastodon", "when", "next"));
        assertEquals(303, next.statusCode(), next.body());
        Share slotted = site.client().list(ShareQuery.all(10)).get(0);
        assertEquals(Instant.parse("2026-12-07T16:00:00Z"), slotted.dueAt(), "today 17:00 in Berlin, the next slot after 11:00");
        assertEquals(slotted.dueAt(), slotted.slotAt());
        HttpResponse<String> recurring = edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule",
                "account", "ledger-bluesky", "when", "recurring", "at", "2026-12-08T09:00", "zone", "Europe/Berlin", "everyDays", "7", "times", "2"));
        assertEquals(303, recurring.statusCode(), recurring.body());
        List<Instant> due = site.client().list(ShareQuery.all(10).forAccount("ledger-bluesky")).stream().map(Share::dueAt).toList();
        assertEquals(List.of(TOMORROW_NINE_BERLIN, Instant.parse("2026-12-15T08:00:00Z"), Instant.parse("2026-12-22T08:00:00Z")), due);
    }

    @Test
    void nextSlotForAnAccountWithoutSlotsSchedulesNothingForAnyAccount() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        HttpResponse<String> refused = edith.post("/console/compose", form("csrf", edith.token(), "url", leadStory(), "action", "schedule",
                "account", "ledger-mastodon", "account", "ledger-bluesky", "when", "next"));

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("ledger-bluesky has no queue slots"), refused.body());
        assertEquals(List.of(), site.client().list(ShareQuery.all(10)), "all or nothing: mastodon's share was not made either");
    }

    @Test
    void anAccountWhoseTokenMustBeRenewedWithinTwoWeeksIsShownAsExpiring() throws Exception {
        // A LinkedIn-like token stored by herald auth: its sign-in runs out in five days.
        dev.herald.delivery.JdbcCredentialStore store = new dev.herald.delivery.JdbcCredentialStore(site.db,
                dev.herald.delivery.CredentialKey.of(1, new byte[32]), site.clock);
        store.compareAndSet("ledger-mastodon", null,
                dev.herald.syndication.Tokens.of("access-token", null, ConsoleFixture.T0.plus(java.time.Duration.ofDays(5))));

        Document page = Jsoup.parse(new Browserless(site, "vera").get("/console/accounts").body());
        String row = page.select("tr:contains(ledger-mastodon)").text();
        assertTrue(row.contains("token expiring") && row.contains("herald auth ledger-mastodon"), row);
        assertTrue(page.select("tr:contains(ledger-bluesky)").text().contains("ok"), "accounts without a stored token are as they were");
    }

    @Test
    void filtersTheQueueByAccountStateAndArticle() throws Exception {
        Share mastodon = scheduledShare("ledger-mastodon");
        Share bluesky = scheduledShare("ledger-bluesky");
        site.client().cancel(bluesky.id());
        Browserless vera = new Browserless(site, "vera");
        Document waiting = Jsoup.parse(vera.get("/console/queue").body());
        assertEquals(List.of("share-" + mastodon.id()), waiting.select("li.share").eachAttr("id"), "waiting shares by default");
        Document cancelled = Jsoup.parse(vera.get("/console/queue?state=cancelled").body());
        assertEquals(List.of("share-" + bluesky.id()), cancelled.select("li.share").eachAttr("id"));
        assertEquals(0, Jsoup.parse(vera.get("/console/queue?account=ledger-bluesky").body()).select("li.share").size());
        assertEquals(1, Jsoup.parse(vera.get("/console/queue?article=missile").body()).select("li.share").size());
        assertEquals(0, Jsoup.parse(vera.get("/console/queue?article=harbour").body()).select("li.share").size());
        Document month = Jsoup.parse(vera.get("/console/queue?view=month&start=2026-12-08").body());
        assertEquals(31, month.select("tr:has(th:contains(ledger-mastodon)) td.day").size(), "December, one cell per day");
    }

    @Test
    void savesAShareOwnTextAndRefusesOneTooLong() throws Exception {
        Share share = scheduledShare("ledger-bluesky");
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        edith.post("/console/shares/text", form("csrf", token, "id", share.id(), "text", "Short and sweet " + leadStory()));
        assertEquals("Short and sweet " + leadStory(), site.client().find(share.id()).orElseThrow().text());
        edith.post("/console/shares/text", form("csrf", token, "id", share.id(), "text", "x".repeat(301)));
        assertTrue(edith.get("/console/queue").body().contains("Text not saved"), "the refusal is shown");
        assertEquals("Short and sweet " + leadStory(), site.client().find(share.id()).orElseThrow().text(), "the saved text stays");
    }

    @Test
    void composeWarnsOfAnImageTooSmallForALargeCard() throws Exception {
        HttpResponse<String> page = new Browserless(site, "edith").get(composePath(site.origin + ConsoleFixture.SMALL_IMAGE_PAGE));
        Document doc = Jsoup.parse(page.body());
        Element finding = doc.selectFirst("li.finding[data-code=image-too-small]");
        assertNotNull(finding, doc.select(".lint, .flash").outerHtml());
        assertTrue(finding.text().contains("200") && finding.text().contains("100") && finding.text().contains("too small for a large card"), finding.text());
        assertTrue(finding.text().contains("Hurts:") && finding.text().contains("facebook"), "says which networks it hurts: " + finding.text());
        Document lead = Jsoup.parse(new Browserless(site, "edith").get(composePath(leadStory())).body());
        assertTrue(lead.select("li.finding[data-code^=image-too], li.finding[data-code=image-aspect-ratio]").isEmpty(),
                "the lead story's 1200 × 675 image passes: " + lead.select(".lint").text());
        assertNotNull(lead.selectFirst("li.finding[data-code=image-not-https]"), "the demo serves its image over plain http");
    }

    @Test
    void schedulesTomorrowAtNineInBerlinWithOneAccountsOwnText() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        HttpResponse<String> done = edith.post("/console/compose", form("csrf", token, "url", leadStory(), "action", "schedule",
                "account", "ledger-mastodon", "account", "ledger-bluesky", "text.ledger-mastodon", "Our lead story tonight " + leadStory(),
                "when", "at", "at", "2026-12-08T09:00", "zone", "Europe/Berlin"));
        assertEquals(303, done.statusCode(), done.body());
        assertEquals("/console/queue", Browserless.location(done).getPath());
        List<Share> shares = site.client().list(ShareQuery.all(10));
        assertEquals(2, shares.size());
        for (Share s : shares) {
            assertEquals(TOMORROW_NINE_BERLIN, s.dueAt(), s.account());
            assertEquals(ShareState.SCHEDULED, s.state());
        }
        Share mastodon = shares.stream().filter(s -> s.account().equals("ledger-mastodon")).findFirst().orElseThrow();
        Share bluesky = shares.stream().filter(s -> s.account().equals("ledger-bluesky")).findFirst().orElseThrow();
        assertEquals("Our lead story tonight " + leadStory(), mastodon.text());
        assertNull(bluesky.text(), "an untouched text is composed from the article at send time");
        assertTrue(mastodon.headline().startsWith("Iran calls its missile strikes"));
        List<dev.herald.delivery.AuditEntry> audit = site.client().auditLog(10);
        assertTrue(audit.stream().anyMatch(e -> e.actor().equals("edith") && e.action().equals("schedule") && e.target().equals(mastodon.id())), audit.toString());
        assertTrue(edith.get("/console/queue").body().contains("Scheduled 2 shares"), "the queue says what happened");
    }

    @Test
    void refusesATextTooLongForItsNetworkAndKeepsWhatWasTyped() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String tooLong = "word ".repeat(70) + leadStory();
        HttpResponse<String> page = edith.post("/console/compose", form("csrf", edith.token(), "url", leadStory(), "action", "schedule",
                "account", "ledger-bluesky", "text.ledger-bluesky", tooLong, "when", "now"));
        assertEquals(400, page.statusCode());
        Document doc = Jsoup.parse(page.body());
        assertTrue(doc.select(".flash.error").text().contains("too long"), doc.select(".flash").text());
        assertEquals(tooLong, doc.selectFirst("textarea[name=text.ledger-bluesky]").wholeText(), "nothing typed is lost");
        assertTrue(doc.selectFirst("#count-ledger-bluesky").hasClass("over"));
        assertTrue(site.client().list(ShareQuery.all(10)).isEmpty());
    }

    @Test
    void countsTextByTheNetworksOwnRule() throws Exception {
        Browserless vera = new Browserless(site, "vera");
        String text = URLEncoder.encode("Read this https://example.com/" + "a".repeat(100), StandardCharsets.UTF_8);
        HttpResponse<String> x = vera.get("/console/count?network=x&text=" + text);
        assertEquals("{\"length\":33,\"limit\":280,\"fits\":true}", x.body(), "X counts every link as 23");
        HttpResponse<String> bluesky = vera.get("/console/count?network=bluesky&text=" + text);
        assertEquals("{\"length\":130,\"limit\":300,\"fits\":true}", bluesky.body(), "Bluesky counts the link as written");
        assertEquals("application/json;charset=utf-8", x.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""));
    }

    @Test
    void reschedulesFromTheCalendarsFormAndCancels() throws Exception {
        Share share = scheduledShare("ledger-mastodon");
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        Document queue = Jsoup.parse(edith.get("/console/queue?start=2026-12-08").body());
        assertNotNull(queue.selectFirst("td[data-date=2026-12-08][data-account=ledger-mastodon] .chip[data-share=" + share.id() + "]"),
                "the share is on its day in the calendar");
        assertNotNull(queue.selectFirst("form#reschedule-" + share.id()), "with a form that works without script");
        HttpResponse<String> moved = edith.post("/console/shares/reschedule", form("csrf", token, "id", share.id(), "at", "2026-12-10T17:30",
                "zone", "Europe/Berlin", "back", "/queue?view=week&start=2026-12-08"));
        assertEquals(303, moved.statusCode());
        assertEquals("/console/queue", Browserless.location(moved).getPath());
        assertEquals(Instant.parse("2026-12-10T16:30:00Z"), site.client().find(share.id()).orElseThrow().dueAt());
        HttpResponse<String> cancelled = edith.post("/console/shares/cancel", form("csrf", token, "id", share.id()));
        assertEquals(303, cancelled.statusCode());
        assertEquals(ShareState.CANCELLED, site.client().find(share.id()).orElseThrow().state());
        List<String> actions = site.client().auditLog(10).stream().map(dev.herald.delivery.AuditEntry::action).toList();
        assertTrue(actions.containsAll(List.of("reschedule", "cancel")), actions.toString());
    }

    @Test
    void sendsOnTheManualClockAndShowsTheLivePostInHistory() throws Exception {
        Share share = scheduledShare("ledger-mastodon");
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        Share posted = site.client().find(share.id()).orElseThrow();
        assertEquals(ShareState.POSTED, posted.state(), posted.lastMessage());
        Document history = Jsoup.parse(new Browserless(site, "vera").get("/console/history").body());
        Element link = history.selectFirst("a[href=" + posted.remoteUrl() + "]");
        assertNotNull(link, "links to the fake's post: " + history.select("table.history").outerHtml());
        assertEquals(1, site.mastodon.statusCount());
    }

    @Test
    void retriesADeadShare() throws Exception {
        site.mastodon.revokeToken(site.mastodon.accessToken());
        Share share = scheduledShare("ledger-mastodon");
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        ShareState after = site.client().find(share.id()).orElseThrow().state();
        assertTrue(after == ShareState.DEAD || after == ShareState.FAILED || after == ShareState.SCHEDULED, after.toString());
        site.client().cancel(share.id());
        Browserless edith = new Browserless(site, "edith");
        Document history = Jsoup.parse(edith.get("/console/history").body());
        assertNotNull(history.selectFirst("form[action$=/shares/retry] input[value=" + share.id() + "]"), "a one-click retry");
        HttpResponse<String> retried = edith.post("/console/shares/retry", form("csrf", edith.token(), "id", share.id(), "back", "/history"));
        assertEquals(303, retried.statusCode());
        assertEquals("/console/history", Browserless.location(retried).getPath());
        assertEquals(ShareState.SCHEDULED, site.client().find(share.id()).orElseThrow().state());
    }

    @Test
    void showsEveryAttemptAndLetsAPersonConfirmADeadShareIsPosted() throws Exception {
        site.mastodon.failAlways(dev.herald.testkit.Fault.serverError(503));
        Share share = scheduledShare("ledger-mastodon");
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        for (int i = 0; i < 12; i++) { // the backoff, hour by hour, until the retries run out
            site.clock.advance(java.time.Duration.ofHours(1));
            site.runDue();
        }
        Share dead = site.client().find(share.id()).orElseThrow();
        assertEquals(ShareState.DEAD, dead.state(), dead.lastMessage());
        Browserless edith = new Browserless(site, "edith");
        Document history = Jsoup.parse(edith.get("/console/history").body());
        List<String> attempts = history.select("ol.attempts li").eachText();
        assertEquals(dead.attempts(), attempts.size(), history.select("table.history").outerHtml());
        assertTrue(attempts.size() >= 2);
        assertTrue(attempts.get(0).startsWith("#1 Tue 8 Dec 2026, 09:00 — transient"), attempts.get(0));
        assertTrue(history.text().contains("1 share needs a person"));
        String token = edith.token();
        HttpResponse<String> refused = edith.post("/console/shares/confirm", form("csrf", token, "id", share.id(), "url", "javascript:alert(1)", "back", "/history"));
        assertEquals(303, refused.statusCode());
        assertEquals(ShareState.DEAD, site.client().find(share.id()).orElseThrow().state(), "only an http(s) address is taken");
        HttpResponse<String> confirmed = edith.post("/console/shares/confirm", form("csrf", token, "id", share.id(),
                "url", "https://mastodon.example/@ledger/42", "back", "/history"));
        assertEquals(303, confirmed.statusCode());
        Share posted = site.client().find(share.id()).orElseThrow();
        assertEquals(ShareState.POSTED, posted.state());
        assertEquals("https://mastodon.example/@ledger/42", String.valueOf(posted.remoteUrl()));
        assertTrue(site.client().auditLog(10).stream().anyMatch(e -> e.actor().equals("edith") && e.action().equals("confirm")));
    }

    @Test
    void checksAnAccountsCredentialsWithItsNetwork() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        HttpResponse<String> checked = edith.post("/console/accounts/check", form("csrf", edith.token(), "account", "ledger-mastodon", "back", "/accounts"));
        assertEquals(303, checked.statusCode());
        String page = edith.get("/console/accounts").body();
        assertTrue(page.contains("ledger-mastodon: the network accepted the credentials"), Jsoup.parse(page).select(".flash").text());
        site.mastodon.revokeToken(site.mastodon.accessToken());
        edith.post("/console/accounts/check", form("csrf", edith.token(), "account", "ledger-mastodon", "back", "/accounts"));
        assertTrue(edith.get("/console/accounts").body().contains("ledger-mastodon: the network refused the credentials"));
    }

    @Test
    void viewersAreRefusedAtEveryWriteEndpointAndNothingChanges() throws Exception {
        Share share = scheduledShare("ledger-mastodon");
        Browserless vera = new Browserless(site, "vera");
        String token = vera.token();
        Map<String, Map<String, String>> bodies = new HashMap<>();
        bodies.put("/compose", form("url", leadStory(), "action", "schedule", "account", "ledger-mastodon", "when", "now"));
        bodies.put("/shares/reschedule", form("id", share.id(), "at", "2026-12-09T10:00", "zone", "Europe/Berlin"));
        bodies.put("/shares/cancel", form("id", share.id()));
        bodies.put("/shares/retry", form("id", share.id()));
        bodies.put("/shares/text", form("id", share.id(), "text", "changed"));
        bodies.put("/shares/confirm", form("id", share.id(), "url", "https://mastodon.example/@ledger/1"));
        bodies.put("/accounts/check", form("account", "ledger-mastodon"));
        bodies.put("/accounts/reset", form("account", "ledger-mastodon"));
        Map<String, Role> writes = site.servlet().writeEndpoints();
        int refused = 0;
        for (Map.Entry<String, Role> w : writes.entrySet()) {
            if (w.getValue() == Role.VIEWER) continue; // signing out is a viewer's own business
            Map<String, String> body = new HashMap<>(bodies.getOrDefault(w.getKey(), Map.of()));
            assertTrue(bodies.containsKey(w.getKey()), "a test body for every write endpoint: " + w.getKey());
            body.put("csrf", token);
            HttpResponse<String> r = vera.post("/console" + w.getKey(), body);
            assertEquals(403, r.statusCode(), w.getKey());
            assertTrue(r.body().contains("needs the " + w.getValue().label() + " role"), r.body());
            refused++;
        }
        assertEquals(8, refused);
        Share after = site.client().find(share.id()).orElseThrow();
        assertEquals(share.version(), after.version(), "the share did not change");
        assertEquals(1, site.client().list(ShareQuery.all(10)).size(), "nothing was scheduled");
        assertEquals(0, site.mastodon.requestCount(), "no network was called");
        assertEquals(8, site.client().auditLog(50).stream().filter(e -> e.action().equals("refused") && e.actor().equals("vera")).count());
    }

    @Test
    void editorsCannotResetAccountsOrReadTheAuditLog() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        assertEquals(403, edith.post("/console/accounts/reset", form("csrf", edith.token(), "account", "ledger-mastodon")).statusCode());
        assertEquals(403, edith.get("/console/audit").statusCode());
        Browserless ada = new Browserless(site, "ada");
        assertEquals(200, ada.get("/console/audit").statusCode());
        assertEquals(303, ada.post("/console/accounts/reset", form("csrf", ada.token(), "account", "ledger-mastodon")).statusCode());
    }

    @Test
    void refusesEveryPageToSomeoneWithoutAConsoleRole() throws Exception {
        Browserless noel = new Browserless(site, "noel");
        for (String path : List.of("/console/", "/console/compose", "/console/queue", "/console/history", "/console/accounts", "/console/audit",
                "/console/count?network=x&text=a", composePath(leadStory()))) {
            HttpResponse<String> r = noel.get(path);
            assertEquals(403, r.statusCode(), path);
            assertFalse(r.body().contains("name=\"csrf\"") || r.body().contains("data-csrf=\"") , "no form or token for someone without a role");
        }
        assertEquals(401, new Browserless(site, null).get("/console/queue").statusCode(), "the container asks for sign-in first");
    }

    @Test
    void refusesAChangeWithoutTheSessionsTokenOrFromAnotherSite() throws Exception {
        Share share = scheduledShare("ledger-mastodon");
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        assertEquals(403, edith.post("/console/shares/cancel", form("id", share.id())).statusCode(), "no token");
        assertEquals(403, edith.post("/console/shares/cancel", form("csrf", "forged", "id", share.id())).statusCode(), "a wrong token");
        assertEquals(403, edith.post("/console/shares/cancel", form("csrf", token, "id", share.id()), "https://evil.example").statusCode(),
                "another site's page");
        Browserless otherSession = new Browserless(site, "edith");
        assertEquals(403, otherSession.post("/console/shares/cancel", form("csrf", token, "id", share.id())).statusCode(),
                "another session's token");
        assertEquals(ShareState.SCHEDULED, site.client().find(share.id()).orElseThrow().state());
    }

    @Test
    void pagesCarryAStrictPolicyAndNoInlineScriptOrStyle() throws Exception {
        scheduledShare("ledger-mastodon");
        Browserless ada = new Browserless(site, "ada");
        for (String path : List.of(composePath(leadStory()), "/console/queue?start=2026-12-08", "/console/queue?view=month", "/console/history",
                "/console/accounts", "/console/audit")) {
            HttpResponse<String> r = ada.get(path);
            assertEquals(200, r.statusCode(), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
            assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'") && !csp.contains("unsafe"), csp);
            Document doc = Jsoup.parse(r.body());
            assertTrue(doc.select("script:not([src])").isEmpty(), path + ": inline script");
            assertTrue(doc.select("[style], style").isEmpty(), path + ": inline style");
            assertTrue(doc.select("*").stream().flatMap(e -> e.attributes().asList().stream()).noneMatch(a -> a.getKey().startsWith("on")),
                    path + ": event-handler attributes");
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    @Test
    void redirectsOnlyToTheConsolesOwnPages() throws Exception {
        Share share = scheduledShare("ledger-mastodon");
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        for (String back : List.of("//evil.example/queue", "https://evil.example/", "/queue\r\nX: y", "/../admin", "/history/../../x")) {
            HttpResponse<String> r = edith.post("/console/shares/text", form("csrf", token, "id", share.id(), "text", "x " + back.length(), "back", back));
            assertEquals(303, r.statusCode());
            assertEquals(site.url("/console/queue").getPath(), Browserless.location(r).getPath(), back);
            assertNull(Browserless.location(r).getHost(), "a relative redirect on this site: " + back);
        }
    }

    @Test
    void showsTimesInTheConsolesZoneAndFreeQueueSlots() throws Exception {
        scheduledShare("ledger-mastodon");
        Document queue = Jsoup.parse(new Browserless(site, "vera").get("/console/queue?start=2026-12-08").body());
        Element cell = queue.selectFirst("td[data-date=2026-12-08][data-account=ledger-mastodon]");
        assertNotNull(cell);
        assertTrue(cell.selectFirst(".chip").text().startsWith("09:00"), cell.outerHtml());
        assertEquals(List.of("17:00"), cell.select(".slot").eachText(), "the 09:00 slot is taken by the share: " + cell.outerHtml());
    }
}
