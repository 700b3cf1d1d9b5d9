package dev.herald.delivery;

import dev.herald.delivery.internal.AttemptResult;
import dev.herald.delivery.internal.ClaimResult;
import dev.herald.delivery.internal.CredentialStamp;
import dev.herald.delivery.internal.DeliveryStore;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Syndicator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a share's scheduled execution fires: decide from the outbox whether and when
 * to send, claim the share, call the network once, record the classified outcome, and say when
 * (if ever) the execution should fire again.
 *
 * <p>The outbox row is the truth; the scheduler's execution is only a wake-up. So a wake-up for a
 * share that was cancelled, rescheduled, or already posted does nothing but go back to sleep or
 * end — which makes every race with a person's action, and every duplicate wake-up after a crash,
 * harmless.
 *
 * <p>A network that takes no idempotency key but can look its posts up ({@link
 * DeliveryGuarantee#RECONCILE_BEFORE_RESEND}) is asked whether the post exists before any send that
 * follows an attempt that may have posted (a transient failure, a lost answer, a crash mid-send);
 * only a "not there" lets the share be sent again. A network that can neither take a key nor look
 * ({@link DeliveryGuarantee#NONE}) has a lost answer parked as {@link ShareState#UNCERTAIN} for a
 * person.
 */
final class ShareSender {
    private static final Logger LOG = LoggerFactory.getLogger(ShareSender.class);

    private final DeliveryStore store;
    private final Map<String, Syndicator> syndicators;
    private final RetryPolicy retryPolicy;
    private final NetworkQuotas quotas;
    private final Clock clock;
    private final RandomGenerator random;
    private final String node;
    private final Duration parkFor;
    private final DeliveryCounters counters;
    private final List<String> unlimitedAccounts;
    private final Map<String, String> credentials;

    ShareSender(DeliveryStore store, Map<String, Syndicator> syndicators, RetryPolicy retryPolicy, NetworkQuotas quotas,
            Clock clock, RandomGenerator random, String node, Duration parkFor, DeliveryCounters counters) {
        this(store, syndicators, retryPolicy, quotas, clock, random, node, parkFor, counters, Map.of());
    }

    /** As above, with each account's credential material, whose {@link CredentialStamp} is kept with an auth failure. */
    ShareSender(DeliveryStore store, Map<String, Syndicator> syndicators, RetryPolicy retryPolicy, NetworkQuotas quotas,
            Clock clock, RandomGenerator random, String node, Duration parkFor, DeliveryCounters counters,
            Map<String, String> credentials) {
        this.credentials = Map.copyOf(credentials);
        this.store = store;
        this.syndicators = Map.copyOf(syndicators);
        this.retryPolicy = retryPolicy;
        this.quotas = quotas;
        this.clock = clock;
        this.random = random;
        this.node = node;
        this.parkFor = parkFor;
        this.counters = counters;
        this.unlimitedAccounts = syndicators.values().stream().filter(s -> quotas.of(s.network()).isEmpty())
                .map(Syndicator::account).toList();
    }

    /** Handles one wake-up of share {@code id}; returns when to wake again, or empty when the share is done. */
    Optional<Instant> run(String id) {
        Instant now = clock.instant();
        // The common case, a due share of an account without quotas, takes one statement to claim.
        ClaimResult fast = store.claimIfDue(id, now, node, unlimitedAccounts);
        if (fast instanceof ClaimResult.Claimed c) return send(c.share());
        Optional<DeliveryStore.Due> found = store.findDue(id);
        if (found.isEmpty()) return Optional.empty();
        Share share = found.get().share();
        if (!share.state().pending()) return Optional.empty();
        if (share.dueAt().isAfter(now)) return Optional.of(share.dueAt());

        Syndicator syndicator = syndicators.get(share.account());
        if (syndicator == null) {
            LOG.warn("Share {} waits: account '{}' is not configured on node {}", id, share.account(), node);
            return Optional.of(now.plus(parkFor));
        }
        if (found.get().account().authFailed()) {
            // No network call while the credentials are known bad; credentialsChanged() wakes it early.
            return Optional.of(now.plus(parkFor));
        }

        ClaimResult claim = store.claim(id, share.version(), now, node, quotas.of(share.network()));
        if (claim instanceof ClaimResult.Deferred d) {
            counters.quotaDeferred(share.network());
            return Optional.of(d.until());
        }
        if (claim instanceof ClaimResult.Lost) {
            // Changed under us (cancelled, rescheduled, claimed elsewhere): look again at its new state.
            // A share still SENDING here is in another execution's hands (one revived while the first
            // was only slow); check back later rather than end an execution the other may need.
            return store.find(id).filter(s -> s.state().pending())
                    .map(s -> s.state() == ShareState.SENDING ? now.plus(parkFor) : s.dueAt().isAfter(now) ? s.dueAt() : now);
        }
        return send(((ClaimResult.Claimed) claim).share());
    }

    private Optional<Instant> send(Share claimed) {
        String id = claimed.id();
        Syndicator syndicator = syndicators.get(claimed.account());
        counters.increment("attempts");
        DeliveryGuarantee guarantee = syndicator.guarantee();
        boolean reconciles = guarantee == DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
        AttemptResult result;
        Outcome outcome;
        Reconciliation found = reconciles && mayHavePosted(claimed) ? reconcile(syndicator, claimed) : new Reconciliation.NotFound();
        if (found instanceof Reconciliation.Found f && store.remoteIdTaken(claimed.account(), f.remoteId(), claimed.id())) {
            // The link matched an earlier share of the same article (a re-share, a revision), whose
            // post this is; looks run newest first, so this share's own post is not there.
            found = new Reconciliation.NotFound();
        }
        if (guarantee == DeliveryGuarantee.NONE && JdbcDeliveryStore.INTERRUPTED.equals(claimed.lastOutcome())) {
            // A node died mid-send on a network that can neither take a key nor be asked: a person decides.
            outcome = new Outcome.Uncertain("the node sending it stopped before the network's answer was recorded; "
                    + "the message may be there, so it is not sent again by itself: check, then confirm or resend it");
            result = classify(claimed, outcome, clock.instant(), false);
        } else if (found instanceof Reconciliation.Found f) {
            outcome = new Outcome.Duplicate(f.remoteId(), f.remoteUrl());
            counters.increment("reconciled");
            result = new AttemptResult(ShareState.POSTED, null, 0, "reconciled",
                    "already on the account, found by " + f.check() + "; not sent again", f.remoteId(), f.remoteUrl());
        } else {
            outcome = found instanceof Reconciliation.Unknown u
                    ? new Outcome.Uncertain("the earlier attempt may have posted and the check could not tell (" + u.reason() + "); not sent again yet")
                    : send(syndicator, claimed);
            result = classify(claimed, outcome, clock.instant(), reconciles);
        }
        Instant done = clock.instant();
        counters.attempted(claimed.network(), result.outcome(), result.state() == ShareState.POSTED ? Duration.between(claimed.dueAt(), done) : null);
        if (outcome instanceof Outcome.AuthFailed) {
            String material = credentials.get(claimed.account());
            store.setAccount(claimed.account(), AccountState.AUTH_FAILED, outcome.describe(),
                    material == null ? null : CredentialStamp.of(material), done);
        }
        if (!store.recordAttempt(id, claimed.version(), result, done)) {
            LOG.warn("Share {}: outcome '{}' not recorded, the share changed meanwhile", id, outcome.describe());
            return Optional.empty();
        }
        logSend(claimed, result);
        return result.state() == ShareState.FAILED ? Optional.of(result.dueAt()) : Optional.empty();
    }

    /** One line per send: which share, where it went, and the post's URL or what happens next. */
    private static void logSend(Share s, AttemptResult r) {
        String what = s.shortId() + " '" + oneLine(s.headline()) + "' to " + s.account();
        switch (r.outcome()) {
            case "posted", "duplicate", "reconciled" -> LOG.info("Share {} {}: {}", what, r.outcome(),
                    r.remoteUrl() != null ? r.remoteUrl() : "(the network gave no URL; id " + r.remoteId() + ")");
            case "auth_failed" -> LOG.warn("Share {}: credentials refused ({}); the account's shares wait until it is reset",
                    what, r.message());
            default -> {
                if (r.state() == ShareState.DEAD) LOG.warn("Share {} is dead: {}", what, r.message());
                else if (r.state() == ShareState.UNCERTAIN) LOG.warn("Share {} is uncertain, check the account and confirm or resend it: {}", what, r.message());
                else LOG.info("Share {} not sent ({}: {}); next attempt at {}", what, r.outcome(), r.message(), r.dueAt());
            }
        }
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.codePointCount(0, line.length()) <= 60 ? line : line.substring(0, line.offsetByCodePoints(0, 59)) + "…";
    }

    /**
     * Whether an earlier attempt on this share may have reached the network without an answer: any
     * earlier attempt whose recorded outcome is not a clear refusal (or none at all: a node that
     * died mid-send).
     */
    private static boolean mayHavePosted(Share claimed) {
        if (claimed.attempts() <= 1) return false;
        String last = claimed.lastOutcome();
        return last == null || !(last.equals("rate_limited") || last.equals("auth_failed") || last.equals("permanent"));
    }

    private Reconciliation reconcile(Syndicator syndicator, Share share) {
        try {
            Reconciliation r = syndicator.reconcile(share.toPost());
            return r == null ? new Reconciliation.Unknown("the syndicator gave no answer") : r;
        } catch (RuntimeException e) {
            LOG.warn("Syndicator for '{}' threw while reconciling", share.account(), e);
            return new Reconciliation.Unknown("reconcile error: " + e.getClass().getSimpleName());
        }
    }

    private Outcome send(Syndicator syndicator, Share share) {
        try {
            return syndicator.send(share.toPost());
        } catch (RuntimeException e) {
            // The contract says syndicators never throw; one that does is treated as a passing failure.
            LOG.warn("Syndicator for '{}' threw instead of returning an outcome", share.account(), e);
            return new Outcome.Transient("syndicator error: " + e, null);
        }
    }

    private AttemptResult classify(Share s, Outcome outcome, Instant now, boolean reconciles) {
        if (outcome instanceof Outcome.Posted p) {
            counters.increment("posted");
            return new AttemptResult(ShareState.POSTED, null, 0, "posted", p.describe(), p.remoteId(), p.remoteUrl());
        }
        if (outcome instanceof Outcome.Duplicate d) {
            counters.increment("duplicates");
            return new AttemptResult(ShareState.POSTED, null, 0, "duplicate", d.describe(), d.remoteId(), d.remoteUrl());
        }
        if (outcome instanceof Outcome.RateLimited r) {
            counters.increment("rateLimited");
            // Exactly the network's reset; a reset in the past means "now".
            Instant at = r.retryAt().isAfter(now) ? r.retryAt() : now;
            return new AttemptResult(ShareState.FAILED, at, s.failures(), "rate_limited", r.describe(), null, null);
        }
        if (outcome instanceof Outcome.AuthFailed a) {
            counters.increment("authFailed");
            return new AttemptResult(ShareState.FAILED, now, s.failures(), "auth_failed", a.describe(), null, null);
        }
        if (outcome instanceof Outcome.Permanent p) {
            counters.increment("dead");
            return new AttemptResult(ShareState.DEAD, null, s.failures(), "permanent", p.describe(), null, null);
        }
        if (outcome instanceof Outcome.Uncertain u) {
            counters.increment("uncertain");
            int failures = s.failures() + 1;
            // Without a way to look, or once looking has failed as often as retries are allowed, a person decides.
            if (!reconciles || retryPolicy.exhausted(failures)) {
                return new AttemptResult(ShareState.UNCERTAIN, null, failures, "uncertain", u.message(), null, null);
            }
            Instant at = now.plus(retryPolicy.delayAfter(failures, random.nextDouble()));
            return new AttemptResult(ShareState.FAILED, at, failures, "uncertain", u.message(), null, null);
        }
        Outcome.Transient t = (Outcome.Transient) outcome;
        counters.increment("transient");
        int failures = s.failures() + 1;
        if (retryPolicy.exhausted(failures)) {
            counters.increment("dead");
            return new AttemptResult(ShareState.DEAD, null, failures, "transient",
                    "gave up after " + failures + " transient failures; last: " + t.describe(), null, null);
        }
        Instant at = now.plus(retryPolicy.delayAfter(failures, random.nextDouble()));
        if (t.retryAfter() != null && t.retryAfter().isAfter(at)) at = t.retryAfter();
        return new AttemptResult(ShareState.FAILED, at, failures, "transient", t.describe(), null, null);
    }

    /** The account names this sender can send for. */
    List<String> accounts() {
        return List.copyOf(syndicators.keySet());
    }
}
