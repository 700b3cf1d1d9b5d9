package dev.herald.console;

import static dev.herald.console.Browserless.form;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.AccountState;
import dev.herald.delivery.AuditEntry;
import dev.herald.delivery.CredentialKey;
import dev.herald.delivery.JdbcCredentialStore;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.Tokens;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The accounts page: each account's health, quota, waiting shares and next slots, and the check and reset buttons. */
class ConsoleAccountsIT extends MountedConsole {
    private static final Instant TOMORROW_NINE_BERLIN = Instant.parse("2026-12-08T08:00:00Z");

    private Share scheduled(String account, Instant at) {
        ArticleMeta article = ArticleMeta.builder().url(site.origin + ConsoleFixture.LEAD_STORY + "?" + at.getEpochSecond())
                .title("Iran calls its missile strikes the end of its retaliation").build();
        return site.client().schedule(article, account, SendTime.at(at));
    }

    private Element row(Browserless who, String account) throws Exception {
        Document page = Jsoup.parse(who.get("/console/accounts").body());
        Element row = page.selectFirst("table.accounts tr:has(th:containsOwn(" + account + "))");
        assertNotNull(row, account + ": " + page.select("table.accounts").outerHtml());
        return row;
    }

    private static List<String> cells(Element row) {
        return row.select("td").eachText();
    }

    @Test
    void showsEachAccountsQuotaUsedInItsNetworksWindowAndNoneWhereTheNetworkHasNone() throws Exception {
        Share share = scheduled("ledger-mastodon", TOMORROW_NINE_BERLIN);
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        assertEquals(ShareState.POSTED, site.client().find(share.id()).orElseThrow().state());
        Browserless vera = new Browserless(site, "vera");
        assertEquals("1 / 300 in 3 h", cells(row(vera, "ledger-mastodon")).get(2), "Mastodon: 300 posts in three hours");
        assertEquals("—", cells(row(vera, "newsroom-hook")).get(2), "webhooks have no quota");
        site.clock.advance(Duration.ofHours(3));
        assertEquals("0 / 300 in 3 h", cells(row(vera, "ledger-mastodon")).get(2), "the post has left the window");
    }

    @Test
    void showsWaitingSharesAndTheNextThreeFreeSlotsInTheConsolesZone() throws Exception {
        scheduled("ledger-mastodon", TOMORROW_NINE_BERLIN);
        scheduled("ledger-mastodon", TOMORROW_NINE_BERLIN.plus(Duration.ofDays(3)));
        Share cancelled = scheduled("ledger-mastodon", TOMORROW_NINE_BERLIN.plus(Duration.ofDays(4)));
        site.client().cancel(cancelled.id());
        Element mastodon = row(new Browserless(site, "vera"), "ledger-mastodon");
        assertEquals("2", cells(mastodon).get(3), "waiting: scheduled ones, not the cancelled one");
        assertEquals(List.of("Mon 7 Dec 2026, 17:00", "Tue 8 Dec 2026, 09:00", "Tue 8 Dec 2026, 17:00"), mastodon.select("ul.plain li").eachText(),
                "three slots, no more");
        assertEquals("—", cells(row(new Browserless(site, "vera"), "ledger-bluesky")).get(4), "an account without slots");
    }

    @Test
    void anAccountWhoseTokenHasRunOutSaysSoAndHowToSignInAgain() throws Exception {
        JdbcCredentialStore store = new JdbcCredentialStore(site.db, CredentialKey.of(1, new byte[32]), site.clock);
        store.compareAndSet("ledger-linkedin", null, Tokens.of("access-token", null, ConsoleFixture.T0.minus(Duration.ofHours(1))));
        store.compareAndSet("ledger-threads", null, Tokens.of("access-token", null, ConsoleFixture.T0.plus(Duration.ofDays(15))));
        Browserless ada = new Browserless(site, "ada");
        Element linkedin = row(ada, "ledger-linkedin");
        assertEquals("token expired", linkedin.selectFirst(".health").text());
        assertTrue(linkedin.selectFirst(".health").hasClass("bad"));
        assertTrue(cells(linkedin).get(1).contains("its token expired Mon 7 Dec 2026, 10:00; sign in again: herald auth ledger-linkedin"),
                cells(linkedin).get(1));
        assertNotNull(linkedin.selectFirst("form[action$=/accounts/reset]"), "an admin may reset an unhealthy account");
        Element threads = row(ada, "ledger-threads");
        assertEquals("ok", threads.selectFirst(".health").text(), "fifteen days left is no warning yet");
        assertNull(threads.selectFirst("form[action$=/accounts/reset]"), "nothing to reset on a healthy account");
    }

