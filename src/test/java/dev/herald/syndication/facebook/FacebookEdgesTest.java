package dev.herald.syndication.facebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.testkit.Fault;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockFacebook;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Facebook Page syndicator's answers around the post itself: its names, the check of whose token it holds, and what it does when the Graph cannot be read. */
class FacebookEdgesTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T09:00:00Z"));
    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void closeTransport() throws IOException {
        http.close();
    }

    private FacebookSyndicator syndicator(MockFacebook fb, String token) {
        return new FacebookSyndicator(new FacebookAccount("ledger-fb", fb.baseUri(), MockFacebook.DEFAULT_PAGE_ID, Secret.of("page", token), null, null),
                http, clock);
    }

    private static Post post(String path) {
        return Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/" + path).build(), "ledger-fb", "1");
    }

    @Test
    void theSyndicatorAndProviderNameThemselvesAndReconcileBeforeAResend() {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSyndicator s = syndicator(fb, MockFacebook.DEFAULT_PAGE_TOKEN);
            assertEquals("ledger-fb", s.account());
            assertEquals("facebook", s.network());
            assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, s.guarantee());
        }
        FacebookNetwork network = new FacebookNetwork();
        assertEquals(Set.of("facebook-page"), network.aliases());
        assertEquals(FacebookNetwork.RULES, network.textRules());
        assertEquals(63_206, network.textRules().maxLength());
        assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, network.guarantee());
    }

    @Test
    void theCheckNamesThePageWhoseTokenItHolds() {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            assertEquals(CredentialCheck.ok("the Page token is accepted for The Meridian Ledger"), syndicator(fb, MockFacebook.DEFAULT_PAGE_TOKEN).check());
        }
    }

    @Test
    void aTokenOfAnotherPageIsAuthFailedByTheCheck() {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            fb.addPageToken("EAAfb-page-sport", MockFacebook.SECOND_PAGE_ID);

            CredentialCheck check = syndicator(fb, "EAAfb-page-sport").check();

            assertEquals(CredentialCheck.authFailed("the token is not a Page token of Page " + MockFacebook.DEFAULT_PAGE_ID
                    + " (it belongs to " + MockFacebook.SECOND_PAGE_ID + ")"), check);
        }
    }

    @Test
    void aCheckAnsweredByAServerErrorIsUnknown() {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            fb.failNext(1, Fault.serverError(503));

            CredentialCheck check = syndicator(fb, MockFacebook.DEFAULT_PAGE_TOKEN).check();

            assertEquals(CredentialCheck.Status.UNKNOWN, check.status());
            assertTrue(check.message().contains("Service temporarily unavailable"), check.message());
        }
    }

    @Test
    void anUnreachableGraphIsTransientForTheSendAndUnknownForReconcileAndCheck() {
        MockFacebook fb = MockFacebook.builder().clock(clock).start();
        FacebookSyndicator s = syndicator(fb, MockFacebook.DEFAULT_PAGE_TOKEN);
        fb.close();

        assertInstanceOf(Outcome.Transient.class, s.send(post("harbour")));
        assertInstanceOf(Reconciliation.Unknown.class, s.reconcile(post("harbour")));
        assertEquals(CredentialCheck.Status.UNKNOWN, s.check().status());
    }

    @Test
    void withoutThePostingPermissionTheSendIsAuthFailed() {
        try (MockFacebook fb = MockFacebook.builder().clock(clock).start()) {
            FacebookSyndicator s = syndicator(fb, MockFacebook.DEFAULT_PAGE_TOKEN);
            fb.withdrawPostingPermission();

            Outcome outcome = s.send(post("harbour"));

            assertTrue(assertInstanceOf(Outcome.AuthFailed.class, outcome).message().contains("(#200) The user hasn't authorized the application"),
                    outcome.describe());
            assertEquals(0, fb.posts().size());
            assertEquals(CredentialCheck.Status.OK, s.check().status(), "reading still works");
        }
    }
}
