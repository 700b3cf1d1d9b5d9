package dev.herald.syndication.mastodon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.TextRules;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MastodonStatus;
import dev.herald.testkit.MockMastodon;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MastodonSyndicatorTest {
    static final String HEADLINE = "Iran says retaliation for US strike is complete, will not seek “escalation”";
    static final String SUMMARY = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday "
            + "after retaliating for the killing of its top general, Qassem Soleimani.";
    static final URI URL = URI.create("https://ledger.example/articles/iran-retaliation.html");

    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final HttpTransport http = HttpTransport.create(Duration.ofSeconds(2), Duration.ofMillis(800));
    private MockMastodon mastodon = MockMastodon.builder().clock(clock).start();

    @AfterEach
    void stop() throws Exception {
        mastodon.close();
        http.close();
    }

    static ArticleMeta seed() {
        return ArticleMeta.builder().title(HEADLINE).description(SUMMARY).url(URL).locale(Locale.US).tags(List.of("Iran", "Middle East")).build();
    }

    private MastodonSyndicator syndicator(String token) {
        return new MastodonSyndicator(new MastodonAccount("ledger", mastodon.baseUri(), Secret.of("token", token), MessageTemplate.defaults(), "unlisted", null), http, clock);
    }

    private MastodonSyndicator syndicator() {
        return syndicator(mastodon.accessToken());
    }

    @Test
    void theSeedArticleBecomesAStatusWithItsTextVisibilityAndLanguage() {
        Outcome o = syndicator().send(Post.of(seed(), "ledger", "1"));
        Outcome.Posted posted = assertInstanceOf(Outcome.Posted.class, o);
        MastodonStatus status = mastodon.status(posted.remoteId()).orElseThrow();
        assertEquals(HEADLINE + "\n\n" + SUMMARY + "\n\n" + URL + "\n\n#Iran #MiddleEast", status.text());
        assertEquals("unlisted", status.visibility());
        assertEquals("en", status.language());
        assertEquals(status.url(), posted.remoteUrl().toString());
        assertEquals(Post.keyOf(URL.toString(), "ledger", "1"), status.idempotencyKey());
    }

    @Test
    void theInstancesOwnLimitShortensTheTextButNeverTheLink() {
        mastodon.close();
        mastodon = MockMastodon.builder().clock(clock).maxCharacters(120).start();
        Outcome o = syndicator().send(Post.of(seed(), "ledger", "1"));
        assertInstanceOf(Outcome.Posted.class, o, o.describe());
        String text = mastodon.statuses().get(0).text();
        assertTrue(text.contains(URL.toString()), text);
        assertTrue(TextRules.mastodon(120, 23).length(text) <= 120, text);
        assertFalse(text.contains("Iran does not intend"), "the summary gave way first: " + text);
        assertTrue(text.startsWith(HEADLINE), text);
    }

    @Test
    void theLimitsAreReadOnceForManyPostsAndAgainADayLater() {
        MastodonSyndicator s = syndicator();
        for (int i = 0; i < 5; i++) assertInstanceOf(Outcome.Posted.class, s.send(Post.of(seed(), "ledger", "r" + i)));
        assertEquals(1, instanceRequests());
        clock.advance(Duration.ofHours(25));
        s.send(Post.of(seed(), "ledger", "later"));
        assertEquals(2, instanceRequests());
    }

    private long instanceRequests() {
        return mastodon.recentRequests().stream().filter(r -> r.getUrl().encodedPath().equals("/api/v2/instance")).count();
    }

    @Test
    void theSameKeyTwicePostsOneStatus() {
        MastodonSyndicator s = syndicator();
        Outcome first = s.send(Post.of(seed(), "ledger", "1"));
        Outcome second = s.send(Post.of(seed(), "ledger", "1"));
        assertEquals(1, mastodon.statusCount());
        assertEquals(((Outcome.Posted) first).remoteId(), ((Outcome.Posted) second).remoteId());
        assertEquals(1, mastodon.idempotentReplayCount());
    }

    @Test
    void aLostResponseRetriedWithTheSameKeyStillPostsOnce() {
        mastodon.failNext(1, Fault.dropResponse());
        MastodonSyndicator s = syndicator();
        s.send(Post.of(seed(), "ledger", "1")); // fetches the limits; no status yet
        mastodon.failNext(1, Fault.dropResponse());
        Outcome lost = s.send(Post.of(seed(), "ledger", "2"));
        assertInstanceOf(Outcome.Transient.class, lost, lost.describe());
        Outcome retried = s.send(Post.of(seed(), "ledger", "2"));
        assertInstanceOf(Outcome.Posted.class, retried);
        assertEquals(2, mastodon.statusCount(), "revision 1 and revision 2, each once");
    }

    @Test
    void aBadTokenIsAnAuthFailureAndTheTokenIsNeverInTheMessage() {
        Outcome o = syndicator("not-a-token-123").send(Post.of(seed(), "ledger", "1"));
        Outcome.AuthFailed failed = assertInstanceOf(Outcome.AuthFailed.class, o);
        assertTrue(failed.message().contains("The access token is invalid"), failed.message());
        assertFalse(failed.describe().contains("not-a-token-123"));
    }

    @Test
    void aValidationErrorIsPermanentWithTheServersMessage() {
        ArticleMeta empty = ArticleMeta.builder().url(URL).build();
        Outcome o = new MastodonSyndicator(new MastodonAccount("ledger", mastodon.baseUri(), Secret.of("t", mastodon.accessToken()),
                new MessageTemplate("{summary}", List.of(), List.of(), false, 0), "public", null), http, clock).send(Post.of(empty, "ledger", ""));
        Outcome.Permanent p = assertInstanceOf(Outcome.Permanent.class, o);
        assertTrue(p.message().contains("HTTP 422") && p.message().contains("Validation failed"), p.message());
    }

    @Test
    void rateLimitingWaitsUntilTheResetTheServerNames() {
        MastodonSyndicator s = syndicator();
        s.send(Post.of(seed(), "ledger", "warm"));
        mastodon.exhaustStatusRateLimit(mastodon.accessToken());
        Outcome o = s.send(Post.of(seed(), "ledger", "1"));
        Outcome.RateLimited r = assertInstanceOf(Outcome.RateLimited.class, o);
        assertTrue(r.retryAt().isAfter(clock.instant()), r.retryAt().toString());
        assertTrue(r.retryAt().isBefore(clock.instant().plus(Duration.ofHours(3)).plusSeconds(1)), r.retryAt().toString());
    }

    @Test
    void serverErrorsDroppedConnectionsAndTimeoutsAreTransient() {
        MastodonSyndicator s = syndicator();
        s.send(Post.of(seed(), "ledger", "warm"));
        mastodon.failNext(1, Fault.serverError(503));
        assertInstanceOf(Outcome.Transient.class, s.send(Post.of(seed(), "ledger", "a")));
        mastodon.failNext(1, Fault.dropConnection());
        assertInstanceOf(Outcome.Transient.class, s.send(Post.of(seed(), "ledger", "b")));
        mastodon.failNext(1, Fault.slow(Duration.ofSeconds(3)));
        Outcome slow = s.send(Post.of(seed(), "ledger", "c"));
        assertInstanceOf(Outcome.Transient.class, slow);
        assertTrue(slow.describe().contains("timed out"), slow.describe());
    }

    @Test
    void anUnreachableInstanceStillPostsUnderTheDefaultLimits() {
        mastodon.failNext(1, Fault.serverError(502));
        Outcome o = syndicator().send(Post.of(seed(), "ledger", "1"));
        assertInstanceOf(Outcome.Posted.class, o, o.describe());
    }

    @Test
    void previewShowsTheExactBodyWithoutARequest() {
        int before = mastodon.requestCount();
        Preview p = syndicator().preview(Post.of(seed(), "ledger", "1"));
        assertEquals(before, mastodon.requestCount());
        assertTrue(p.payload().contains("\"visibility\" : \"unlisted\""), p.payload());
        assertTrue(p.payload().contains("\"language\" : \"en\""), p.payload());
        assertEquals(500, p.text().limit());
    }
}
