package dev.herald.page;

import dev.herald.meta.ArticleMeta;
import java.nio.charset.Charset;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A bounded map from (page, body) to its {@link Rewrite}, so that a page served again unchanged
 * costs a hash of its bytes and a byte splice, never a parse.
 *
 * <p>The body is identified by its length and {@link BodyHash XXH64} under a seed drawn per
 * cache; the page by its URL and the application's and taglib's metadata, the other inputs of a
 * rewrite. Lookups take no lock (a popular page is read by every request thread at once); each
 * entry remembers when it was last used, and an insertion beyond the capacity evicts the least
 * recently used entry, found by a scan: insertions follow a full parse, which costs far more.
 */
final class RewriteCache {
    private final int capacity;
    private final long seed = new SecureRandom().nextLong();
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Object evicting = new Object();
    /** A logical clock for recency; racy increments only blur the order of near-simultaneous uses. */
    private long clock;

    /** A cache of at most {@code capacity} rewrites; 0 disables caching. */
    RewriteCache(int capacity) {
        if (capacity < 0) throw new IllegalArgumentException("cache capacity must not be negative: " + capacity);
        this.capacity = capacity;
    }

    /** The key of {@code body[0..length)} read with {@code charset} at {@code pageUrl} with this metadata. */
    Key key(byte[] body, int length, Charset charset, String pageUrl, ArticleMeta application, ArticleMeta taglib) {
        return new Key(pageUrl, application, taglib, charset, length, BodyHash.xxh64(body, length, seed));
    }

    /** The cached rewrite for {@code key}, or {@code null}. */
    Rewrite get(Key key) {
        if (capacity == 0) return null;
        Entry e = entries.get(key);
        if (e == null) return null;
        e.used = ++clock;
        return e.rewrite;
    }

    /** Remembers {@code rewrite} for {@code key}, evicting the least recently used entry when full. */
    void put(Key key, Rewrite rewrite) {
        if (capacity == 0) return;
        entries.put(key, new Entry(rewrite, ++clock));
        if (entries.size() > capacity) evict();
    }

    /** How many rewrites are cached. */
    int size() {
        return entries.size();
    }

    private void evict() {
        synchronized (evicting) {
            while (entries.size() > capacity) {
                Map.Entry<Key, Entry> oldest = null;
                for (Map.Entry<Key, Entry> e : entries.entrySet()) {
                    if (oldest == null || e.getValue().used < oldest.getValue().used) oldest = e;
                }
                if (oldest == null) return;
                entries.remove(oldest.getKey(), oldest.getValue());
            }
        }
    }

    private static final class Entry {
        final Rewrite rewrite;
        /** Plain, not volatile: a stale read only makes eviction slightly less exact, and a hit stays fence-free. */
        long used;

        Entry(Rewrite rewrite, long used) {
            this.rewrite = rewrite;
            this.used = used;
        }
    }

    /** Identifies one body of one page; equality is checked cheapest first. */
    static final class Key {
        final String pageUrl;
        final ArticleMeta application;
        final ArticleMeta taglib;
        final Charset charset;
        final int length;
        final long hash;
        private final int hashCode;

        Key(String pageUrl, ArticleMeta application, ArticleMeta taglib, Charset charset, int length, long hash) {
            this.pageUrl = Objects.requireNonNull(pageUrl, "pageUrl");
            this.application = Objects.requireNonNull(application, "application");
            this.taglib = Objects.requireNonNull(taglib, "taglib");
            this.charset = charset;
            this.length = length;
            this.hash = hash;
            int h = Long.hashCode(hash) * 31 + pageUrl.hashCode();
            if (application != ArticleMeta.EMPTY) h = h * 31 + application.hashCode();
            if (taglib != ArticleMeta.EMPTY) h = h * 31 + taglib.hashCode();
            this.hashCode = h;
        }

        long hash() {
            return hash;
        }

        @Override
        public int hashCode() {
            return hashCode;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && k.length == length && k.pageUrl.equals(pageUrl)
                    && Objects.equals(k.charset, charset)
                    && (k.application == application || k.application.equals(application))
                    && (k.taglib == taglib || k.taglib.equals(taglib));
        }
    }
}
