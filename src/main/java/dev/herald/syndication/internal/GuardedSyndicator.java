package dev.herald.syndication.internal;

import dev.herald.internal.Validate;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Reconciliation;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one guard every configured syndicator runs behind: an exception that escapes the network's
 * own code (a bug, a closed transport) becomes a {@link Outcome.Transient} — retrying may well pass,
 * and the delivery worker stays up — and whatever it says is masked of the account's credentials
 * before it reaches the outcome or the log. The same holds for {@link #reconcile} and
 * {@link #check}. {@link dev.herald.syndication.config.SyndicatorFactory} applies it to every
 * syndicator it builds, so a network cannot forget it; code that builds a syndicator by hand wraps
 * it with {@link #guard}.
 */
public final class GuardedSyndicator implements Syndicator {
    private static final Logger LOG = LoggerFactory.getLogger(GuardedSyndicator.class);

    private final Syndicator inner;
    private final List<Secret> secrets;

    private GuardedSyndicator(Syndicator inner, List<Secret> secrets) {
        this.inner = inner;
        this.secrets = secrets;
    }

    /**
     * {@code syndicator} behind the guard, masking {@code secrets} (its credentials) in what an
     * unexpected failure says. A syndicator already guarded is guarded once, with both sets of secrets.
     */
    public static Syndicator guard(Syndicator syndicator, List<Secret> secrets) {
        Validate.notNull(syndicator, "syndicator");
        Validate.notNull(secrets, "secrets");
        if (syndicator instanceof GuardedSyndicator g) {
            List<Secret> all = new java.util.ArrayList<>(g.secrets);
            all.addAll(secrets);
            return new GuardedSyndicator(g.inner, List.copyOf(all));
        }
        return new GuardedSyndicator(syndicator, List.copyOf(secrets));
    }

    /** The guarded syndicator itself. */
    public Syndicator unwrap() {
        return inner;
    }

    @Override
    public String account() {
        return inner.account();
    }

    @Override
    public String network() {
        return inner.network();
    }

    @Override
    public DeliveryGuarantee guarantee() {
        DeliveryGuarantee g = inner.guarantee();
        return g == null ? DeliveryGuarantee.NONE : g;
    }

    /** The inner syndicator's outcome; an exception or a missing outcome is {@link Outcome.Transient}, masked. */
    @Override
    public Outcome send(Post post) {
        Outcome outcome;
        try {
            outcome = inner.send(post);
        } catch (RuntimeException e) {
            String what = unexpected("sending " + (post == null ? "nothing" : post.idempotencyKey()), e);
            return new Outcome.Transient("unexpected failure: " + what, null);
        }
        if (outcome == null) return new Outcome.Transient("unexpected failure: the " + network() + " syndicator returned no outcome", null);
        return outcome;
    }

    /** The inner syndicator's preview; it makes no request, so its exceptions (a bug) pass through, masked. */
    @Override
    public Preview preview(Post post) {
        try {
            return inner.preview(post);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot preview for " + network() + " account " + account() + ": " + mask(String.valueOf(e)));
        }
    }

    /** The inner syndicator's answer; an exception is {@link Reconciliation.Unknown}, masked. */
    @Override
    public Reconciliation reconcile(Post post) {
        try {
            Reconciliation r = inner.reconcile(post);
            return r != null ? r : new Reconciliation.Unknown("the " + network() + " syndicator gave no answer");
        } catch (RuntimeException e) {
            return new Reconciliation.Unknown("unexpected failure: " + unexpected("reconciling", e));
        }
    }

    /** The inner syndicator's answer; an exception is {@link CredentialCheck.Status#UNKNOWN}, masked. */
    @Override
    public CredentialCheck check() {
        try {
            CredentialCheck c = inner.check();
            return c != null ? c : CredentialCheck.unknown("the " + network() + " syndicator gave no answer");
        } catch (RuntimeException e) {
            return CredentialCheck.unknown("unexpected failure: " + unexpected("checking credentials", e));
        }
    }

    /** Logs {@code e} masked, with its stack trace but without its unmasked message; returns the masked text. */
    private String unexpected(String doing, RuntimeException e) {
        String text = mask(String.valueOf(e));
        RuntimeException shown = new RuntimeException(text);
        shown.setStackTrace(e.getStackTrace());
        LOG.warn("{} {}: unexpected failure {}", network(), account(), doing, shown);
        return text;
    }

    private String mask(String text) {
        return Secret.maskAll(text, secrets);
    }

    @Override
    public String toString() {
        return inner.toString();
    }
}
