package dev.herald.syndication.bluesky;

import dev.herald.meta.ArticleMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Record keys that make a retried post land on the same record. Bluesky has no idempotency header,
 * but a client may choose the record key: the same post always gets the same key, so a retry after
 * a lost response collides with the record it already created instead of posting twice.
 *
 * <p>The key is a TID (the only post keys the Bluesky app shows): 53 bits of microseconds and 10
 * bits of "clock id". The microseconds are the article's publication time (or, without one, a time
 * in 2024 chosen by the key) plus up to a second chosen by the idempotency key, and the clock id
 * also comes from the key, so revisions and articles published in the same second still differ.
 */
final class RecordKeys {
    private static final String ALPHABET = "234567abcdefghijklmnopqrstuvwxyz";
    private static final long FALLBACK_START_MICROS = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli() * 1000;
    private static final long YEAR_MICROS = 365L * 24 * 3600 * 1_000_000;

    private RecordKeys() {}

    /** The record key for the post with {@code idempotencyKey} of {@code article}. */
    static String of(String idempotencyKey, ArticleMeta article) {
        long hash = hash(idempotencyKey);
        OffsetDateTime published = article.publishedTime() != null ? article.publishedTime() : article.modifiedTime();
        long micros = published != null
                ? published.toInstant().getEpochSecond() * 1_000_000 + Math.floorMod(hash, 1_000_000L)
                : FALLBACK_START_MICROS + Math.floorMod(hash, YEAR_MICROS);
        int clockId = (int) ((hash >>> 40) & 0x3FF);
        return tid(micros, clockId);
    }

    /** A TID: the top bit zero, 53 bits of microseconds, 10 bits of clock id, in base32-sortable. */
    static String tid(long micros, int clockId) {
        long v = ((micros & 0x1F_FFFF_FFFF_FFFFL) << 10) | (clockId & 0x3FF);
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    private static long hash(String key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) h = (h << 8) | (d[i] & 0xFF);
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
