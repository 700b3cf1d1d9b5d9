package dev.herald.syndication.bluesky;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Derives a post's record key from its idempotency key, so that every attempt to send one share
 * writes to the same {@code at://} URI and the PDS itself refuses the second copy.
 *
 * <p>Why this instead of an idempotency header: XRPC has none, and {@code createRecord} without an
 * {@code rkey} mints a fresh one per call, so a retry after a lost response would post twice.
 *
 * <p>Why a TID: {@code app.bsky.feed.post} declares {@code "key": "tid"}; the PDS stores any valid
 * record key, but the Bluesky app does not show posts under other keys
 * (bluesky-social/social-app#8654). A TID is 64 bits written as 13 base32-sortable characters: a
 * zero bit, 53 bits of microseconds since the epoch and a 10-bit clock id (atproto spec, "Record
 * Key" and "TID").
 *
 * <p>Why the time inside is not the posting time: the key must be the same on every attempt, and
 * nothing in a share but its idempotency key is certain to be. So the 63 bits come from SHA-256 of
 * the key, with the microseconds folded into one fixed year in the past (2023). Bluesky orders
 * posts by {@code createdAt} and the time it indexed them ({@code sortAt}, docs.bsky.app
 * "Timestamps"), not by the record key, so readers see the post at the time it was sent; a past
 * year (rather than 53 random bits, which reach the 23rd century) keeps the key from ever reading
 * as a time in the future to tools that do decode it. Keys only need to be unique within one
 * account's repository; two shares colliding there (about 55 bits: roughly one chance in six
 * million for 100,000 posts on one account) would have the second reported as a duplicate of the
 * first.
 */
final class RecordKeys {
    private static final String SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long ANCHOR_MICROS = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2023-01-01T00:00:00Z"));
    private static final long SPAN_MICROS = 365L * 24 * 3600 * 1_000_000;

    private RecordKeys() {}

    /** The TID record key for a share with this idempotency key; the same for the same key, always. */
    static String forIdempotencyKey(String idempotencyKey) {
        byte[] digest;
        try {
            // A prefix keeps this derivation apart from any other use of the same key's hash.
            digest = MessageDigest.getInstance("SHA-256").digest(("herald/bluesky/rkey\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        ByteBuffer bits = ByteBuffer.wrap(digest);
        long micros = ANCHOR_MICROS + Long.remainderUnsigned(bits.getLong(), SPAN_MICROS);
        int clockId = bits.getShort() & 0x3FF;
        return tid(micros, clockId);
    }

    /** The TID for these microseconds and clock id: 13 base32-sortable characters, the first bit zero. */
    static String tid(long micros, int clockId) {
        long v = ((micros & ((1L << 53) - 1)) << 10) | (clockId & 0x3FF);
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = SORTABLE.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }
}
