package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.herald.delivery.internal.ClaimResult;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.discord.DiscordAccount;
import dev.herald.syndication.discord.DiscordSyndicator;
import dev.herald.syndication.facebook.FacebookAccount;
import dev.herald.syndication.facebook.FacebookSyndicator;
import dev.herald.syndication.linkedin.LinkedInAccount;
import dev.herald.syndication.linkedin.LinkedInSyndicator;
import dev.herald.syndication.slack.SlackAccount;
import dev.herald.syndication.slack.SlackSyndicator;
import dev.herald.syndication.telegram.TelegramAccount;
import dev.herald.syndication.telegram.TelegramSyndicator;
import dev.herald.syndication.threads.ThreadsAccount;
import dev.herald.syndication.threads.ThreadsSyndicator;
import dev.herald.syndication.x.XAccount;
import dev.herald.syndication.x.XCredentials;
import dev.herald.syndication.x.XSyndicator;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockDiscord;
import dev.herald.testkit.MockFacebook;
import dev.herald.testkit.MockLinkedIn;
import dev.herald.testkit.MockSlack;
import dev.herald.testkit.MockTelegram;
import dev.herald.testkit.MockThreads;
import dev.herald.testkit.MockX;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exactly-once promise on networks without an idempotency key, through the real engine on H2
 * and each network's fake: the fake writes the post and then drops the answer. A network that can
 * look its posts up is asked before any resend, and gets exactly one post; one that cannot leaves
 * the share UNCERTAIN for a person, who confirms or resends it, and nothing is posted twice behind
 * their back.
 */
@ExtendWith(HeraldMockExtension.class)
class LostAnswerDeliveryIT {
    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    static final ArticleMeta LEAD = ArticleMeta.builder()
            .url("https://ledger.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete")
            .title("Iran says its retaliation is complete and it will not seek escalation")
            .description("Tehran signalled it does not want a wider war after missile strikes on two bases.")
            .build();

    @TempDir
    Path dir;

    final ManualTime time = new ManualTime(T0);
    final HttpTransport http = HttpTransport.create();
    DeliveryDatabase db;
    Delivery delivery;
    DeliveryClient client;
    ManualScheduler scheduler;

    /** Random whose every draw is 0.5: backoff waits come out unjittered. */
    static final class Midpoint extends Random {
        @Override
        public double nextDouble() {
            return 0.5;
        }
    }

    /** The fakes' clock (X checks OAuth timestamps against it; a test declares it to put its fakes on it), kept on Herald's time. */
    ManualClock fakes;

    @BeforeEach
    void sameTimeForTheFakes(ManualClock clock) {
        fakes = clock;
        fakes.set(T0);
    }

    void start(Syndicator syndicator) {
        db = TestDatabases.h2(dir);
        delivery = Delivery.builder(db)
                .syndicators(List.of(syndicator))
                .clock(time)
                .random(new Midpoint())
                .node("node-a")
                .schedulerFactory((ds, tasks) -> TestHelper.createManualScheduler(ds, tasks).clock(time.scheduler))
                .build()
                .start();
        client = delivery.client();
        scheduler = (ManualScheduler) delivery.scheduler();
    }

    @AfterEach
    void stop() throws Exception {
        if (delivery != null) delivery.close();
        if (db != null) db.close();
        http.close();
    }

    void runFor(Duration total) {
        for (Duration d = Duration.ZERO; d.compareTo(total) < 0; d = d.plus(Duration.ofMinutes(1))) {
            scheduler.runAnyDueExecutions();
            scheduler.runAnyDueExecutions();
            time.tick(Duration.ofMinutes(1));
            fakes.set(time.instant());
        }
        scheduler.runAnyDueExecutions();
    }

    /** Publishes the lead story, lets the worker run for an hour, and returns the share as it ends. */
    Share publishAndRun() {
        Share share = client.publish(LEAD).get(0);
        runFor(Duration.ofHours(1));
        return client.find(share.id()).orElseThrow();
    }

