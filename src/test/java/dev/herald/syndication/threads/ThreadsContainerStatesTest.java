package dev.herald.syndication.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockThreads;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the syndicator does with each state of a Threads container, and with each answer of the calls around it. */
class ThreadsContainerStatesTest {
    private static final String USER = MockThreads.DEFAULT_USER_ID;
    private static final String PUBLISH = "/v1.0/" + USER + "/threads_publish";
    private static final String PROFILE_POSTS = "/v1.0/" + USER + "/threads";

    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private ThreadsSyndicator syndicator(MockThreads threads) {
        return new ThreadsSyndicator(new ThreadsAccount("ledger-threads", threads.baseUri(), USER, Secret.of("th", MockThreads.DEFAULT_TOKEN), null),
                http, clock, clock::advance);
    }

    private static Post post(String path) {
        return Post.of(ArticleMeta.builder().title("Harbour reopens after the storm").description("Ferries run again from Monday.")
                .url("https://ledger.example/" + path).build(), "ledger-threads", "1");
    }

    private static long requests(MockThreads threads, String method, String path) {
        return threads.recentRequests().stream().filter(r -> r.getMethod().equals(method) && r.getUrl().encodedPath().equals(path)).count();
    }

    @Test
    void theSyndicatorNamesItsAccountAndNetworkAndReconcilesBeforeAResend() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSyndicator s = syndicator(threads);

