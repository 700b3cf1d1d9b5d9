package dev.herald.console;

import static dev.herald.console.Browserless.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue's buttons, each in the state it is meant for and in the states it is not: what the
 * share becomes, and what the person is told on the page they come back to.
 */
class ConsoleQueueActionsIT extends MountedConsole {
    private static final Instant TOMORROW_NINE_BERLIN = Instant.parse("2026-12-08T08:00:00Z");
    private static final String HEADLINE = "Iran calls its missile strikes the end of its retaliation";

    Browserless edith;
    String token;

    @BeforeEach
    void start() throws Exception {
        edith = new Browserless(site, "edith");
        token = edith.token();
    }

    private Share scheduled(String account) {
        ArticleMeta article = ArticleMeta.builder().url(site.origin + ConsoleFixture.LEAD_STORY).title(HEADLINE).build();
        return site.client().schedule(article, account, SendTime.at(TOMORROW_NINE_BERLIN));
    }

    private Share posted(String account) {
        Share share = scheduled(account);
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        Share after = state(share);
        assertEquals(ShareState.POSTED, after.state(), after.lastMessage());
        return after;
    }

    private Share state(Share s) {
        return site.client().find(s.id()).orElseThrow();
    }

    /** Posts the form, follows the redirect as a browser would, and returns the message shown there. */
    private Flash act(String action, String... pairs) throws Exception {
        String[] all = new String[pairs.length + 2];
        all[0] = "csrf";
        all[1] = token;
        System.arraycopy(pairs, 0, all, 2, pairs.length);
        HttpResponse<String> r = edith.post("/console/shares/" + action, form(all));
        assertEquals(303, r.statusCode(), r.body());
        Document page = Jsoup.parse(edith.get(Browserless.location(r).toString()).body());
        Element flash = page.selectFirst("p.flash");
        assertNotNull(flash, "a message after " + action + ": " + page.select("main").outerHtml());
        return new Flash(flash.text(), flash.hasClass("error"), flash.attr("role"));
    }

    private record Flash(String text, boolean error, String role) {}

    @Test
    void everyActionOnAShareThatDoesNotExistSaysSoAndChangesNothing() throws Exception {
        Share other = scheduled("ledger-mastodon");
        for (String action : List.of("reschedule", "cancel", "retry", "confirm", "text")) {
            Flash f = act(action, "id", "no-such-share", "at", "2026-12-10T10:00", "text", "words");
            assertEquals("No such share.", f.text(), action);
            assertTrue(f.error(), action + " is reported as an error");
            assertEquals("alert", f.role());
        }
        Share after = state(other);
        assertEquals(ShareState.SCHEDULED, after.state());
        assertEquals(TOMORROW_NINE_BERLIN, after.dueAt());
        assertNull(after.text());
    }

    @Test
    void movesAShareIntoItsAccountsNextFreeSlotAndSaysWhen() throws Exception {
        Share share = scheduled("ledger-mastodon");
        Flash f = act("reschedule", "id", share.id(), "when", "next");
        // Slots are 09:00 and 17:00 in Berlin; it is 11:00 there, so today's 17:00 is the next free one.
        assertEquals(Instant.parse("2026-12-07T16:00:00Z"), state(share).dueAt());
        assertEquals("Moved “" + HEADLINE + "” on ledger-mastodon to Mon 7 Dec 2026, 17:00.", f.text());
        assertTrue(!f.error() && f.role().equals("status"), "a success, not an alert");
    }

