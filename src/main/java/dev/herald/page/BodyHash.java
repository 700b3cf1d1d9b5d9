package dev.herald.page;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * XXH64, a fast 64-bit non-cryptographic hash (Yann Collet's published algorithm), over a byte
 * array prefix, used to recognise a page body the cache has seen.
 *
 * <p>Why this and not CRC32C: both run at memory speed, but a CRC is linear, so anyone who can
 * put text on a page can compute a second body with the same CRC and have a cached rewrite (its
 * insertion offsets) applied to the wrong body. With 64 bits, a seed drawn at random per cache
 * (so collisions cannot be precomputed) and the length also in the key, an accidental collision
 * among one URL's versions is about 2^-64 likely. A cryptographic digest would remove the
 * residual doubt but costs several times more per request than the whole byte splice it protects.
 */
final class BodyHash {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private BodyHash() {}

    /** XXH64 of {@code data[0..length)} with {@code seed}. */
    static long xxh64(byte[] data, int length, long seed) {
        int i = 0;
        long h;
        if (length >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = length - 32;
            do {
                v1 = round(v1, (long) LONGS.get(data, i));
                v2 = round(v2, (long) LONGS.get(data, i + 8));
                v3 = round(v3, (long) LONGS.get(data, i + 16));
                v4 = round(v4, (long) LONGS.get(data, i + 24));
                i += 32;
            } while (i <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + P5;
        }
        h += length;
        while (i + 8 <= length) {
            h ^= round(0, (long) LONGS.get(data, i));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            i += 8;
        }
        if (i + 4 <= length) {
            h ^= (((int) INTS.get(data, i)) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            i += 4;
        }
        while (i < length) {
            h ^= (data[i] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            i++;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        acc += input * P2;
        acc = Long.rotateLeft(acc, 31);
        return acc * P1;
    }

    private static long merge(long acc, long v) {
        acc ^= round(0, v);
        return acc * P1 + P4;
    }
}