            assertEquals("ledger-threads", s.account());
            assertEquals("threads", s.network());
            assertEquals(dev.herald.syndication.DeliveryGuarantee.RECONCILE_BEFORE_RESEND, s.guarantee());
        }
    }

    @Test
    void aContainerThreadsCouldNotPrepareIsPermanentWithItsReasonAndTheNextTryMakesANewOne() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSyndicator s = syndicator(threads);
            threads.failNextContainer("UNKNOWN");

            Outcome first = s.send(post("harbour"));

            assertEquals("Threads could not prepare the post: UNKNOWN", assertInstanceOf(Outcome.Permanent.class, first).message());
            assertEquals(0, requests(threads, "POST", PUBLISH), "an ERROR container is not published");
            assertInstanceOf(Outcome.Posted.class, s.send(post("harbour")));
            assertEquals(2, threads.containerCount(), "the failed container is forgotten");
        }
    }

    @Test
    void aContainerLeftUnpublishedForADayHasExpiredAndTheNextTryMakesANewOne() {
        try (MockThreads threads = MockThreads.builder().clock(clock).processingTime(Duration.ofMinutes(8)).start()) {
            ThreadsSyndicator s = syndicator(threads);
            assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));
            clock.advance(Duration.ofHours(25));

            Outcome expired = s.send(post("harbour"));

            assertTrue(assertInstanceOf(Outcome.Transient.class, expired).message().contains("EXPIRED"), expired.describe());
            assertEquals(1, threads.containerCount(), "the expired container was only asked about");
            s.send(post("harbour"));
            assertEquals(2, threads.containerCount(), "a new container");
            clock.advance(Duration.ofMinutes(5));
            assertInstanceOf(Outcome.Posted.class, s.send(post("harbour")));
            assertEquals(2, threads.containerCount());
            assertEquals(1, threads.postCount());
        }
    }

    @Test
    void aRemadeSendOfAContainerAlreadyPublishedIsADuplicateNotASecondPost() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSyndicator s = syndicator(threads);
            threads.failNext(1, Fault.dropResponse().onlyFor(PUBLISH));
            assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));

            Outcome again = s.send(post("harbour"));

            assertInstanceOf(Outcome.Duplicate.class, again, again.describe());
            assertEquals(1, threads.containerCount());
            assertEquals(1, threads.postCount());
            assertEquals(1, requests(threads, "POST", PUBLISH), "the published container is not published again");
        }
    }

    @Test
    void withoutThePublishPermissionTheSendIsAuthFailedWithGraphsMessage() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSyndicator s = syndicator(threads);
            s.send(post("first")); // the first use refreshes herald.yaml's token
            threads.withdrawPublishPermission();

            Outcome outcome = s.send(post("harbour"));

            assertTrue(assertInstanceOf(Outcome.AuthFailed.class, outcome).message().contains("(#10) Application does not have permission"), outcome.describe());
            assertEquals(CredentialCheck.Status.OK, s.check().status(), "reading the publishing limit still works");
        }
    }

    @Test
    void aLinkLongerThanThreadsAllowsIsPermanentAndNothingIsSent() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            Outcome outcome = syndicator(threads).send(post("a".repeat(600)));

            assertEquals("the post cannot fit Threads' 500 characters", assertInstanceOf(Outcome.Permanent.class, outcome).message());
            assertEquals(0, threads.containerCount());
        }
    }

    @Test
    void reconcilingAContainerStillInProgressIsNotFoundWithoutReadingTheProfile() {
        try (MockThreads threads = MockThreads.builder().clock(clock).processingTime(Duration.ofMinutes(8)).start()) {
            ThreadsSyndicator s = syndicator(threads);
            assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));

            assertEquals(new Reconciliation.NotFound(), s.reconcile(post("harbour")));
            assertEquals(0, requests(threads, "GET", PROFILE_POSTS));
        }
    }

    @Test
    void aContainerWhoseStatusCannotBeReadLeavesTheReconciliationUnknown() {
        try (MockThreads threads = MockThreads.builder().clock(clock).processingTime(Duration.ofMinutes(8)).start()) {
            ThreadsSyndicator s = syndicator(threads);
            assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));
            threads.failAlways(Fault.serverError(503));

            Reconciliation r = s.reconcile(post("harbour"));

            assertTrue(assertInstanceOf(Reconciliation.Unknown.class, r).reason().startsWith("could not read the container: "), r.toString());
        }
    }

    @Test
    void aPublishedContainerIsFoundByItsStatusWhenTheProfileCannotBeRead() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSyndicator s = syndicator(threads);
            threads.failNext(1, Fault.dropResponse().onlyFor(PUBLISH));
            s.send(post("harbour"));
            String container = threads.posts().get(0).containerId();
            threads.failNext(1, Fault.serverError(503).onlyFor(PROFILE_POSTS));

            Reconciliation r = s.reconcile(post("harbour"));

            assertEquals(new Reconciliation.Found(container, null, "the container's status"), r);
        }
    }

    @Test
    void withoutARememberedContainerAnUnreadableProfileLeavesTheReconciliationUnknown() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSyndicator s = syndicator(threads);
            s.send(post("first"));
            threads.failNext(1, Fault.serverError(503).onlyFor(PROFILE_POSTS));

            Reconciliation r = s.reconcile(post("harbour"));

            assertTrue(assertInstanceOf(Reconciliation.Unknown.class, r).reason().startsWith("could not read the profile's posts: "), r.toString());
        }
    }

    @Test
    void aPostFoundAmongRecentPostsCarriesItsPermalink() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            threads.failNext(1, Fault.dropResponse().onlyFor(PUBLISH));
            syndicator(threads).send(post("harbour"));

            Reconciliation.Found found = assertInstanceOf(Reconciliation.Found.class, syndicator(threads).reconcile(post("harbour")));

            String id = threads.posts().get(0).id();
            assertEquals(id, found.remoteId());
            assertEquals(URI.create(threads.baseUri() + "@ledger/post/" + Long.toString(Long.parseLong(id), 36)), found.remoteUrl());
            RecordedRequest list = threads.lastRequest();
            assertEquals("id,permalink,timestamp,link_attachment_url", list.getUrl().queryParameter("fields"));
            assertEquals("50", list.getUrl().queryParameter("limit"));
        }
    }

    @Test
    void aProfileWithoutThePostIsNotFound() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            syndicator(threads).send(post("other"));

            assertEquals(new Reconciliation.NotFound(), syndicator(threads).reconcile(post("harbour")));
        }
    }

    @Test
    void anUnreachableApiLeavesReconciliationAndCheckUnknown() {
        MockThreads threads = MockThreads.builder().clock(clock).start();
        ThreadsSyndicator s = syndicator(threads);
        threads.close();

        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post("harbour")));
        assertEquals(CredentialCheck.Status.UNKNOWN, s.check().status());
        assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));
    }

    @Test
    void throttlingCodesAreRateLimitedForAMinute() {
        try (MockThreads threads = MockThreads.builder().clock(clock).quota(1).start()) {
            ThreadsSyndicator s = syndicator(threads);
            s.send(post("first"));

            Outcome outcome = s.send(post("harbour"));

            Outcome.RateLimited limited = assertInstanceOf(Outcome.RateLimited.class, outcome, outcome.describe());
            assertEquals(clock.instant().plus(Duration.ofMinutes(1)), limited.retryAt());
        }
    }

    @Test
    void aContainerStatusThatCannotBeReadIsTransientAndTheContainerIsKept() {
        try (MockThreads threads = MockThreads.builder().clock(clock).processingTime(Duration.ofMinutes(8)).start()) {
            ThreadsSyndicator s = syndicator(threads);
            assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));
            String status = threads.lastRequest().getUrl().encodedPath();
            assertTrue(status.matches("/v1\\.0/\\d+"), status);
            threads.failNext(1, Fault.serverError(503).onlyFor(status));

            Outcome outcome = s.send(post("harbour"));

            assertInstanceOf(Outcome.Transient.class, outcome, outcome.describe());
            clock.advance(Duration.ofMinutes(5));
            assertInstanceOf(Outcome.Posted.class, s.send(post("harbour")));
            assertEquals(1, threads.containerCount(), "the same container was published");
        }
    }

    @Test
    void anInterruptedWaitForTheContainerIsTransientAndKeepsTheInterrupt() {
        try (MockThreads threads = MockThreads.builder().clock(clock).processingTime(Duration.ofMinutes(2)).start()) {
            ThreadsSyndicator s = new ThreadsSyndicator(new ThreadsAccount("ledger-threads", threads.baseUri(), USER,
                    Secret.of("th", MockThreads.DEFAULT_TOKEN), null), http, clock, d -> {
                        throw new InterruptedException("shutting down");
                    });

            Outcome outcome = s.send(post("harbour"));

            boolean interrupted = Thread.interrupted(); // clears the flag for the next test
            assertEquals("interrupted while waiting for the container", assertInstanceOf(Outcome.Transient.class, outcome).message());
            assertTrue(interrupted, "the thread's interrupt is kept");
            assertEquals(0, threads.postCount());
        }
    }

    @Test
    void theTokensExpiryIsUnknownUntilTheFirstRefreshThenThreadsAnnouncedOne() {
        try (MockThreads threads = MockThreads.builder().clock(clock).start()) {
            ThreadsSyndicator s = syndicator(threads);
            assertNull(s.tokenExpiresAt(), "herald.yaml's token: its age is not known");

            s.send(post("harbour"));

            assertEquals(clock.instant().plusSeconds(MockThreads.EXPIRES_IN), s.tokenExpiresAt());
            assertEquals(List.of("Bearer threads-token-refreshed-1"), threads.recentRequests().stream()
                    .filter(r -> r.getUrl().encodedPath().equals(PUBLISH)).map(r -> r.getHeaders().get("Authorization")).toList());
        }
    }
}
