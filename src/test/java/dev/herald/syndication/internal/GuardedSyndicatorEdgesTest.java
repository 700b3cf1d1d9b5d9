package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the guard passes through unchanged, and what it makes of a syndicator that breaks its contract. */
class GuardedSyndicatorEdgesTest {
    private static final Secret TOKEN = Secret.of("token", "tok-SECRET-123");

    /** A syndicator that claims {@code guarantee} and fails on every send, quoting its token. */
    private static Syndicator failing(DeliveryGuarantee guarantee) {
        return new Syndicator() {
            @Override
            public String account() {
                return "main";
            }

            @Override
            public String network() {
                return "cms";
            }

            @Override
            public DeliveryGuarantee guarantee() {
                return guarantee;
            }

            @Override
            public Outcome send(Post post) {
                throw new IllegalStateException("send with tok-SECRET-123 failed");
            }

            @Override
            public String toString() {
                return "cms syndicator for main";
            }
        };
    }

    @Test
    void theGuaranteeIsTheInnerOneAndNoneWhenItClaimsNothing() {
        assertEquals(DeliveryGuarantee.IDEMPOTENCY_KEY, GuardedSyndicator.guard(failing(DeliveryGuarantee.IDEMPOTENCY_KEY), List.of()).guarantee());
        assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND,
                GuardedSyndicator.guard(failing(DeliveryGuarantee.RECONCILE_BEFORE_RESEND), List.of()).guarantee());
        assertEquals(DeliveryGuarantee.NONE, GuardedSyndicator.guard(failing(null), List.of()).guarantee());
    }

    @Test
    void itDescribesItselfAsTheSyndicatorItGuards() {
        assertEquals("cms syndicator for main", GuardedSyndicator.guard(failing(null), List.of()).toString());
    }

    @Test
    void aFailureWhileSendingNoPostIsStillATransientOutcome() {
        Outcome o = GuardedSyndicator.guard(failing(null), List.of(TOKEN)).send(null);
        Outcome.Transient t = assertInstanceOf(Outcome.Transient.class, o);
        assertEquals("unexpected failure: java.lang.IllegalStateException: send with **** failed", t.message());
    }

    @Test
    void theLoggedFailureCarriesTheSyndicatorsOwnStackTraceButNotItsToken() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        // slf4j-simple, the tests' binding, writes to whatever System.err is at the time.
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            GuardedSyndicator.guard(failing(null), List.of(TOKEN)).send(null);
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("cms main: unexpected failure sending nothing"), log);
        assertTrue(log.contains("java.lang.RuntimeException: java.lang.IllegalStateException: send with **** failed"), log);
        assertTrue(log.contains("at " + GuardedSyndicatorEdgesTest.class.getName() + "$1.send("), "the frame that threw: " + log);
        assertFalse(log.contains("tok-SECRET-123"), log);
    }
}
