package dev.herald.delivery;

import dev.herald.delivery.internal.ClaimResult;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.syndication.QueueSlots;
import dev.herald.syndication.Quota;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.FetchPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduling, retries and account states through the real engine (db-scheduler on an H2 file
 * database), with time driven by hand: no sleeps, every instant exact.
 */
class DeliverySchedulingIT {
    /** Friday 14 March 2025, 12:00 in Berlin. */
    static final Instant T0 = Instant.parse("2025-03-14T11:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path dir;

    final ManualTime time = new ManualTime(T0);
    final RecordingSyndicator main = new RecordingSyndicator("main", "mastodon");
    final RecordingSyndicator sky = new RecordingSyndicator("sky", "bluesky");
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

    /** The database the engine runs on: an H2 file here, PostgreSQL in the subclass. */
    DeliveryDatabase newDatabase() {
        return TestDatabases.h2(dir);
    }

    /** Starts a worker; again after {@link #stopWorker()}, on the same database, as a restarted process would. */
    void start(UnaryOperator<Delivery.Builder> configure) {
        if (db == null) db = newDatabase();
        delivery = configure.apply(Delivery.builder(db)
                        .syndicators(List.of(main, sky))
                        .clock(time)
                        .random(new Midpoint())
                        .node("test-node")
                        .schedulerFactory((ds, tasks) -> TestHelper.createManualScheduler(ds, tasks).clock(time.scheduler)))
                .build()
                .start();
        client = delivery.client();
        scheduler = (ManualScheduler) delivery.scheduler();
    }

    void start() {
        start(b -> b);
    }

    void stopWorker() {
        delivery.close();
        delivery = null;
    }

    @AfterEach
    void stop() {
        if (delivery != null) delivery.close();
        if (db != null) db.close();
    }

    /** Runs what is due, repeatedly, as a running scheduler would without the clock moving. */
    void runDue() {
        for (int i = 0; i < 5; i++) scheduler.runAnyDueExecutions();
    }

    /** Moves time forward in steps, running what is due at each. */
    void advance(Duration total, Duration step) {
        for (Duration d = Duration.ZERO; d.compareTo(total) < 0; d = d.plus(step)) {
            time.tick(step);
            runDue();
        }
    }

    static ArticleMeta article(String slug) {
        return ArticleMeta.builder().url("https://news.example/" + slug).title("Headline " + slug).build();
    }

    Share reload(Share s) {
        return client.find(s.id()).orElseThrow();
    }

    @Test
    void publishSendsTheArticleToEveryAccountOnce() {
        start();
        List<Share> shares = client.publish(article("a"));
        assertEquals(2, shares.size());
        runDue();
        client.publish(article("a"));
        advance(Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertEquals(1, main.calls().size());
        assertEquals(1, sky.calls().size());
        for (Share s : shares) assertEquals(ShareState.POSTED, reload(s).state());
        assertEquals("https://social.example/@main/1", reload(shares.get(0)).remoteUrl().toString());
    }

    @Test
    void aShareIsSentWithTheArticleAsItWasScheduled() {
        start();
        Share s = client.schedule(article("a"), "main", SendTime.at(T0.plusSeconds(60)));
        runDue();
        advance(Duration.ofMinutes(2), Duration.ofMinutes(1));
        assertEquals("Headline a", main.calls().get(0).article().title());
        assertEquals(s.id(), main.calls().get(0).idempotencyKey());
    }

    @Test
    void aScheduledShareWaitsForItsInstant() {
        start();
        Share s = client.schedule(article("a"), "main", SendTime.at(T0.plus(Duration.ofHours(1))));
        advance(Duration.ofMinutes(59), Duration.ofMinutes(1));
        assertEquals(0, main.calls().size());
        advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertEquals(1, main.calls().size());
        assertEquals(ShareState.POSTED, reload(s).state());
    }

    @Test
    void aLocalTimeSkippedBySpringForwardIsSentOnceAnHourLater() {
        time.set(Instant.parse("2025-03-29T12:00:00Z"));
        start();
        // 02:30 does not exist in Berlin on 30 March 2025: clocks go from 02:00 CET to 03:00 CEST.
        Share s = client.schedule(article("a"), "main", SendTime.at(LocalDateTime.parse("2025-03-30T02:30"), BERLIN));
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"), s.dueAt()); // 03:30 CEST
        advance(Duration.ofHours(24), Duration.ofMinutes(15));
        assertEquals(1, main.calls().size());
        assertEquals(Instant.parse("2025-03-30T01:30:00Z"), reload(s).postedAt());
    }

    @Test
    void aLocalTimeRepeatedByFallBackIsSentOnceAtItsFirstOccurrence() {
        time.set(Instant.parse("2025-11-01T12:00:00Z"));
        start();
        ZoneId newYork = ZoneId.of("America/New_York");
        // 01:30 happens twice in New York on 2 November 2025: first EDT (-4), then EST (-5).
        Share s = client.schedule(article("a"), "main", SendTime.at(LocalDateTime.parse("2025-11-02T01:30"), newYork));
        assertEquals(Instant.parse("2025-11-02T05:30:00Z"), s.dueAt());
        advance(Duration.ofHours(24), Duration.ofMinutes(15));
        assertEquals(1, main.calls().size());
    }

    @Test
    void transientFailuresBackOffExponentially() {
        start(b -> b.retryPolicy(new RetryPolicy(5, Duration.ofSeconds(30), 2.0, Duration.ofHours(1), 0.2)));
        main.thenAnswer(new Outcome.Transient("503", null), new Outcome.Transient("503", null), new Outcome.Transient("timeout", null));
        Share s = client.schedule(article("a"), "main", SendTime.now());
        runDue();
        assertEquals(T0.plusSeconds(30), reload(s).dueAt());
        time.set(T0.plusSeconds(30));
        runDue();
        assertEquals(T0.plusSeconds(30 + 60), reload(s).dueAt());
        time.set(T0.plusSeconds(90));
        runDue();
        Share third = reload(s);
        assertEquals(T0.plusSeconds(90 + 120), third.dueAt());
        assertEquals(3, third.failures());
        assertEquals(ShareState.FAILED, third.state());
        time.set(T0.plusSeconds(210));
        runDue();
        assertEquals(ShareState.POSTED, reload(s).state());
        assertEquals(4, main.calls().size());
    }

    @Test
    void backoffIsJitteredByTheInjectedRandom() {
        start(b -> b.random(new Random() {
            @Override
            public double nextDouble() {
                return 0.0;
            }
        }));
        main.thenAnswer(new Outcome.Transient("503", null));
        Share s = client.schedule(article("a"), "main", SendTime.now());
        runDue();
        assertEquals(T0.plusSeconds(24), reload(s).dueAt()); // 30 s − 20 %
    }

    @Test
    void exhaustedRetriesEndDeadWithTheReasonAndAPersonCanRetry() {
        start(b -> b.retryPolicy(new RetryPolicy(2, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.0)));
        main.thenAnswer(new Outcome.Transient("502 Bad Gateway", null), new Outcome.Transient("502 Bad Gateway", null));
        Share s = client.schedule(article("a"), "main", SendTime.now());
        runDue();
        advance(Duration.ofMinutes(5), Duration.ofSeconds(10));
        Share dead = reload(s);
        assertEquals(ShareState.DEAD, dead.state());
        assertTrue(dead.lastMessage().contains("502 Bad Gateway"), dead.lastMessage());
        assertEquals(2, main.calls().size());
        assertEquals(List.of(dead.id()), client.list(ShareQuery.inStates(10, ShareState.DEAD)).stream().map(Share::id).toList());

        assertTrue(client.retry(s.id()));
        runDue();
        assertEquals(ShareState.POSTED, reload(s).state());
        assertEquals(3, main.calls().size());
    }

    @Test
    void aPermanentRefusalIsDeadAtOnce() {
        start();
        main.thenAnswer(new Outcome.Permanent("Validation failed: Text character limit of 500 exceeded"));
        Share s = client.schedule(article("a"), "main", SendTime.now());
        advance(Duration.ofHours(3), Duration.ofMinutes(10));
        assertEquals(ShareState.DEAD, reload(s).state());
        assertEquals("rejected: Validation failed: Text character limit of 500 exceeded", reload(s).lastMessage());
        assertEquals(1, main.calls().size());
    }

    @Test
    void aRateLimitWaitsExactlyUntilTheNetworksReset() {
        start();
        Instant reset = T0.plus(Duration.ofMinutes(17)).plusSeconds(3);
        main.thenAnswer(new Outcome.RateLimited(reset, "429"));
        Share s = client.schedule(article("a"), "main", SendTime.now());
        runDue();
        assertEquals(reset, reload(s).dueAt());
        assertEquals(0, reload(s).failures(), "a rate limit is not a failure of the share");
        time.set(reset.minusMillis(1));
        runDue();
        assertEquals(1, main.calls().size());
        time.set(reset);
        runDue();
        assertEquals(2, main.calls().size());
        assertEquals(ShareState.POSTED, reload(s).state());
    }

    @Test
    void anAuthFailureHoldsTheAccountsSharesWithoutCallingTheNetworkUntilCredentialsChange() {
        start();
        main.thenAnswer(new Outcome.AuthFailed("401 The access token is invalid"));
        Share first = client.schedule(article("a"), "main", SendTime.now());
        Share second = client.schedule(article("b"), "main", SendTime.at(T0.plusSeconds(60)));
        Share other = client.schedule(article("c"), "sky", SendTime.at(T0.plusSeconds(60)));
        runDue();
        assertTrue(client.account("main").authFailed());
        advance(Duration.ofHours(5), Duration.ofMinutes(1));
        assertEquals(1, main.calls().size(), "no retry storm while the credentials are bad");
        assertEquals(ShareState.POSTED, reload(other).state(), "other accounts are unaffected");
        assertEquals(ShareState.FAILED, reload(first).state());
        assertEquals(ShareState.SCHEDULED, reload(second).state());

        assertEquals(2, client.credentialsChanged("main"));
        runDue();
        assertFalse(client.account("main").authFailed());
        assertEquals(ShareState.POSTED, reload(first).state());
        assertEquals(ShareState.POSTED, reload(second).state());
        assertEquals(3, main.calls().size());
    }

    @Test
    void aCancelledShareIsNeverSent() {
        start();
        Share s = client.schedule(article("a"), "main", SendTime.at(T0.plusSeconds(600)));
        assertTrue(client.cancel(s.id()));
        advance(Duration.ofHours(1), Duration.ofMinutes(5));
        assertEquals(0, main.calls().size());
        assertEquals(ShareState.CANCELLED, reload(s).state());
        assertFalse(client.cancel(s.id()));
    }

    @Test
    void aRescheduledShareIsSentAtItsNewTimeOnly() {
        start();
        Share s = client.schedule(article("a"), "main", SendTime.at(T0.plusSeconds(600)));
        assertTrue(client.reschedule(s.id(), SendTime.at(T0.plus(Duration.ofHours(2)))));
        advance(Duration.ofMinutes(119), Duration.ofMinutes(1));
        assertEquals(0, main.calls().size());
        advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertEquals(1, main.calls().size());
        assertFalse(client.reschedule(s.id(), SendTime.now()), "a posted share cannot be rescheduled");
    }

    @Test
    void aShareOverTheNetworksQuotaIsDeferredUntilTheWindowFrees() {
        start(b -> b.quotas(NetworkQuotas.none().with("mastodon", Quota.of(2, Duration.ofHours(1)))));
        Share a = client.schedule(article("a"), "main", SendTime.now());
        Share b = client.schedule(article("b"), "main", SendTime.now());
        Share c = client.schedule(article("c"), "main", SendTime.now());
        runDue();
        assertEquals(2, main.calls().size());
        Share deferred = List.of(reload(a), reload(b), reload(c)).stream()
                .filter(s -> s.state() == ShareState.SCHEDULED).findFirst().orElseThrow();
        assertEquals(T0.plus(Duration.ofHours(1)), deferred.dueAt());
        assertEquals("quota", deferred.lastOutcome());
        advance(Duration.ofMinutes(59), Duration.ofMinutes(1));
        assertEquals(2, main.calls().size());
        advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertEquals(3, main.calls().size());
        assertEquals(1, client.stats().counter("quotaDeferred"));
    }

    @Test
    void recurringResharesKeepTheirWallClockTimeAcrossDaylightSaving() {
        start();
        List<Share> shares = client.schedule(ShareRequest.of(article("evergreen"), "main")
                .at(SendTime.at(LocalDateTime.parse("2025-03-23T09:00"), BERLIN))
                .recurring(Recurrence.everyDays(7, 2)));
        assertEquals(List.of(Instant.parse("2025-03-23T08:00:00Z"), Instant.parse("2025-03-30T07:00:00Z"),
                Instant.parse("2025-04-06T07:00:00Z")), shares.stream().map(Share::dueAt).toList());
        assertEquals(3, shares.stream().map(Share::id).distinct().count());
        advance(Duration.ofDays(24), Duration.ofHours(1));
        assertEquals(3, main.calls().size());
        assertEquals(3, main.createdKeys().size(), "each re-share is a post of its own");
    }

    @Test
    void shareNextFillsTheAccountsNextFreeSlots() {
        start(b -> b.slots("main", QueueSlots.parse("Mon-Fri 09:00,13:00 Europe/Berlin")));
        Share first = client.shareNext(article("a"), "main");
        Share second = client.shareNext(article("b"), "main");
        Share third = client.shareNext(article("c"), "main");
        assertEquals(Instant.parse("2025-03-14T12:00:00Z"), first.dueAt());   // Fri 13:00
        assertEquals(Instant.parse("2025-03-17T08:00:00Z"), second.dueAt());  // Mon 09:00
        assertEquals(Instant.parse("2025-03-17T12:00:00Z"), third.dueAt());   // Mon 13:00
        client.cancel(first.id());
        assertEquals(Instant.parse("2025-03-14T12:00:00Z"), client.shareNext(article("d"), "main").dueAt());
        assertThrows(IllegalArgumentException.class, () -> client.shareNext(article("e"), "sky"));
    }

    @Test
    void aSendWhoseResultWasLostIsResentWithTheSameKeyAndNotPostedTwice() {
        start();
        Share s = client.schedule(article("a"), "main", SendTime.now());
        // A node claimed the share and the network created the post, then the node died before
        // recording it: the outbox still says SENDING.
        JdbcDeliveryStore store = new JdbcDeliveryStore(db);
        Share claimed = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "dead-node", List.of())).share();
        main.send(claimed.toPost());
        runDue();
        Share after = reload(s);
        assertEquals(ShareState.POSTED, after.state());
        assertEquals("duplicate", after.lastOutcome());
        assertEquals(List.of(s.id()), main.createdKeys());
        assertEquals(2, after.attempts());
    }

