package dev.herald.testkit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/** AT Protocol identifiers the fake mints and checks: TIDs, record keys and CIDs. */
final class AtIds {
    private static final String SORTABLE = "234567abcdefghijklmnopqrstuvwxyz";
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final Pattern TID = Pattern.compile("^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$");
    private static final Pattern RKEY = Pattern.compile("^[A-Za-z0-9._:~-]{1,512}$");

    private AtIds() {}

    /** A TID: 53 bits of microseconds since the epoch and 10 bits of clock id, base32-sortable, 13 characters. */
    static String tid(long micros, int clockId) {
        long v = (micros << 10) | (clockId & 0x3FF);
        char[] out = new char[13];
        for (int i = 12; i >= 0; i--) {
            out[i] = SORTABLE.charAt((int) (v & 31));
            v >>>= 5;
        }
        return new String(out);
    }

    static boolean isTid(String s) {
        return TID.matcher(s).matches();
    }

    /** Record-key syntax from the atproto spec: 1–512 of {@code A-Za-z0-9 . - _ : ~}, and not "." or "..". */
    static boolean isRecordKey(String s) {
        return RKEY.matcher(s).matches() && !s.equals(".") && !s.equals("..");
    }

    /** A CIDv1 with a SHA-256 multihash in base32 ("b" multibase): codec 0x55 raw for blobs, 0x71 dag-cbor for records. */
    static String cid(int codec, byte[] content) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        byte[] bytes = new byte[4 + digest.length];
        bytes[0] = 0x01;
        bytes[1] = (byte) codec;
        bytes[2] = 0x12;
        bytes[3] = 0x20;
        System.arraycopy(digest, 0, bytes, 4, digest.length);
        StringBuilder out = new StringBuilder("b");
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xFF);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) out.append(BASE32[(buffer << (5 - bits)) & 31]);
        return out.toString();
    }
}
