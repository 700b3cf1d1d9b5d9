package dev.herald.delivery;

/**
 * The start-up seam for auth-failed accounts: when a worker starts, it asks this check about each
 * of its accounts that is auth-failed with unchanged credentials, and clears the failure of every
 * account whose credentials the network now accepts (a token re-enabled on the network's side, an
 * instance that was misconfigured). Wire it with {@link Delivery.Builder#credentialVerifier}, for
 * instance to a syndicator-level credential check where the network has one.
 */
@FunctionalInterface
public interface CredentialVerifier {
    /**
     * Whether the network accepts {@code account}'s current credentials; called once per worker
     * start and account, never while sending. Must not throw for a network failure: answer {@code false}.
     */
    boolean accepted(String account);
}
