package dev.herald.syndication.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.Post;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BlueskyRecordKeysTest {
    // atproto TID syntax: 13 base32-sortable characters, the first one's top bit zero.
    private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");
    private static final String SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";

    @Test
    void theSameIdempotencyKeyAlwaysGivesTheSameTid() {
        String key = Post.keyOf("https://news.example/a", "bsky", "1");
        String rkey = RecordKeys.forIdempotencyKey(key);
        assertEquals(rkey, RecordKeys.forIdempotencyKey(key));
        assertTrue(TID.matcher(rkey).matches(), rkey);
    }

    @Test
    void differentKeysGiveDifferentTids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String rkey = RecordKeys.forIdempotencyKey(Post.keyOf("https://news.example/" + i, "bsky", "1"));
            assertTrue(TID.matcher(rkey).matches(), rkey);
            assertTrue(seen.add(rkey), "collision at " + i);
        }
        assertNotEquals(RecordKeys.forIdempotencyKey(Post.keyOf("https://news.example/a", "bsky", "1")),
                RecordKeys.forIdempotencyKey(Post.keyOf("https://news.example/a", "bsky", "2")));
    }

    @Test
    void theTimeInsideTheKeyLiesIn2023NeverInTheFuture() {
        for (int i = 0; i < 1000; i++) {
            Instant t = timeOf(RecordKeys.forIdempotencyKey("key-" + i));
            assertTrue(!t.isBefore(Instant.parse("2023-01-01T00:00:00Z")) && t.isBefore(Instant.parse("2024-01-01T00:00:00Z")), t.toString());
        }
    }

    @Test
    void encodesMicrosecondsAndClockIdInThirteenSortableCharacters() {
        // 0 µs and clock id 0 is all "2"s (the sortable alphabet's zero); the last character carries the low clock-id bits.
        assertEquals("2222222222222", RecordKeys.tid(0, 0));
        assertEquals("2222222222223", RecordKeys.tid(0, 1));
        assertEquals(Instant.parse("2024-05-01T10:00:00Z"), timeOf(RecordKeys.tid(1_714_557_600_000_000L, 7)));
    }

    private static Instant timeOf(String tid) {
        long v = 0;
        for (char c : tid.toCharArray()) v = (v << 5) | SORTABLE.indexOf(c);
        long micros = v >>> 10;
        return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
}
