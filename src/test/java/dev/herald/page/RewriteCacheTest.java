package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ResolvedMeta;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RewriteCacheTest {
    private static final String PAGE = "https://news.example/a";
    private static final ArticleMeta NONE = ArticleMeta.EMPTY;
    private static final Charset UTF8 = StandardCharsets.UTF_8;

    private static Rewrite rewrite(String why) {
        return Rewrite.unchanged(new ResolvedMeta(ArticleMeta.EMPTY, Map.of()), UTF8, why);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF8);
    }

    @Test
    void returnsTheRewriteCachedForAnIdenticalBody() {
        RewriteCache cache = new RewriteCache(10);
        Rewrite r = rewrite("first");
        cache.put(cache.key(bytes("<p>one</p>"), 10, UTF8, PAGE, NONE, NONE), r);
        assertSame(r, cache.get(cache.key(bytes("<p>one</p>"), 10, UTF8, PAGE, NONE, NONE)));
    }

    @Test
    void missesWhenTheBodyChanged() {
        RewriteCache cache = new RewriteCache(10);
        cache.put(cache.key(bytes("<p>one</p>"), 10, UTF8, PAGE, NONE, NONE), rewrite("first"));
        assertNull(cache.get(cache.key(bytes("<p>two</p>"), 10, UTF8, PAGE, NONE, NONE)));
    }

    @Test
    void missesWhenTheApplicationMetadataChanged() {
        RewriteCache cache = new RewriteCache(10);
        byte[] body = bytes("<p>one</p>");
        cache.put(cache.key(body, body.length, UTF8, PAGE, NONE, NONE), rewrite("first"));
        ArticleMeta app = ArticleMeta.builder().title("Set by the app").build();
        assertNull(cache.get(cache.key(body, body.length, UTF8, PAGE, app, NONE)));
        assertNull(cache.get(cache.key(body, body.length, UTF8, PAGE, NONE, app)));
    }

    @Test
    void missesForAnotherPageUrlOrCharset() {
        RewriteCache cache = new RewriteCache(10);
        byte[] body = bytes("<p>one</p>");
        cache.put(cache.key(body, body.length, UTF8, PAGE, NONE, NONE), rewrite("first"));
        assertNull(cache.get(cache.key(body, body.length, UTF8, PAGE + "?x=1", NONE, NONE)));
        assertNull(cache.get(cache.key(body, body.length, StandardCharsets.ISO_8859_1, PAGE, NONE, NONE)));
    }

    @Test
    void evictsTheLeastRecentlyUsedEntryWhenFull() {
        RewriteCache cache = new RewriteCache(2);
        RewriteCache.Key a = cache.key(bytes("a"), 1, UTF8, PAGE, NONE, NONE);
        RewriteCache.Key b = cache.key(bytes("b"), 1, UTF8, PAGE, NONE, NONE);
        RewriteCache.Key c = cache.key(bytes("c"), 1, UTF8, PAGE, NONE, NONE);
        cache.put(a, rewrite("a"));
        cache.put(b, rewrite("b"));
        cache.get(a); // a is now more recent than b
        cache.put(c, rewrite("c"));
        assertEquals(2, cache.size());
        assertNull(cache.get(b));
        assertEquals("a", cache.get(a).skipped());
    }

    @Test
    void cachesNothingWithCapacityZero() {
        RewriteCache cache = new RewriteCache(0);
        RewriteCache.Key a = cache.key(bytes("a"), 1, UTF8, PAGE, NONE, NONE);
        cache.put(a, rewrite("a"));
        assertNull(cache.get(a));
    }

    @Test
    void drawsADifferentSeedForEachCache() {
        byte[] body = bytes("<p>same</p>");
        assertNotEquals(new RewriteCache(1).key(body, body.length, UTF8, PAGE, NONE, NONE).hash(),
                new RewriteCache(1).key(body, body.length, UTF8, PAGE, NONE, NONE).hash());
    }
}