    @Test
    void movesAShareToATypedTimeInTheConsolesZoneWhenTheFormNamesNone() throws Exception {
        Share share = scheduled("ledger-bluesky");
        Flash f = act("reschedule", "id", share.id(), "at", " 2026-12-10T17:30 ");
        assertEquals(Instant.parse("2026-12-10T16:30:00Z"), state(share).dueAt(), "17:30 in Berlin");
        assertEquals("Moved “" + HEADLINE + "” on ledger-bluesky to Thu 10 Dec 2026, 17:30.", f.text());
        assertTrue(!f.error());
        Flash tokyo = act("reschedule", "id", share.id(), "at", "2026-12-11T09:00", "zone", "Asia/Tokyo");
        assertEquals(Instant.parse("2026-12-11T00:00:00Z"), state(share).dueAt(), "09:00 in Tokyo");
        assertEquals("Moved “" + HEADLINE + "” on ledger-bluesky to Fri 11 Dec 2026, 01:00.", tokyo.text(), "shown in the console's zone");
    }

    @Test
    void refusesATimeOrZoneItCannotReadAndLeavesTheShareWhereItWas() throws Exception {
        Share share = scheduled("ledger-mastodon");
        Flash badTime = act("reschedule", "id", share.id(), "at", "next tuesday");
        assertEquals("Not moved: 'next tuesday' is not a date and time such as 2026-12-08T09:00", badTime.text());
        assertTrue(badTime.error());
        Flash badZone = act("reschedule", "id", share.id(), "at", "2026-12-10T10:00", "zone", "Mars/Olympus");
        assertTrue(badZone.text().startsWith("Not moved: unknown time zone 'Mars/Olympus'"), badZone.text());
        Flash none = act("reschedule", "id", share.id(), "at", "");
        assertEquals("Not moved: give a date and time", none.text());
        Flash past = act("reschedule", "id", share.id(), "at", "2026-12-01T10:00");
        assertTrue(past.error() && past.text().startsWith("Not moved: "), past.text());
        assertEquals(TOMORROW_NINE_BERLIN, state(share).dueAt());
    }

    @Test
    void aPostedShareCannotBeMovedCancelledRetriedConfirmedOrRewritten() throws Exception {
        Share share = posted("ledger-mastodon");
        String cannotMove = "“" + HEADLINE + "” on ledger-mastodon cannot be moved: it is being sent or was posted.";
        assertEquals(new Flash(cannotMove, true, "alert"), act("reschedule", "id", share.id(), "when", "next"));
        assertEquals(new Flash(cannotMove, true, "alert"), act("reschedule", "id", share.id(), "at", "2026-12-20T10:00"));
        assertEquals(new Flash("“" + HEADLINE + "” on ledger-mastodon cannot be cancelled: it is being sent, was sent, or is dead.", true, "alert"),
                act("cancel", "id", share.id()));
        assertEquals(new Flash("“" + HEADLINE + "” on ledger-mastodon cannot be retried in its state (posted).", true, "alert"),
                act("retry", "id", share.id()));
        assertEquals(new Flash("“" + HEADLINE + "” on ledger-mastodon cannot be confirmed in its state (posted).", true, "alert"),
                act("confirm", "id", share.id()));
        assertEquals(new Flash("The text of “" + HEADLINE + "” cannot change: it is being sent or was posted.", true, "alert"),
                act("text", "id", share.id(), "text", "New words"));
        Share after = state(share);
        assertEquals(ShareState.POSTED, after.state());
        assertEquals(share.remoteUrl(), after.remoteUrl());
        assertEquals(1, site.mastodon.statusCount(), "sent once, never again");
    }

    @Test
    void cancelsAWaitingShareAndRetriesItAgainButOnlyOnce() throws Exception {
        Share share = scheduled("ledger-mastodon");
        assertEquals(new Flash("“" + HEADLINE + "” on ledger-mastodon cannot be retried in its state (scheduled).", true, "alert"),
                act("retry", "id", share.id()), "a waiting share is not retried");
        assertEquals(ShareState.SCHEDULED, state(share).state());

        assertEquals(new Flash("Cancelled “" + HEADLINE + "” on ledger-mastodon.", false, "status"), act("cancel", "id", share.id()));
        assertEquals(ShareState.CANCELLED, state(share).state());
        assertEquals(new Flash("“" + HEADLINE + "” on ledger-mastodon cannot be confirmed in its state (cancelled).", true, "alert"),
                act("confirm", "id", share.id()), "nobody claims a cancelled share was posted");

        assertEquals(new Flash("Sending “" + HEADLINE + "” on ledger-mastodon again now.", false, "status"), act("retry", "id", share.id()));
        Share again = state(share);
        assertEquals(ShareState.SCHEDULED, again.state());
        assertEquals(site.clock.instant(), again.dueAt(), "due now");
    }

