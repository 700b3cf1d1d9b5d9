package dev.herald.delivery;

import dev.herald.delivery.internal.AttemptResult;
import dev.herald.delivery.internal.ClaimResult;
import dev.herald.delivery.internal.CredentialStamp;
import dev.herald.delivery.internal.DeliveryStore;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.delivery.internal.NewShare;
import dev.herald.syndication.Quota;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.internal.DeliveryStore.InsertResult;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.Author;
import dev.herald.meta.ImageMeta;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link DeliveryStore} must have, run against each real database by a subclass. */
abstract class DeliveryStoreContract {
    static final Instant T0 = Instant.parse("2025-03-10T09:00:00Z");

    DeliveryDatabase db;
    DeliveryStore store;

    /** A fresh, migrated database. */
    abstract DeliveryDatabase newDatabase();

    @BeforeEach
    void open() {
        db = newDatabase();
        store = new JdbcDeliveryStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static ArticleMeta article(String path) {
        return ArticleMeta.builder().url("https://news.example/" + path).title("Headline " + path).build();
    }

    static NewShare share(String path, String account, Instant due) {
        return new NewShare(article(path), account, "mastodon", "r1", 0, due, null);
    }

    Share insertAndFind(NewShare s) {
        assertEquals(InsertResult.CREATED, store.insert(s, T0));
        return store.find(s.id()).orElseThrow();
    }

    @Test
    void insertsAScheduledShareWhoseIdIsItsIdempotencyKey() {
        Share s = insertAndFind(share("a", "main", T0));
        assertEquals(ShareState.SCHEDULED, s.state());
        assertEquals(s.id(), s.toPost().idempotencyKey());
        assertEquals(dev.herald.syndication.Post.keyOf("https://news.example/a", "main", "r1"), s.id());
        assertEquals(T0, s.dueAt());
        assertEquals(0, s.attempts());
    }

    @Test
    void insertingTheSameShareAgainChangesNothing() {
        insertAndFind(share("a", "main", T0));
        assertEquals(InsertResult.EXISTS, store.insert(share("a", "main", T0.plusSeconds(99)), T0));
        assertEquals(T0, store.find(share("a", "main", T0).id()).orElseThrow().dueAt());
    }

    @Test
    void aQueueSlotHoldsOneShareOfAnAccount() {
        Instant slot = T0.plus(Duration.ofHours(3));
        assertEquals(InsertResult.CREATED, store.insert(new NewShare(article("a"), "main", "mastodon", "", 0, slot, slot), T0));
        assertEquals(InsertResult.SLOT_TAKEN, store.insert(new NewShare(article("b"), "main", "mastodon", "", 0, slot, slot), T0));
        assertEquals(InsertResult.CREATED, store.insert(new NewShare(article("b"), "other", "mastodon", "", 0, slot, slot), T0));
        assertEquals(List.of(slot), store.takenSlots("main", T0, T0.plus(Duration.ofDays(1))));
    }

    @Test
    void keepsTheArticleSnapshotExactly() {
        ArticleMeta full = ArticleMeta.builder()
                .url("https://news.example/world/iran?x=1&y=%C3%A9")
                .title("“Retaliation” — what it means 🚀")
                .description("Two sentences.\nWith a line break and \"quotes\".")
                .image(ImageMeta.of(URI.create("https://news.example/i.jpg")).withSize(1200, 630).withAlt("A map"))
                .siteName("The Example")
                .locale(Locale.forLanguageTag("en-GB"))
                .type("article")
                .authors(List.of(Author.named("Ana Lee"), new Author("Bo", URI.create("https://news.example/bo"))))
                .publishedTime(OffsetDateTime.of(2025, 3, 9, 22, 15, 0, 0, ZoneOffset.ofHours(2)))
                .section("World")
                .tags(List.of("iran", "israel"))
                .twitterSite("@example")
                .build();
        Share s = insertAndFind(new NewShare(full, "main", "bluesky", "", 0, T0, null));
        assertEquals(full, s.article());
    }

    @Test
    void claimingADueShareMakesItSendingAndCountsAnAttempt() {
        Share s = insertAndFind(share("a", "main", T0));
        ClaimResult r = store.claim(s.id(), s.version(), T0, "node-1", List.of());
        Share claimed = assertInstanceOf(ClaimResult.Claimed.class, r).share();
        assertEquals(ShareState.SENDING, claimed.state());
        assertEquals(1, claimed.attempts());
        assertEquals("node-1", claimed.claimedBy());
    }

    @Test
    void theFastClaimTakesADueShareOfAListedAccount() {
        Share s = insertAndFind(share("a", "main", T0));
        Share claimed = assertInstanceOf(ClaimResult.Claimed.class, store.claimIfDue(s.id(), T0, "n", List.of("main"))).share();
        assertEquals(ShareState.SENDING, claimed.state());
        assertEquals(1, claimed.attempts());
        assertInstanceOf(ClaimResult.Lost.class, store.claimIfDue(s.id(), T0, "n", List.of("main")), "a SENDING share is not claimed again");
    }

    @Test
    void theFastClaimLeavesSharesOfAuthFailedOrUnlistedAccountsAlone() {
        Share a = insertAndFind(share("a", "main", T0));
        Share b = insertAndFind(share("b", "other", T0));
        store.setAccount("main", AccountState.AUTH_FAILED, "401", T0);
        assertInstanceOf(ClaimResult.Lost.class, store.claimIfDue(a.id(), T0, "n", List.of("main", "other")));
        assertInstanceOf(ClaimResult.Lost.class, store.claimIfDue(b.id(), T0, "n", List.of("main")));
        assertInstanceOf(ClaimResult.Lost.class, store.claimIfDue(b.id(), T0.minusSeconds(1), "n", List.of("other")), "not yet due");
        assertEquals(ShareState.SCHEDULED, store.find(a.id()).orElseThrow().state());
    }

    @Test
    void aShareIsNotClaimedBeforeItIsDue() {
        Share s = insertAndFind(share("a", "main", T0.plusSeconds(60)));
        assertInstanceOf(ClaimResult.Lost.class, store.claim(s.id(), s.version(), T0, "n", List.of()));
    }

    @Test
    void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
        Share s = insertAndFind(share("a", "main", T0));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<ClaimResult>> claims = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String node = "node-" + i;
                claims.add(() -> store.claim(s.id(), s.version(), T0, node, List.of()));
            }
            int won = 0;
            for (Future<ClaimResult> f : pool.invokeAll(claims)) {
                if (f.get() instanceof ClaimResult.Claimed) won++;
            }
            assertEquals(1, won);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, store.find(s.id()).orElseThrow().attempts());
    }

    @Test
    void recordingAPostedAttemptKeepsTheRemoteIdentity() {
        Share s = insertAndFind(share("a", "main", T0));
        Share claimed = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "n", List.of())).share();
        URI remote = URI.create("https://social.example/@news/1");
        assertTrue(store.recordAttempt(s.id(), claimed.version(),
                new AttemptResult(ShareState.POSTED, null, 0, "posted", "posted", "1", remote), T0.plusSeconds(1)));
        Share posted = store.find(s.id()).orElseThrow();
        assertEquals(ShareState.POSTED, posted.state());
        assertEquals("1", posted.remoteId());
        assertEquals(remote, posted.remoteUrl());
        assertEquals(T0.plusSeconds(1), posted.postedAt());
    }

    @Test
    void anAttemptUnderALostClaimIsNotRecorded() {
        Share s = insertAndFind(share("a", "main", T0));
        Share first = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "a", List.of())).share();
        // After a crash the share is claimed again from SENDING; the first claimant's late answer loses.
        Share second = ((ClaimResult.Claimed) store.claim(s.id(), first.version(), T0, "b", List.of())).share();
        assertFalse(store.recordAttempt(s.id(), first.version(),
                new AttemptResult(ShareState.DEAD, null, 0, "permanent", "late", null, null), T0));
        assertTrue(store.recordAttempt(s.id(), second.version(),
                new AttemptResult(ShareState.POSTED, null, 0, "duplicate", "already posted", "9", null), T0));
        assertEquals(2, store.find(s.id()).orElseThrow().attempts());
    }

    @Test
    void aFailedAttemptIsDueAgainAtItsRetryTime() {
        Share s = insertAndFind(share("a", "main", T0));
        Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "n", List.of())).share();
        Instant retry = T0.plusSeconds(30);
        store.recordAttempt(s.id(), c.version(), new AttemptResult(ShareState.FAILED, retry, 1, "transient", "503", null, null), T0);
        Share failed = store.find(s.id()).orElseThrow();
        assertEquals(ShareState.FAILED, failed.state());
        assertEquals(retry, failed.dueAt());
        assertEquals(1, failed.failures());
        assertEquals("503", failed.lastMessage());
    }

    @Test
    void cancellingFreesTheSlotAndTheShareCanNoLongerBeClaimed() {
        Instant slot = T0.plusSeconds(3600);
        Share s = insertAndFind(new NewShare(article("a"), "main", "mastodon", "", 0, slot, slot));
        assertTrue(store.cancel(s.id(), T0));
        assertEquals(List.of(), store.takenSlots("main", T0, slot.plusSeconds(1)));
        assertInstanceOf(ClaimResult.Lost.class, store.claim(s.id(), s.version(), slot, "n", List.of()));
        Share cancelled = store.find(s.id()).orElseThrow();
        assertEquals(ShareState.CANCELLED, cancelled.state());
        assertInstanceOf(ClaimResult.Lost.class, store.claim(s.id(), cancelled.version(), slot, "n", List.of()));
    }

    @Test
    void aShareBeingSentCannotBeCancelled() {
        Share s = insertAndFind(share("a", "main", T0));
        store.claim(s.id(), s.version(), T0, "n", List.of());
        assertFalse(store.cancel(s.id(), T0));
        assertEquals(ShareState.SENDING, store.find(s.id()).orElseThrow().state());
    }

    @Test
    void reschedulingMovesTheDueTime() {
        Share s = insertAndFind(share("a", "main", T0));
        assertTrue(store.reschedule(s.id(), T0.plusSeconds(7200), T0));
        assertEquals(T0.plusSeconds(7200), store.find(s.id()).orElseThrow().dueAt());
    }

    @Test
    void aDeadShareRevivedIsDueNowWithItsFailuresForgotten() {
        Share s = insertAndFind(share("a", "main", T0));
        Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "n", List.of())).share();
        store.recordAttempt(s.id(), c.version(), new AttemptResult(ShareState.DEAD, null, 8, "transient", "gave up", null, null), T0);
        assertTrue(store.revive(s.id(), T0.plusSeconds(500)));
        Share revived = store.find(s.id()).orElseThrow();
        assertEquals(ShareState.SCHEDULED, revived.state());
        assertEquals(T0.plusSeconds(500), revived.dueAt());
        assertEquals(0, revived.failures());
        assertFalse(store.revive(s.id(), T0), "only failed, dead or cancelled shares are revived");
    }

    @Test
    void anUncertainShareIsConfirmedOnceWithItsLinkAndNeverClaimedAgain() {
        Share s = insertAndFind(share("a", "main", T0));
        Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "node-1", List.of())).share();
        assertTrue(store.recordAttempt(s.id(), c.version(),
                new AttemptResult(ShareState.UNCERTAIN, null, 1, "uncertain", "sent, no answer", null, null), T0.plusSeconds(2)));
        assertEquals(ShareState.UNCERTAIN, store.find(s.id()).orElseThrow().state());
        assertFalse(store.claimIfDue(s.id(), T0.plusSeconds(600), "node-2", List.of("main")) instanceof ClaimResult.Claimed,
                "an uncertain share is never picked up by a worker");

        URI link = URI.create("https://t.me/ledger_news/7");
        assertTrue(store.confirm(s.id(), link, "confirmed by hand", T0.plusSeconds(60)));
        Share confirmed = store.find(s.id()).orElseThrow();
        assertEquals(List.of(ShareState.POSTED, "confirmed", link, T0.plusSeconds(60)),
                List.of(confirmed.state(), confirmed.lastOutcome(), confirmed.remoteUrl(), confirmed.postedAt()));
        assertFalse(store.confirm(s.id(), link, "again", T0.plusSeconds(61)), "only uncertain or dead shares are confirmed");
        assertFalse(store.revive(s.id(), T0.plusSeconds(62)), "a posted share is not revived");
    }

    @Test
    void anUncertainShareRevivedIsDueAgainAndKeepsWhatItsLastAttemptSaid() {
        Share s = insertAndFind(share("a", "main", T0));
        Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "n", List.of())).share();
        store.recordAttempt(s.id(), c.version(), new AttemptResult(ShareState.UNCERTAIN, null, 1, "uncertain", "no answer", null, null), T0);
        assertTrue(store.revive(s.id(), T0.plusSeconds(30)));
        Share revived = store.find(s.id()).orElseThrow();
        assertEquals(List.of(ShareState.SCHEDULED, T0.plusSeconds(30), 0, "uncertain"),
                List.of(revived.state(), revived.dueAt(), revived.failures(), revived.lastOutcome()),
                "the last outcome stays, so a network that can look is asked before the resend");
    }

    @Test
    void everyRecordedAttemptIsKeptInOrderWithTheNodeThatMadeIt() {
        Share s = insertAndFind(share("a", "main", T0));
        Share c1 = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "node-1", List.of())).share();
        store.recordAttempt(s.id(), c1.version(),
                new AttemptResult(ShareState.FAILED, T0.plusSeconds(60), 1, "transient", "HTTP 503", null, null), T0.plusSeconds(1));
        Share again = store.find(s.id()).orElseThrow();
        Share c2 = ((ClaimResult.Claimed) store.claim(s.id(), again.version(), T0.plusSeconds(60), "node-2", List.of())).share();
        URI post = URI.create("https://mastodon.example/@ledger/1");
        store.recordAttempt(s.id(), c2.version(), new AttemptResult(ShareState.POSTED, null, 0, "posted", "posted", "1", post),
                T0.plusSeconds(61));
        assertFalse(store.recordAttempt(s.id(), c2.version(),
                new AttemptResult(ShareState.POSTED, null, 0, "posted", "again", "1", post), T0.plusSeconds(62)), "a stale claim records nothing");

        List<Attempt> attempts = store.attempts(s.id());
        assertEquals(List.of(new Attempt(1, T0.plusSeconds(1), "node-1", "transient", "HTTP 503", null),
                new Attempt(2, T0.plusSeconds(61), "node-2", "posted", "posted", post)), attempts);
        assertEquals(List.of(), store.attempts("0".repeat(32)));
    }

    @Test
    void theAuditLogReturnsTheNewestEntriesFirst() {
        for (int i = 0; i < 5; i++) store.audit(new AuditEntry(T0.plusSeconds(i), "alice", "cancel", "share-" + i, i == 0 ? null : "d" + i));
        List<AuditEntry> recent = store.auditLog(3);
        assertEquals(List.of("share-4", "share-3", "share-2"), recent.stream().map(AuditEntry::target).toList());
        assertEquals(new AuditEntry(T0.plusSeconds(4), "alice", "cancel", "share-4", "d4"), recent.get(0));
        assertEquals(null, store.auditLog(10).get(4).detail());
    }

    @Test
    void aFailedShareRevivedIsDueNowWithItsFailuresForgotten() {
        Share s = insertAndFind(share("a", "main", T0));
        Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), T0, "n", List.of())).share();
        store.recordAttempt(s.id(), c.version(),
                new AttemptResult(ShareState.FAILED, T0.plusSeconds(3600), 5, "transient", "503", null, null), T0);
        assertTrue(store.revive(s.id(), T0.plusSeconds(10)));
        Share revived = store.find(s.id()).orElseThrow();
        assertEquals(ShareState.SCHEDULED, revived.state());
        assertEquals(T0.plusSeconds(10), revived.dueAt());
        assertEquals(0, revived.failures());
    }

    @Test
    void movingACancelledShareSchedulesItAgainAndMovingAPostedOneIsRefused() {
        Share s = insertAndFind(share("a", "main", T0));
        assertTrue(store.cancel(s.id(), T0));
        assertTrue(store.moveTo(s.id(), T0.plusSeconds(60), null, T0));
        Share back = store.find(s.id()).orElseThrow();
        assertEquals(ShareState.SCHEDULED, back.state());
        assertEquals(T0.plusSeconds(60), back.dueAt());
        Share c = ((ClaimResult.Claimed) store.claim(s.id(), back.version(), T0.plusSeconds(60), "n", List.of())).share();
        store.recordAttempt(s.id(), c.version(), new AttemptResult(ShareState.POSTED, null, 0, "posted", "ok", "1", null), T0);
        assertFalse(store.moveTo(s.id(), T0.plusSeconds(600), null, T0));
        assertFalse(store.setText(s.id(), "too late", T0));
    }

    @Test
    void movingIntoAQueueSlotHeldByAnotherShareIsRefusedAndChangesNothing() {
        Instant slot = T0.plusSeconds(3600);
        insertAndFind(new NewShare(article("a"), "main", "mastodon", "", 0, slot, slot));
        Share b = insertAndFind(share("b", "main", T0.plusSeconds(60)));
        assertFalse(store.moveTo(b.id(), slot, slot, T0));
        assertEquals(T0.plusSeconds(60), store.find(b.id()).orElseThrow().dueAt());
        assertTrue(store.moveTo(b.id(), slot.plusSeconds(60), slot.plusSeconds(60), T0));
        assertEquals(slot.plusSeconds(60), store.find(b.id()).orElseThrow().slotAt());
    }

    @Test
    void keepsASharesOwnTextAndLetsItBeChangedOrRemovedBeforeSending() {
        Share s = insertAndFind(new NewShare(article("a"), "main", "mastodon", "", 0, T0, null, "Read this — ünïcode ✓"));
        assertEquals("Read this — ünïcode ✓", s.text());
        assertEquals("Read this — ünïcode ✓", s.toPost().text());
        assertTrue(store.setText(s.id(), "Another text", T0));
        assertEquals("Another text", store.find(s.id()).orElseThrow().text());
        assertTrue(store.setText(s.id(), null, T0));
        assertNull(store.find(s.id()).orElseThrow().text());
        assertNull(store.find(s.id()).orElseThrow().toPost().text());
    }

    @Test
    void findsSharesByIdPrefix() {
        Share a = insertAndFind(share("a", "main", T0));
        Share b = insertAndFind(share("b", "main", T0));
        assertEquals(List.of(a), store.findByPrefix(a.id().substring(0, 8), 5));
        assertEquals(2, store.findByPrefix("", 5).size());
        assertEquals(List.of(b), store.findByPrefix(b.id(), 5));
        assertTrue(store.findByPrefix("ffffffffffff", 5).stream().allMatch(s -> s.id().startsWith("ffffffffffff")));
    }

    @Test
    void remembersTheStampOfTheCredentialsThatFailedAndListsRecordedAccounts() {
        String stamp = CredentialStamp.of("mastodon\ntoken=old");
        store.setAccount("main", AccountState.AUTH_FAILED, "401", stamp, T0);
        assertEquals(Optional.of(stamp), store.failedCredential("main"));
        store.setAccount("other", AccountState.ACTIVE, null, T0);
        assertEquals(List.of("main", "other"), store.accounts().stream().map(AccountStatus::name).toList());
        store.setAccount("main", AccountState.ACTIVE, "reset by hand", T0.plusSeconds(1));
        assertEquals(Optional.empty(), store.failedCredential("main"), "an active account has no failed credentials");
    }

    @Test
    void aClaimThatWouldExceedAQuotaIsDeferredUntilTheWindowFrees() {
        Quota twoPerHour = Quota.of(2, Duration.ofHours(1));
        for (int i = 0; i < 2; i++) {
            Share s = insertAndFind(share("p" + i, "main", T0));
            Instant at = T0.plus(Duration.ofMinutes(10 * i));
            Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), at, "n", List.of(twoPerHour))).share();
            store.recordAttempt(s.id(), c.version(), new AttemptResult(ShareState.POSTED, null, 0, "posted", "ok", "r" + i, null), at);
        }
        Share third = insertAndFind(share("third", "main", T0));
        Instant now = T0.plus(Duration.ofMinutes(20));
        ClaimResult r = store.claim(third.id(), third.version(), now, "n", List.of(twoPerHour));
        assertEquals(T0.plus(Duration.ofHours(1)), assertInstanceOf(ClaimResult.Deferred.class, r).until());
        Share deferred = store.find(third.id()).orElseThrow();
        assertEquals(T0.plus(Duration.ofHours(1)), deferred.dueAt());
        assertEquals("quota", deferred.lastOutcome());
        // When the first post leaves the window there is room again.
        assertInstanceOf(ClaimResult.Claimed.class,
                store.claim(third.id(), deferred.version(), T0.plus(Duration.ofHours(1)), "n", List.of(twoPerHour)));
    }

    @Test
    void quotasCountOnlyTheAccountsOwnPosts() {
        Quota one = Quota.of(1, Duration.ofHours(1));
        Share a = insertAndFind(share("a", "main", T0));
        Share ca = ((ClaimResult.Claimed) store.claim(a.id(), a.version(), T0, "n", List.of(one))).share();
        store.recordAttempt(a.id(), ca.version(), new AttemptResult(ShareState.POSTED, null, 0, "posted", "ok", "1", null), T0);
        Share b = insertAndFind(share("b", "other", T0));
        assertInstanceOf(ClaimResult.Claimed.class, store.claim(b.id(), b.version(), T0, "n", List.of(one)));
    }

    @Test
    void remembersAnAccountsAuthFailureUntilItIsCleared() {
        assertFalse(store.account("main").authFailed());
        store.setAccount("main", AccountState.AUTH_FAILED, "401 The access token is invalid", T0);
        AccountStatus failed = store.account("main");
        assertTrue(failed.authFailed());
        assertEquals("401 The access token is invalid", failed.message());
        store.setAccount("main", AccountState.ACTIVE, "credentials changed", T0.plusSeconds(5));
        assertFalse(store.account("main").authFailed());
    }

    @Test
    void pendingSharesWithoutAScheduledExecutionAreOrphans() throws Exception {
        Share a = insertAndFind(share("a", "main", T0));
        Share b = insertAndFind(share("b", "main", T0));
        Share c = insertAndFind(share("c", "main", T0));
        store.cancel(c.id(), T0);
        try (var conn = db.getConnection(); var st = conn.createStatement()) {
            st.executeUpdate("INSERT INTO herald_scheduled_tasks (task_name, task_instance, execution_time, picked, version)"
                    + " VALUES ('herald-share', '" + a.id() + "', CURRENT_TIMESTAMP, false, 1)");
        }
        assertEquals(List.of(b.id()), store.orphans("herald_scheduled_tasks", "herald-share", 10));
    }

    @Test
    void listsAndCountsSharesByStateAndAccount() {
        insertAndFind(share("a", "main", T0.plusSeconds(2)));
        insertAndFind(share("b", "main", T0.plusSeconds(1)));
        Share c = insertAndFind(share("c", "other", T0));
        store.cancel(c.id(), T0);
        List<Share> scheduledMain = store.list(ShareQuery.inStates(10, ShareState.SCHEDULED).forAccount("main"));
        assertEquals(List.of("https://news.example/b", "https://news.example/a"),
                scheduledMain.stream().map(s -> s.articleUrl().toString()).toList());
        assertEquals(Map.of(ShareState.SCHEDULED, 2L, ShareState.CANCELLED, 1L), store.countByState());
        assertEquals(1, store.list(ShareQuery.all(1)).size());
        assertNull(store.find("no-such-id").orElse(null));
    }
}