    @Test
    void aWatchedFeedsNewEntriesAreSentToEveryAccount() throws Exception {
        try (mockwebserver3.MockWebServer feedServer = new mockwebserver3.MockWebServer()) {
            feedServer.start(java.net.InetAddress.getLoopbackAddress(), 0);
            java.net.URI feed = feedServer.url("/feed.xml").uri();
            String old = "<item><title>old</title><link>https://news.example/old</link><guid>old</guid></item>";
            String fresh = "<item><title>new</title><link>https://news.example/new</link><guid>new</guid></item>";
            feedServer.enqueue(new mockwebserver3.MockResponse.Builder().body("<rss><channel>" + old + "</channel></rss>").build());
            feedServer.enqueue(new mockwebserver3.MockResponse.Builder().body("<rss><channel>" + fresh + old + "</channel></rss>").build());
            // The feed server is on loopback: allow-listed, as a site would list an internal feed host.
            start(b -> b.watchFeeds(List.of(feed), Duration.ofMinutes(5)).feedFetchPolicy(FetchPolicy.allowing("127.0.0.0/8", "::1")));
            runDue(); // the first poll, at start, only remembers "old"
            advance(Duration.ofMinutes(7), Duration.ofMinutes(1)); // the second, 5 minutes later, finds "new"
            assertEquals(2, feedServer.getRequestCount());
            assertEquals(List.of("https://news.example/new"), main.calls().stream().map(p -> p.article().url().toString()).toList());
            assertEquals(List.of("https://news.example/new"), sky.calls().stream().map(p -> p.article().url().toString()).toList());
        }
    }

