package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * What the credential store can say about an account without opening its tokens: for
 * {@code herald accounts}, which warns before a token expires.
 *
 * @param account the account's name
 * @param keyVersion the version of the key the tokens are sealed with
 * @param expiresAt when the access token expires, or {@code null} when unknown or never
 * @param refreshExpiresAt when the refresh token expires, or {@code null} when unknown, never, or there is none
 * @param renewable whether a refresh token is kept, so the access token is renewed when it runs out
 * @param updatedAt when the tokens were last written
 */
public record StoredCredential(String account, int keyVersion, Instant expiresAt, Instant refreshExpiresAt, boolean renewable, Instant updatedAt) {
    /** Requires an account and the time of the last write. */
    public StoredCredential {
        Validate.notBlank(account, "account");
        Validate.notNull(updatedAt, "updatedAt");
    }

    /**
     * When signing in again becomes necessary: with a refresh token, its expiry ({@code null} when X
     * and others do not say: renewed for as long as it is used); without one, the access token's
     * (a Threads token is refreshed well before then, so nearing it means refreshing failed).
     */
    public Instant signInBy() {
        return renewable ? refreshExpiresAt : expiresAt;
    }
}