    /** A lost answer on a network that can be asked: one post, found by the check, never sent twice. */
    void assertReconciled(Share done, IntSupplier posts, String check) {
        assertEquals(ShareState.POSTED, done.state(), done.lastMessage());
        assertEquals(1, posts.getAsInt(), "exactly one post on the account");
        assertEquals("reconciled", done.lastOutcome());
        assertTrue(done.lastMessage().contains(check), done.lastMessage());
        assertNotNull(done.remoteId());
        List<Attempt> attempts = client.attempts(done.id());
        assertEquals(List.of("transient", "reconciled"), attempts.stream().map(Attempt::outcome).toList(), "the history says why");
        assertEquals("node-a", attempts.get(1).node());
    }

    @Test
    void aLostAnswerOnXIsFoundInTheTimelineAndNotPostedAgain(MockX x, ManualClock clock) {
        start(new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY),
                Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET), Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN),
                Secret.of("ats", MockX.DEFAULT_ACCESS_TOKEN_SECRET)), null), http, time));
        x.failNext(1, Fault.dropResponse().onlyFor("/2/tweets"));

        assertReconciled(publishAndRun(), x::postCount, "recent posts");
    }

    @Test
    void aLostAnswerOnFacebookIsFoundOnThePageAndNotPostedAgain(MockFacebook fb) {
        start(new FacebookSyndicator(new FacebookAccount("ledger-facebook", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID,
                Secret.of("fb", MockFacebook.DEFAULT_PAGE_TOKEN), null, null), http, time));
        fb.failNext(1, Fault.dropResponse().onlyFor("/v26.0/" + MockFacebook.DEFAULT_PAGE_ID + "/feed"));

        assertReconciled(publishAndRun(), fb::postCount, "Page's recent posts");
    }

    @Test
    void aLostAnswerOnLinkedInIsFoundAmongTheAuthorsPostsAndNotPostedAgain(MockLinkedIn li) {
        start(new LinkedInSyndicator(new LinkedInAccount("ledger-linkedin", li.baseUri(), MockLinkedIn.DEFAULT_AUTHOR,
                Secret.of("li", MockLinkedIn.DEFAULT_TOKEN), null, null, null), http, time));
        li.failNext(1, Fault.dropResponse().onlyFor("/rest/posts"));

        assertReconciled(publishAndRun(), li::postCount, "author's recent posts");
    }

    @Test
    void aLostAnswerOnThreadsIsFoundByTheContainerAndNotPublishedAgain(MockThreads threads) {
        start(new ThreadsSyndicator(new ThreadsAccount("ledger-threads", threads.baseUri(), MockThreads.DEFAULT_USER_ID,
                Secret.of("th", MockThreads.DEFAULT_TOKEN), null), http, time));
        threads.failNext(1, Fault.dropResponse().onlyFor("/v1.0/" + MockThreads.DEFAULT_USER_ID + "/threads_publish"));

        Share done = publishAndRun();
        assertEquals(ShareState.POSTED, done.state(), done.lastMessage());
        assertEquals(1, threads.postCount());
        assertEquals("reconciled", done.lastOutcome());
    }

    @Test
    void aNetworkThatCanBeAskedIsSentToWhenThePostIsNotThere(MockX x, ManualClock clock) {
        start(new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY),
                Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET), Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN),
                Secret.of("ats", MockX.DEFAULT_ACCESS_TOKEN_SECRET)), null), http, time));
        // A 503 before the write: the timeline shows nothing, so the resend is made.
        x.failNext(1, Fault.serverError(503).onlyFor("/2/tweets"));

        Share done = publishAndRun();

        assertEquals(ShareState.POSTED, done.state(), done.lastMessage());
        assertEquals("posted", done.lastOutcome());
        assertEquals(1, x.postCount());
        assertEquals(List.of("transient", "posted"), client.attempts(done.id()).stream().map(Attempt::outcome).toList());
    }

    @Test
    void aReShareIsNotTakenForPostedBecauseAnEarlierShareLinkedTheSameArticle(MockX x, ManualClock clock) {
        start(new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY),
                Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET), Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN),
                Secret.of("ats", MockX.DEFAULT_ACCESS_TOKEN_SECRET)), null), http, time));
        Share first = publishAndRun();
        assertEquals(ShareState.POSTED, first.state());
        // The update, a day later: its first try fails before the write, so its retry looks first,
        // and the timeline holds the first share's post, which links the same article.
        x.failNext(1, Fault.serverError(503).onlyFor("/2/tweets"));
        Share update = client.schedule(ShareRequest.of(LEAD, "ledger-x").at(SendTime.now()).revision("update-1")
                .text("Update: Iran says its retaliation is complete " + LEAD.url())).get(0);
        runFor(Duration.ofHours(1));

        Share done = client.find(update.id()).orElseThrow();
        assertEquals(ShareState.POSTED, done.state(), done.lastMessage());
        assertEquals("posted", done.lastOutcome(), "the earlier share's post is not this one's");
        assertEquals(2, x.postCount());
        assertFalse(first.remoteId().equals(done.remoteId()));
    }

    @Test
    void aSendInterruptedByACrashIsFoundBeforeAnyResend(MockX x, ManualClock clock) {
        start(new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY),
                Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET), Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN),
                Secret.of("ats", MockX.DEFAULT_ACCESS_TOKEN_SECRET)), null), http, time));
        Share s = client.schedule(ShareRequest.of(LEAD, "ledger-x").at(SendTime.at(T0.plus(Duration.ofHours(2))))).get(0);
        // Another node claimed it, X took the post, and that node died before recording anything.
        JdbcDeliveryStore store = new JdbcDeliveryStore(db);
        time.tick(Duration.ofHours(2));
        fakes.set(time.instant());
        Share claimed = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), time.instant(), "dead-node", List.of())).share();
        new XSyndicator(new XAccount("ledger-x", x.baseUri(), new XCredentials.OAuth1(Secret.of("ck", MockX.DEFAULT_CONSUMER_KEY),
                Secret.of("cs", MockX.DEFAULT_CONSUMER_SECRET), Secret.of("at", MockX.DEFAULT_ACCESS_TOKEN),
                Secret.of("ats", MockX.DEFAULT_ACCESS_TOKEN_SECRET)), null), http, time).send(claimed.toPost());
        runFor(Duration.ofHours(2));

        Share done = client.find(s.id()).orElseThrow();
        assertEquals(ShareState.POSTED, done.state(), done.lastMessage());
        assertEquals("reconciled", done.lastOutcome());
        assertEquals(1, x.postCount(), "the crashed node's post, and no second one");
    }

    @Test
    void aTelegramSendInterruptedByACrashIsLeftUncertain(MockTelegram telegram) {
        TelegramSyndicator syndicator = new TelegramSyndicator(TelegramAccount.of("ledger-telegram", Secret.of("telegram", telegram.token()),
                MockTelegram.DEFAULT_CHANNEL).withServer(telegram.baseUri()), http, time);
        start(syndicator);
        Share s = client.schedule(ShareRequest.of(LEAD, "ledger-telegram").at(SendTime.at(T0.plus(Duration.ofHours(2))))).get(0);
        JdbcDeliveryStore store = new JdbcDeliveryStore(db);
        time.tick(Duration.ofHours(2));
        Share claimed = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), time.instant(), "dead-node", List.of())).share();
        syndicator.send(claimed.toPost());
        runFor(Duration.ofHours(2));

        Share done = client.find(s.id()).orElseThrow();
        assertEquals(ShareState.UNCERTAIN, done.state(), done.lastMessage());
        assertEquals(1, telegram.messageCount(), "never sent a second time behind a person's back");
        assertEquals(2, done.attempts());
    }

    @Test
    void schedulingAShareThatExistsAgainIsNoChangeInTheAuditLog(MockTelegram telegram) {
        start(new TelegramSyndicator(TelegramAccount.of("ledger-telegram", Secret.of("telegram", telegram.token()),
                MockTelegram.DEFAULT_CHANNEL).withServer(telegram.baseUri()), http, time));
        DeliveryClient alice = client.as("alice");
        ShareRequest request = ShareRequest.of(LEAD, "ledger-telegram").at(SendTime.at(T0.plus(Duration.ofDays(1))));

        Share first = alice.schedule(request).get(0);
        time.tick(Duration.ofMinutes(5));
        Share again = alice.schedule(request).get(0);
        alice.scheduleAll(List.of(request));

        assertEquals(first.id(), again.id());
        assertEquals(List.of("schedule"), client.auditLog(10).stream().map(AuditEntry::action).toList(), "one change, logged once");
    }

    /** A lost answer on a network that cannot be asked: parked for a person, nothing more sent. */
    Share assertUncertain(IntSupplier messages) {
        Share done = publishAndRun();
        assertEquals(ShareState.UNCERTAIN, done.state(), done.lastMessage());
        assertEquals("uncertain", done.lastOutcome());
        assertTrue(done.lastMessage().contains("confirm or resend"), done.lastMessage());
        assertEquals(1, messages.getAsInt(), "written once, and never again by itself");
        assertEquals(1, done.attempts());
        assertTrue(done.state().needsAttention());
        assertFalse(done.state().pending());
        return done;
    }

    @Test
    void aLostAnswerOnTelegramIsLeftUncertainAndAPersonConfirmsIt(MockTelegram telegram) {
        start(new TelegramSyndicator(TelegramAccount.of("ledger-telegram", Secret.of("telegram", telegram.token()),
                MockTelegram.DEFAULT_CHANNEL).withServer(telegram.baseUri()), http, time));
        telegram.failNext(1, Fault.dropResponse());
        Share uncertain = assertUncertain(telegram::messageCount);

        DeliveryClient alice = client.as("alice");
        URI link = URI.create("https://t.me/ledger_news/1");
        assertTrue(alice.confirm(uncertain.id(), link));
        runFor(Duration.ofHours(1));

        Share confirmed = client.find(uncertain.id()).orElseThrow();
        assertEquals(ShareState.POSTED, confirmed.state());
        assertEquals("confirmed", confirmed.lastOutcome());
        assertEquals(link, confirmed.remoteUrl());
        assertEquals(1, telegram.messageCount());
        AuditEntry entry = client.auditLog(10).get(0);
        assertEquals(List.of("alice", "confirm", uncertain.id(), link.toString()),
                List.of(entry.actor(), entry.action(), entry.target(), entry.detail()));
        assertFalse(alice.confirm(uncertain.id(), link), "a posted share cannot be confirmed twice");
        assertEquals(1, client.auditLog(10).size(), "a refused change is not a change");
        client.audit("alice", "sign in", "127.0.0.1", "as editor");
        assertEquals(List.of("sign in", "confirm"), client.auditLog(10).stream().map(AuditEntry::action).toList());
    }

    @Test
    void aLostAnswerOnDiscordIsLeftUncertainAndAResendPostsItOnce(MockDiscord discord) {
        start(new DiscordSyndicator(DiscordAccount.of("ledger-discord", discord.webhookUri()), http, time));
        discord.failNext(1, Fault.dropResponse());
        Share uncertain = assertUncertain(discord::messageCount);

        // The person looked, the message is not there (say it was deleted): resend.
        assertTrue(client.as("bob").retry(uncertain.id()));
        runFor(Duration.ofMinutes(5));

        Share resent = client.find(uncertain.id()).orElseThrow();
        assertEquals(ShareState.POSTED, resent.state(), resent.lastMessage());
        assertEquals(2, discord.messageCount(), "the resend the person asked for, and only that");
        assertEquals(List.of("uncertain", "posted"), client.attempts(resent.id()).stream().map(Attempt::outcome).toList());
        assertEquals("retry", client.auditLog(1).get(0).action());
    }

    @Test
    void aLostAnswerOnASlackWebhookIsLeftUncertain(MockSlack slack) {
        start(new SlackSyndicator(SlackAccount.of("ledger-slack", slack.webhookUri()), http, time));
        slack.failNext(1, Fault.dropResponse());

        Share uncertain = assertUncertain(slack::messageCount);

        assertEquals(1L, client.stats().count(ShareState.UNCERTAIN));
        assertEquals(1L, client.stats().counter("uncertain"));
        assertTrue(client.list(ShareQuery.inStates(10, ShareState.UNCERTAIN)).stream().anyMatch(s -> s.id().equals(uncertain.id())));
    }
}