    @Test
    void aPendingShareWhoseExecutionWentMissingIsFoundBySweepAndSent() throws Exception {
        start();
        Instant due = T0.plus(Duration.ofMinutes(10));
        Share s = client.schedule(article("a"), "main", SendTime.at(due));
        try (var c = db.getConnection(); var st = c.createStatement()) {
            assertEquals(1, st.executeUpdate("DELETE FROM herald_scheduled_tasks WHERE task_instance = '" + s.id() + "'"));
        }
        advance(Duration.ofMinutes(12), Duration.ofMinutes(1));
        assertEquals(1, main.calls().size());
        assertEquals(due, reload(s).postedAt(), "sent at its own time, not the sweep's");
    }

    @Test
    void unknownAccountsAreRefusedWithTheConfiguredOnesNamed() {
        start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.schedule(article("a"), "nope", SendTime.now()));
        assertTrue(e.getMessage().contains("main"), e.getMessage());
    }

    @Test
    void schedulingAnExistingShareChangesNothingUnlessAskedToReschedule() {
        start();
        ShareRequest request = ShareRequest.of(article("a"), "main").at(SendTime.at(T0.plusSeconds(600)));
        ScheduleResult first = client.submit(request).get(0);
        assertEquals(ScheduleResult.Change.CREATED, first.change());

        ScheduleResult again = client.submit(request.at(SendTime.at(T0.plusSeconds(7200)))).get(0);
        assertEquals(ScheduleResult.Change.UNCHANGED, again.change());
        assertEquals(T0.plusSeconds(600), again.share().dueAt(), "the existing share is reported as it is");
        assertEquals(first.share().version(), reload(first.share()).version(), "and nothing about it changed");

        ScheduleResult moved = client.submit(request.at(SendTime.at(T0.plusSeconds(7200))).ifExists(ShareRequest.IfExists.RESCHEDULE)).get(0);
        assertEquals(ScheduleResult.Change.RESCHEDULED, moved.change());
        assertEquals(T0.plusSeconds(7200), moved.share().dueAt());
        advance(Duration.ofMinutes(119), Duration.ofMinutes(1));
        assertEquals(0, main.calls().size(), "not sent at the old time");
        advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertEquals(1, main.calls().size());

        ScheduleResult posted = client.submit(request.at(SendTime.at(T0.plus(Duration.ofHours(5)))).ifExists(ShareRequest.IfExists.RESCHEDULE)).get(0);
        assertEquals(ScheduleResult.Change.UNCHANGED, posted.change(), "a posted share is never moved");
        assertEquals(ShareState.POSTED, posted.share().state());
    }

    @Test
    void aCancelledShareScheduledAgainIsSentAtItsNewTime() {
        start();
        Share s = client.schedule(article("a"), "main", SendTime.at(T0.plusSeconds(600)));
        assertTrue(client.cancel(s.id()));
        ScheduleResult back = client.submit(ShareRequest.of(article("a"), "main").at(SendTime.at(T0.plusSeconds(1800)))).get(0);
        assertEquals(ScheduleResult.Change.RESTORED, back.change());
        assertEquals(ShareState.SCHEDULED, back.share().state());
        assertEquals(s.id(), back.share().id(), "the same share, so the network still sees one post");
        advance(Duration.ofMinutes(29), Duration.ofMinutes(1));
        assertEquals(0, main.calls().size());
        advance(Duration.ofMinutes(1), Duration.ofMinutes(1));
        assertEquals(1, main.calls().size());
        assertEquals(T0.plusSeconds(1800), reload(s).postedAt());
    }

    @Test
    void aCancelledShareTakenAgainWithShareNextGetsTheNextFreeSlot() {
        start(b -> b.slots("main", QueueSlots.parse("Mon-Fri 09:00,13:00 Europe/Berlin")));
        Share first = client.shareNext(article("a"), "main");
        assertTrue(client.cancel(first.id()));
        Share again = client.shareNext(article("a"), "main");
        assertEquals(first.id(), again.id());
        assertEquals(ShareState.SCHEDULED, again.state());
        assertEquals(Instant.parse("2025-03-14T12:00:00Z"), again.dueAt());
        assertEquals(again.dueAt(), again.slotAt());
    }

    @Test
    void aPastTimeIsRefusedAndNothingIsScheduled() {
        start();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.schedule(article("a"), "main", SendTime.at(T0.minus(Duration.ofMinutes(5)))));
        assertTrue(e.getMessage().contains("in the past"), e.getMessage());
        assertEquals(List.of(), client.list(ShareQuery.all(10)));
        // Within the grace for clocks that differ a little, and "now" itself, are accepted.
        client.schedule(article("b"), "main", SendTime.at(T0.minusSeconds(30)));
        client.schedule(article("c"), "main", SendTime.now());
        assertEquals(2, client.list(ShareQuery.all(10)).size());
        Share later = client.schedule(article("d"), "main", SendTime.at(T0.plusSeconds(600)));
        assertThrows(IllegalArgumentException.class, () -> client.reschedule(later.id(), SendTime.at(T0.minus(Duration.ofHours(1)))));
        assertEquals(T0.plusSeconds(600), reload(later).dueAt());
    }

    @Test
    void aDeadShareCanBeRescheduledAndAFailedOneRetriedAtOnce() {
        start(b -> b.retryPolicy(new RetryPolicy(1, Duration.ofSeconds(10), 2.0, Duration.ofMinutes(1), 0.0)));
        main.thenAnswer(new Outcome.Permanent("422 Validation failed"));
        Share dead = client.schedule(article("a"), "main", SendTime.now());
        runDue();
        assertEquals(ShareState.DEAD, reload(dead).state());
        assertTrue(client.reschedule(dead.id(), SendTime.at(T0.plusSeconds(600))));
        assertEquals(ShareState.SCHEDULED, reload(dead).state());
        advance(Duration.ofMinutes(10), Duration.ofMinutes(1));
        assertEquals(ShareState.POSTED, reload(dead).state());

        stopWorker();
        start(b -> b.retryPolicy(new RetryPolicy(5, Duration.ofHours(1), 2.0, Duration.ofHours(2), 0.0)));
        main.thenAnswer(new Outcome.Transient("503", null));
        Share failed = client.schedule(article("b"), "main", SendTime.now());
        runDue();
        assertEquals(ShareState.FAILED, reload(failed).state());
        assertEquals(time.instant().plus(Duration.ofHours(1)), reload(failed).dueAt());
        assertTrue(client.retry(failed.id()), "queue retry takes failed shares");
        runDue();
        assertEquals(ShareState.POSTED, reload(failed).state(), "sent now, not in an hour");
    }

    @Test
    void rescheduleNextMovesAShareIntoItsAccountsNextFreeSlot() {
        start(b -> b.slots("main", QueueSlots.parse("Mon-Fri 09:00,13:00 Europe/Berlin")));
        Share taken = client.shareNext(article("a"), "main");                 // Fri 13:00
        Share s = client.schedule(article("b"), "main", SendTime.at(T0.plus(Duration.ofDays(10))));
        Share moved = client.rescheduleNext(s.id()).orElseThrow();
        assertEquals(Instant.parse("2025-03-17T08:00:00Z"), moved.dueAt());  // Mon 09:00, Friday's slot is taken
        assertEquals(moved.dueAt(), moved.slotAt());
        assertEquals(moved.dueAt(), client.rescheduleNext(s.id()).orElseThrow().dueAt(), "its own slot is free for it");
        assertEquals(taken.dueAt(), reload(taken).dueAt());
        assertThrows(IllegalArgumentException.class, () -> client.rescheduleNext(client.schedule(article("c"), "sky", SendTime.now()).id()));
    }

    @Test
    void aShareIsFoundByAUniquePrefixOfItsIdAndAnAmbiguousOneIsNamed() throws Exception {
        start();
        Share a = client.schedule(article("a"), "main", SendTime.at(T0.plusSeconds(60)));
        Share b = client.schedule(article("b"), "main", SendTime.at(T0.plusSeconds(60)));
        assertEquals(a.id(), client.resolve(a.shortId()).id());
        assertEquals(a.id(), client.resolve(a.id().substring(0, 8).toUpperCase(java.util.Locale.ROOT)).id());
        assertThrows(IllegalArgumentException.class, () -> client.resolve(a.id().substring(0, 7)), "fewer than 8 characters");
        assertThrows(IllegalArgumentException.class, () -> client.resolve("a%_b0000"), "not hexadecimal");
        // Two ids sharing a 10-character prefix: made by hand, as real ones would take 2^40 shares.
        try (var c = db.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE herald_share SET id = 'abcdef0123" + a.id().substring(10) + "' WHERE id = '" + a.id() + "'");
            st.executeUpdate("UPDATE herald_share SET id = 'abcdef0123" + b.id().substring(10) + "' WHERE id = '" + b.id() + "'");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.resolve("abcdef01"));
        assertTrue(e.getMessage().contains("ambiguous") && e.getMessage().contains("abcdef0123" + a.id().substring(10)), e.getMessage());
        assertEquals("abcdef0123" + b.id().substring(10), client.resolve("abcdef0123" + b.id().substring(10, 14)).id());
    }

    @Test
    void resettingAnAuthFailedAccountResumesItsSharesAndStatusesNameEveryAccount() {
        start();
        main.thenAnswer(new Outcome.AuthFailed("401 The access token is invalid"));
        Share s = client.schedule(article("a"), "main", SendTime.now());
        runDue();
        List<AccountStatus> statuses = client.accountStatuses();
        assertEquals(List.of("main", "sky"), statuses.stream().map(AccountStatus::name).toList());
        assertTrue(statuses.get(0).authFailed());
        assertEquals("authentication failed: 401 The access token is invalid", statuses.get(0).message());
        assertFalse(statuses.get(1).authFailed());

        assertEquals(1, client.resetAccount("main"));
        runDue();
        assertEquals(ShareState.POSTED, reload(s).state());
        assertEquals("reset by hand", client.account("main").message());
        assertThrows(IllegalArgumentException.class, () -> client.resetAccount("nope"));
    }

    @Test
    void aWorkerStartedWithNewCredentialsClearsTheAuthFailureAndOneWithTheSameKeepsIt() {
        start(b -> b.credentials("main", "token=old"));
        main.thenAnswer(new Outcome.AuthFailed("401 The access token is invalid"));
        Share s = client.schedule(article("a"), "main", SendTime.now());
        runDue();
        assertTrue(client.account("main").authFailed());

        stopWorker();
        start(b -> b.credentials("main", "token=old"));
        assertTrue(client.account("main").authFailed(), "the same credentials stay failed");
        stopWorker();
        start(b -> b.credentials("main", "token=new"));
        assertFalse(client.account("main").authFailed(), "different credentials clear the failure at start");
        runDue();
        assertEquals(ShareState.POSTED, reload(s).state());
        assertEquals(2, main.calls().size());
    }

    @Test
    void theStartUpCredentialCheckClearsAnAccountTheNetworkAcceptsAgain() {
        start();
        main.thenAnswer(new Outcome.AuthFailed("401"));
        client.schedule(article("a"), "main", SendTime.now());
        runDue();
        stopWorker();
        List<String> asked = new java.util.ArrayList<>();
        start(b -> b.credentialVerifier(account -> {
            asked.add(account);
            return true;
        }));
        assertEquals(List.of("main"), asked, "only auth-failed accounts are checked");
        assertFalse(client.account("main").authFailed());
        assertEquals("credentials accepted at worker start", client.account("main").message());
    }

    @Test
    void aSharesOwnTextIsWhatIsSentAndATextTooLongForTheNetworkIsRefused() {
        start();
        Share s = client.schedule(ShareRequest.of(article("a"), "sky").text("Our own words https://news.example/a")).get(0);
        assertEquals("Our own words https://news.example/a", s.text());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> client.schedule(ShareRequest.of(article("b"), "sky").text("x".repeat(301))));
        assertTrue(e.getMessage().contains("300"), e.getMessage());
        assertEquals(1, client.list(ShareQuery.all(10)).size(), "nothing scheduled for the refused text");
        assertThrows(IllegalArgumentException.class, () -> client.setText(s.id(), "y".repeat(301)));
        runDue();
        assertEquals("Our own words https://news.example/a", sky.calls().get(0).text());
    }

    @Test
    void aSharesOwnTextReachesTheReceiverThroughTheRealWebhookSyndicator() throws Exception {
        try (dev.herald.testkit.MockWebhookReceiver receiver = new dev.herald.testkit.MockWebhookReceiver().start()) {
            db = newDatabase();
            delivery = Delivery.builder(db)
                    .syndicators(List.of(TestWebhooks.syndicator("hook", receiver.webhookUri(), receiver.secret())))
                    .clock(time)
                    .node("test-node")
                    .schedulerFactory((ds, tasks) -> TestHelper.createManualScheduler(ds, tasks).clock(time.scheduler))
                    .build().start();
            client = delivery.client();
            scheduler = (ManualScheduler) delivery.scheduler();
            client.schedule(ShareRequest.of(article("a"), "hook").text("Written for this account only"));
            runDue();
            assertEquals("Written for this account only", receiver.payloads().get(0).get("data").get("text").asText());
        }
    }

    @Test
    void aSharesOwnTextIsTheStatusTheRealMastodonSyndicatorPosts() throws Exception {
        try (dev.herald.testkit.MockMastodon mastodon = new dev.herald.testkit.MockMastodon().start();
                dev.herald.syndication.HttpTransport http = dev.herald.syndication.HttpTransport.create()) {
            var account = dev.herald.syndication.mastodon.MastodonAccount.of("toot", mastodon.baseUri(),
                    dev.herald.syndication.Secret.of("mastodon", mastodon.accessToken()));
            db = newDatabase();
            delivery = Delivery.builder(db)
                    .syndicators(List.of(new dev.herald.syndication.mastodon.MastodonSyndicator(account, http, time)))
                    .clock(time)
                    .node("test-node")
                    .schedulerFactory((ds, tasks) -> TestHelper.createManualScheduler(ds, tasks).clock(time.scheduler))
                    .build().start();
            client = delivery.client();
            scheduler = (ManualScheduler) delivery.scheduler();
            String text = "The harbour is open again — ships from 6 am. https://news.example/a";
            Share s = client.schedule(ShareRequest.of(article("a"), "toot").text(text)).get(0);
            runDue();
            assertEquals(ShareState.POSTED, reload(s).state(), reload(s).lastMessage());
            assertEquals(List.of(text), mastodon.statuses().stream().map(dev.herald.testkit.MastodonStatus::text).toList());
        }
    }

    @Test
    void aClientOnlyProcessSchedulesWhatAWorkerSends() {
        start();
        DeliveryClient appServer = Delivery.client(db, java.util.Map.of("main", "mastodon"), time);
        Share s = appServer.publish(article("a")).get(0);
        runDue();
        assertEquals(ShareState.POSTED, reload(s).state());
        assertEquals(1, main.calls().size());
        assertEquals(1, appServer.stats().count(ShareState.POSTED));
    }
}
