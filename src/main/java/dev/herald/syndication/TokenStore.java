package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where an account's changing credentials live: tokens a network rotates or renews (X's OAuth 2.0
 * refresh tokens, Threads' long-lived tokens, LinkedIn's refreshed tokens) and tokens
 * {@code herald auth} obtained. Syndicators read the current tokens here, falling back to
 * {@code herald.yaml} when the store has none, and write renewed ones with
 * {@link #compareAndSet}, so that of two nodes renewing at once one wins and the other uses the
 * winner's tokens instead of overwriting them. Implementations are thread-safe.
 *
 * <p>The delivery database's store ({@code dev.herald.delivery.JdbcCredentialStore}) keeps them
 * encrypted and shared by every node; {@link #inMemory()} keeps them for one process's life.
 */
public interface TokenStore {
    /** The tokens stored for {@code account}, with their version; empty when none are. */
    Optional<Tokens> find(String account);

    /**
     * Stores {@code replacement} for {@code account} if the stored record is still {@code expected}
     * (compared by {@link Tokens#version()}; an {@code expected} of {@code null} or version 0 means
     * "none stored yet").
     *
     * @return the tokens as stored, with their new version; empty when another writer changed the
     *     record first (read it again with {@link #find})
     */
    Optional<Tokens> compareAndSet(String account, Tokens expected, Tokens replacement);

    /** A store that keeps tokens in this object only: renewed tokens are lost when the process ends. */
    static TokenStore inMemory() {
        return new MemoryTokenStore();
    }

    /**
     * This store, telling {@code changed} the account's name after each successful
     * {@link #compareAndSet}: delivery uses it to clear the account's auth failure, so its waiting
     * shares resume.
     */
    default TokenStore notifying(Consumer<String> changed) {
        Validate.notNull(changed, "changed");
        TokenStore self = this;
        return new TokenStore() {
            @Override
            public Optional<Tokens> find(String account) {
                return self.find(account);
            }

            @Override
            public Optional<Tokens> compareAndSet(String account, Tokens expected, Tokens replacement) {
                Optional<Tokens> stored = self.compareAndSet(account, expected, replacement);
                if (stored.isPresent()) changed.accept(account);
                return stored;
            }
        };
    }
}