    @Test
    void confirmsOnlyWithAnHttpAddressOnAHost() throws Exception {
        Share share = scheduled("ledger-mastodon");
        for (String url : List.of("not a url", "ftp://files.example/post", "https:/no-host", "mailto:desk@ledger.example")) {
            Flash f = act("confirm", "id", share.id(), "url", url);
            assertEquals(new Flash("Not confirmed: the post's address must start with https:// (or leave it empty).", true, "alert"), f, url);
        }
        assertEquals(ShareState.SCHEDULED, state(share).state());
        assertNull(state(share).remoteUrl());
    }

    @Test
    void savesOwnTextWithUnixLineBreaksAndABlankBoxGoesBackToTheComposedText() throws Exception {
        Share share = scheduled("ledger-mastodon");
        Flash saved = act("text", "id", share.id(), "text", "First line\r\nSecond line");
        assertEquals(new Flash("Saved the text of “" + HEADLINE + "” on ledger-mastodon.", false, "status"), saved);
        assertEquals("First line\nSecond line", state(share).text());

        act("text", "id", share.id(), "text", "  \r\n ");
        assertNull(state(share).text(), "blank: composed from the article again");
    }

    @Test
    void aMessageIsShownOnceOnTheFormsOwnPage() throws Exception {
        Share share = scheduled("ledger-mastodon");
        HttpResponse<String> r = edith.post("/console/shares/cancel", form("csrf", token, "id", share.id(), "back", "/history?x=1"));
        assertEquals("/console/history?x=1", Browserless.location(r).toString(), "back where the form was");
        assertEquals(1, Jsoup.parse(edith.get("/console/history").body()).select("p.flash.ok").size());
        assertEquals(0, Jsoup.parse(edith.get("/console/history").body()).select("p.flash").size(), "shown once");
    }

    @Test
    void eachRowOffersOnlyTheButtonsItsStateAllows() throws Exception {
        Share waiting = scheduled("ledger-mastodon");
        Share cancelled = scheduled("ledger-bluesky");
        site.client().cancel(cancelled.id());

        Document queue = Jsoup.parse(edith.get("/console/queue?start=2026-12-08").body());
        Map<String, Boolean> waitingForms = forms(queue, waiting);
        assertEquals(Map.of("reschedule", true, "cancel", true, "retry", false, "confirm", false, "text", true), waitingForms);

        Document history = Jsoup.parse(edith.get("/console/history").body());
        assertEquals(Map.of("reschedule", false, "cancel", false, "retry", true, "confirm", false, "text", false), forms(history, cancelled));
        Element retry = history.selectFirst("form[action$=/shares/retry]:has(input[value=" + cancelled.id() + "]) button");
        assertEquals("Retry now", retry.text());

        Document viewer = Jsoup.parse(new Browserless(site, "vera").get("/console/queue?start=2026-12-08").body());
        assertEquals(Map.of("reschedule", false, "cancel", false, "retry", false, "confirm", false, "text", false), forms(viewer, waiting),
                "a viewer sees no buttons");
    }

    private static Map<String, Boolean> forms(Document page, Share s) {
        java.util.Map<String, Boolean> out = new java.util.HashMap<>();
        for (String action : List.of("reschedule", "cancel", "retry", "confirm", "text")) {
            out.put(action, !page.select("form[action$=/shares/" + action + "]:has(input[name=id][value=" + s.id() + "])").isEmpty());
        }
        return out;
    }
}
