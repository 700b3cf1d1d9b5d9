package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenStore#inMemory()}: tokens per account in a map, compare-and-set by version. */
final class MemoryTokenStore implements TokenStore {
    private final Map<String, Tokens> tokens = new ConcurrentHashMap<>();

    @Override
    public Optional<Tokens> find(String account) {
        return Optional.ofNullable(tokens.get(Validate.notBlank(account, "account")));
    }

    @Override
    public synchronized Optional<Tokens> compareAndSet(String account, Tokens expected, Tokens replacement) {
        Validate.notBlank(account, "account");
        Validate.notNull(replacement, "replacement");
        long want = expected == null ? 0 : expected.version();
        Tokens now = tokens.get(account);
        long have = now == null ? 0 : now.version();
        if (have != want) return Optional.empty();
        Tokens stored = replacement.withVersion(have + 1);
        tokens.put(account, stored);
        return Optional.of(stored);
    }
}
