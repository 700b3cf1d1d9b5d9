package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * An account's OAuth tokens as a {@link TokenStore} keeps them: the access token, the refresh token
 * where the network has one, when each stops working, and the store's version of the record, which
 * {@link TokenStore#compareAndSet} compares. {@code toString()} shows no token.
 *
 * @param access the access token to send
 * @param refresh the refresh token, or {@code null} when the network renews the access token itself
 *     (Threads) or the app has none
 * @param expiresAt when the access token expires, or {@code null} when unknown or never
 * @param refreshExpiresAt when the refresh token expires, or {@code null} when unknown or never
 * @param version the store's version of this record; {@code 0} for tokens not stored yet
 */
public record Tokens(String access, String refresh, Instant expiresAt, Instant refreshExpiresAt, long version) {
    /** Requires an access token without line breaks and a version of at least 0; a blank refresh token is none. */
    public Tokens {
        Validate.notBlank(access, "access");
        Validate.noLineBreaks(access, "access");
        if (refresh != null && refresh.isBlank()) refresh = null;
        if (refresh != null) Validate.noLineBreaks(refresh, "refresh");
        Validate.isTrue(version >= 0, "version", "must not be negative");
    }

    /** New tokens, not stored yet. */
    public static Tokens of(String access, String refresh, Instant expiresAt) {
        return new Tokens(access, refresh, expiresAt, null, 0);
    }

    /** These tokens as version {@code version} of the store's record. */
    public Tokens withVersion(long version) {
        return new Tokens(access, refresh, expiresAt, refreshExpiresAt, version);
    }

    /** These tokens with the refresh token's expiry. */
    public Tokens withRefreshExpiresAt(Instant at) {
        return new Tokens(access, refresh, expiresAt, at, version);
    }

    /** Whether the access token has expired at {@code now}; {@code false} when its expiry is unknown. */
    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The access and refresh tokens as secrets, for masking in whatever a request's failure says. */
    public Secret[] secrets() {
        return refresh == null ? new Secret[] {Secret.of("access", access)}
                : new Secret[] {Secret.of("access", access), Secret.of("refresh", refresh)};
    }

    @Override
    public String toString() {
        return "Tokens[access=****" + (refresh == null ? "" : ", refresh=****") + ", expiresAt=" + expiresAt
                + ", refreshExpiresAt=" + refreshExpiresAt + ", version=" + version + "]";
    }
}
