package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardedSyndicatorTest {
    private static final Secret TOKEN = Secret.of("token", "tok-SECRET-123");
    private static final Secret PATH = Secret.of("path", "/hooks/PATH-TOKEN");
    private static final Post POST = Post.of(ArticleMeta.builder().title("Storm").url(URI.create("https://ledger.example/storm")).build(), "main", "k1");

    /** A syndicator whose every method fails the way a bug would, quoting its credentials. */
    private static class Broken implements Syndicator {
        @Override
        public String account() {
            return "main";
        }

        @Override
        public String network() {
            return "cms";
        }

        @Override
        public Outcome send(Post post) {
            throw new IllegalStateException("request to https://cms.example/hooks/PATH-TOKEN with tok-SECRET-123 failed");
        }

        @Override
        public Preview preview(Post post) {
            throw new IllegalStateException("no preview for tok-SECRET-123");
        }

        @Override
        public Reconciliation reconcile(Post post) {
            throw new NullPointerException("tok-SECRET-123 lookup");
        }

        @Override
        public CredentialCheck check() {
            throw new IllegalArgumentException("bad tok-SECRET-123");
        }
    }

    @Test
    void anUnexpectedExceptionBecomesATransientOutcomeWithTheCredentialsMasked() {
        Outcome o = GuardedSyndicator.guard(new Broken(), List.of(TOKEN, PATH)).send(POST);
        Outcome.Transient t = assertInstanceOf(Outcome.Transient.class, o);
        assertEquals("unexpected failure: java.lang.IllegalStateException: request to https://cms.example**** with **** failed", t.message());
        assertFalse(o.delivered());
    }

    @Test
    void aSyndicatorThatReturnsNoOutcomeIsTransientToo() {
        Syndicator nothing = new Broken() {
            @Override
            public Outcome send(Post post) {
                return null;
            }
        };
        assertInstanceOf(Outcome.Transient.class, GuardedSyndicator.guard(nothing, List.of()).send(POST));
    }

    @Test
    void reconcileAndCheckFailuresAreUnknownAndMasked() {
        Syndicator guarded = GuardedSyndicator.guard(new Broken(), List.of(TOKEN));
        Reconciliation.Unknown r = assertInstanceOf(Reconciliation.Unknown.class, guarded.reconcile(POST));
        assertEquals("unexpected failure: java.lang.NullPointerException: **** lookup", r.reason());
        CredentialCheck c = guarded.check();
        assertEquals(CredentialCheck.Status.UNKNOWN, c.status());
        assertEquals("unexpected failure: java.lang.IllegalArgumentException: bad ****", c.message());
    }

    @Test
    void aPreviewThatFailsSaysSoWithoutTheCredential() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GuardedSyndicator.guard(new Broken(), List.of(TOKEN)).preview(POST));
        assertTrue(e.getMessage().contains("no preview for ****"), e.getMessage());
        assertFalse(e.getMessage().contains("tok-SECRET"), e.getMessage());
    }

    @Test
    void guardingTwiceKeepsOneGuardThatMasksBothSetsOfSecrets() {
        Broken inner = new Broken();
        Syndicator twice = GuardedSyndicator.guard(GuardedSyndicator.guard(inner, List.of(PATH)), List.of(TOKEN));
        assertSame(inner, ((GuardedSyndicator) twice).unwrap());
        String message = ((Outcome.Transient) twice.send(POST)).message();
        assertFalse(message.contains("PATH-TOKEN") || message.contains("tok-SECRET"), message);
    }

    @Test
    void aWorkingSyndicatorIsPassedThroughUnchanged() {
        Syndicator ok = new Broken() {
            @Override
            public Outcome send(Post post) {
                return new Outcome.Posted("42", null);
            }

            @Override
            public Reconciliation reconcile(Post post) {
                return new Reconciliation.NotFound();
            }
        };
        Syndicator guarded = GuardedSyndicator.guard(ok, List.of(TOKEN));
        assertEquals(new Outcome.Posted("42", null), guarded.send(POST));
        assertEquals(new Reconciliation.NotFound(), guarded.reconcile(POST));
        assertEquals("cms", guarded.network());
        assertEquals("main", guarded.account());
    }

    @Test
    void bySyndicatorDefaultANetworkCannotReconcileOrCheck() {
        Syndicator plain = new Syndicator() {
            @Override
            public String account() {
                return "main";
            }

            @Override
            public String network() {
                return "cms";
            }

            @Override
            public Outcome send(Post post) {
                return new Outcome.Posted("1", null);
            }
        };
        assertInstanceOf(Reconciliation.Unknown.class, plain.reconcile(POST));
        assertEquals(CredentialCheck.Status.UNKNOWN, plain.check().status());
    }
}
