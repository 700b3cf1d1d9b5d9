package dev.herald.page;

import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A bounded least-recently-used map from (page request, body) to its {@link Rewrite}, so that a
 * page served again unchanged costs a hash of its bytes and a byte splice, never a parse.
 *
 * <p>The body is identified by its length and {@link BodyHash XXH64} under a seed drawn per
 * cache; the page request carries the page URL and the application's and taglib's metadata, the
 * other inputs of a rewrite. Thread-safe: one lock around a {@link LinkedHashMap} in access
 * order, held only for a lookup or an insertion.
 */
final class RewriteCache {
    private final int capacity;
    private final long seed = new SecureRandom().nextLong();
    private final Map<Key, Rewrite> entries;

    /** A cache of at most {@code capacity} rewrites; 0 disables caching. */
    RewriteCache(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("cache capacity must not be negative: " + capacity);
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Rewrite> eldest) {
                return size() > RewriteCache.this.capacity;
            }
        };
    }

    /** The key of {@code body[0..length)} read with {@code charset} for {@code request}. */
    Key key(byte[] body, int length, Charset charset, PageRequest request) {
        return new Key(request, charset, length, BodyHash.xxh64(body, length, seed));
    }

    /** The cached rewrite for {@code key}, or {@code null}. */
    Rewrite get(Key key) {
        if (capacity == 0) return null;
        synchronized (entries) {
            return entries.get(key);
        }
    }

    /** Remembers {@code rewrite} for {@code key}, evicting the least recently used entry when full. */
    void put(Key key, Rewrite rewrite) {
        if (capacity == 0) return;
        synchronized (entries) {
            entries.put(key, rewrite);
        }
    }

    /** How many rewrites are cached. */
    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Identifies one body of one page request. */
    record Key(PageRequest request, Charset charset, int length, long hash) {
        Key {
            Objects.requireNonNull(request, "request");
        }
    }
}
