package dev.herald.syndication;

import java.util.Optional;

/**
 * An in-memory token store shared by nodes, for tests of token refresh between nodes: another
 * node's work ({@link #afterReads}) lands right after a given number of this node's reads, and
 * {@link #otherNode()} reads and writes the same tokens without counting as a read.
 */
public final class SharedTokenStore implements TokenStore {
    private final TokenStore real = TokenStore.inMemory();
    private int readsLeft = -1;
    private Runnable meanwhile;

    /** Runs {@code elsewhere} right after the {@code reads}-th further read of this store. */
    public void afterReads(int reads, Runnable elsewhere) {
        this.readsLeft = reads;
        this.meanwhile = elsewhere;
    }

    /** The same tokens as another node sees them: its reads do not count. */
    public TokenStore otherNode() {
        return real;
    }

    @Override
    public Optional<Tokens> find(String account) {
        Optional<Tokens> found = real.find(account);
        if (readsLeft > 0 && --readsLeft == 0) meanwhile.run();
        return found;
    }

    @Override
    public Optional<Tokens> compareAndSet(String account, Tokens expected, Tokens replacement) {
        return real.compareAndSet(account, expected, replacement);
    }
}
