package dev.herald.console;

import static dev.herald.console.Browserless.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The history page (what was sent or stopped, newest first, who scheduled it) and the admin's audit log. */
class ConsoleHistoryIT extends MountedConsole {
    private static final Instant TOMORROW_NINE_BERLIN = Instant.parse("2026-12-08T08:00:00Z");

    private Share scheduled(String account, String title, Instant at) {
        ArticleMeta article = ArticleMeta.builder().url(site.origin + ConsoleFixture.LEAD_STORY + "?" + title.length()).title(title).build();
        return site.client().as("edith").schedule(article, account, SendTime.at(at));
    }

    private static List<String> headlines(Document history) {
        return history.select("table.history tbody tr").stream().map(tr -> tr.selectFirst("td").ownText()).toList();
    }

    @Test
    void listsWhatWasSentOrStoppedNewestFirstWithWhoScheduledItAndNothingStillWaiting() throws Exception {
        Share posted = scheduled("ledger-mastodon", "Harbour reopens", TOMORROW_NINE_BERLIN);
        Share waiting = scheduled("ledger-mastodon", "Storm warning lifted", TOMORROW_NINE_BERLIN.plus(Duration.ofDays(2)));
        Share cancelledEarly = scheduled("ledger-bluesky", "Ferry timetable", TOMORROW_NINE_BERLIN);
        site.client().cancel(cancelledEarly.id());
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        site.clock.advance(Duration.ofHours(2));
        Share cancelledLate = site.client().as("ada").schedule(ArticleMeta.builder().url(site.origin + "/x").title("Bridge works").build(),
                "ledger-x", SendTime.at(TOMORROW_NINE_BERLIN.plus(Duration.ofDays(1))));
        site.client().cancel(cancelledLate.id());
        assertEquals(ShareState.POSTED, site.client().find(posted.id()).orElseThrow().state());

        Document history = Jsoup.parse(new Browserless(site, "vera").get("/console/history").body());
        assertEquals(List.of("Bridge works", "Harbour reopens", "Ferry timetable"), headlines(history),
                "by the time each was posted or stopped, newest first; the waiting one is not history");
        Element postedRow = history.select("table.history tbody tr").get(1);
        assertEquals("edith", postedRow.select("td").get(4).text(), "who scheduled it, from the audit log");
        assertEquals("Tue 8 Dec 2026, 09:00", postedRow.select("td").get(3).text(), "when it was posted, in the console's zone");
        List<String> attempts = postedRow.select("ol.attempts li").eachText();
        assertEquals(1, attempts.size(), attempts.toString());
        String posted1 = site.client().find(posted.id()).orElseThrow().remoteUrl().toString();
        assertEquals("#1 Tue 8 Dec 2026, 09:00 — posted: posted " + posted1 + " (console-test)", attempts.get(0),
                "each attempt: number, time, outcome, its message, and the node that made it");
        assertEquals("ada", history.select("table.history tbody tr").get(0).select("td").get(4).text());
        assertTrue(history.select("p.flash").isEmpty(), "no share needs a person");

        Document bluesky = Jsoup.parse(new Browserless(site, "vera").get("/console/history?account=ledger-bluesky").body());
        assertEquals(List.of("Ferry timetable"), headlines(bluesky));
        assertEquals("ledger-bluesky", bluesky.selectFirst("select#h-account option[selected]").val());
        assertEquals(ShareState.SCHEDULED, site.client().find(waiting.id()).orElseThrow().state());
    }

    @Test
    void anEmptyHistorySaysNothingWasSent() throws Exception {
        Document history = Jsoup.parse(new Browserless(site, "vera").get("/console/history").body());
        assertEquals("Nothing has been sent yet.", history.selectFirst("main p.muted").text());
    }

    @Test
    void theAuditLogShowsWhoChangedWhatNewestFirst() throws Exception {
        Share share = scheduled("ledger-mastodon", "Harbour reopens", TOMORROW_NINE_BERLIN);
        Browserless edith = new Browserless(site, "edith");
        edith.post("/console/shares/cancel", form("csrf", edith.token(), "id", share.id()));
        Document audit = Jsoup.parse(new Browserless(site, "ada").get("/console/audit").body());
        List<Element> rows = audit.select("table.audit tbody tr");
        assertEquals(List.of("edith", "cancel", share.id()), rows.get(0).select("td").eachText().subList(1, 4));
        assertEquals(List.of("edith", "schedule", share.id()), rows.get(1).select("td").eachText().subList(1, 4));
    }
}