    @Test
    void anAcceptedCheckWakesAnAccountThatHadBeenRefused() throws Exception {
        site.mastodon.failAlways(dev.herald.testkit.Fault.unauthorized());
        Share share = scheduled("ledger-mastodon", TOMORROW_NINE_BERLIN);
        site.clock.set(TOMORROW_NINE_BERLIN.plusSeconds(1));
        site.runDue();
        assertEquals(AccountState.AUTH_FAILED, site.client().account("ledger-mastodon").state());
        Browserless edith = new Browserless(site, "edith");
        Element refused = row(edith, "ledger-mastodon");
        assertEquals("auth failed", refused.selectFirst(".health").text());
        assertTrue(refused.text().contains("since "), "when it changed: " + refused.text());

        site.mastodon.clearFailures();
        HttpResponse<String> r = edith.post("/console/accounts/check", form("csrf", edith.token(), "account", "ledger-mastodon", "back", "/accounts"));
        assertEquals(303, r.statusCode());
        assertEquals(AccountState.ACTIVE, site.client().account("ledger-mastodon").state(), "accepted credentials wake the account");
        Share woken = site.client().find(share.id()).orElseThrow();
        assertEquals(ShareState.FAILED, woken.state(), woken.lastMessage());
        assertTrue(!woken.dueAt().isAfter(site.clock.instant()), "its waiting share is due now: " + woken.dueAt());
        List<AuditEntry> log = site.client().auditLog(5);
        assertEquals("reset-account", log.get(0).action());
        assertEquals("credentials accepted; 1 waiting shares woken", log.get(0).detail());
        AuditEntry check = log.stream().filter(e -> e.action().equals("check credentials")).findFirst().orElseThrow(() -> new AssertionError(log.toString()));
        assertEquals("edith", check.actor());
        assertTrue(check.detail().startsWith("accepted: "), check.detail());
    }

    @Test
    void checkingAnAccountThatIsNotHereSaysSo() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        edith.post("/console/accounts/check", form("csrf", edith.token(), "account", "nobody", "back", "/accounts"));
        Element flash = Jsoup.parse(edith.get("/console/accounts").body()).selectFirst("p.flash");
        assertEquals("No account named 'nobody' can be checked here.", flash.text());
        assertTrue(flash.hasClass("error"));
    }

    @Test
    void anAdminResetsAnAccountAndIsToldHowManySharesWoke() throws Exception {
        site.client().as("test").resetAccount("ledger-x");
        Browserless ada = new Browserless(site, "ada");
        String token = ada.token();
        ada.post("/console/accounts/reset", form("csrf", token, "account", "ledger-x", "back", "/accounts"));
        Element ok = Jsoup.parse(ada.get("/console/accounts").body()).selectFirst("p.flash");
        assertEquals("ledger-x may send again; 0 waiting shares woken.", ok.text());
        assertTrue(ok.hasClass("ok"));
        ada.post("/console/accounts/reset", form("csrf", token, "account", "", "back", "/accounts"));
        Element refused = Jsoup.parse(ada.get("/console/accounts").body()).selectFirst("p.flash");
        assertTrue(refused.hasClass("error") && refused.text().startsWith("Not reset: "), refused.text());
    }

    @Test
    void aRefusedCheckIsShownAsAnErrorAndAnAcceptedOneIsNot() throws Exception {
        Browserless edith = new Browserless(site, "edith");
        String token = edith.token();
        edith.post("/console/accounts/check", form("csrf", token, "account", "ledger-mastodon", "back", "/accounts"));
        Element accepted = Jsoup.parse(edith.get("/console/accounts").body()).selectFirst("p.flash");
        assertTrue(accepted.hasClass("ok") && accepted.text().startsWith("ledger-mastodon: the network accepted the credentials."), accepted.outerHtml());
        site.mastodon.failAlways(dev.herald.testkit.Fault.unauthorized());
        edith.post("/console/accounts/check", form("csrf", token, "account", "ledger-mastodon", "back", "/accounts"));
        Element refused = Jsoup.parse(edith.get("/console/accounts").body()).selectFirst("p.flash");
        assertTrue(refused.hasClass("error") && refused.text().startsWith("ledger-mastodon: the network refused the credentials."), refused.outerHtml());
    }
}
