package dev.herald.internal;

/**
 * UTF-8 lengths and offsets computed from Java strings without encoding them: Bluesky measures
 * text in UTF-8 bytes (its 3000-byte limit) and addresses facets by UTF-8 byte offsets.
 */
public final class Utf8 {
    private Utf8() {}

    /** Returns the number of bytes {@code text} takes in UTF-8 (an unpaired surrogate, never valid text, counts 3). */
    public static int length(CharSequence text) {
        Validate.notNull(text, "text");
        return byteOffset(text, text.length());
    }

    /** Returns the UTF-8 byte offset at which the char index {@code charIndex} of {@code text} begins. */
    public static int byteOffset(CharSequence text, int charIndex) {
        Validate.notNull(text, "text");
        Validate.isTrue(charIndex >= 0 && charIndex <= text.length(), "charIndex", "must be within the text");
        int bytes = 0;
        for (int i = 0; i < charIndex; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /**
     * Returns the char index in {@code text} at which the UTF-8 byte offset {@code byteOffset}
     * falls, or -1 when the offset is negative, beyond the text, or inside a multi-byte character.
     */
    public static int charIndex(CharSequence text, int byteOffset) {
        Validate.notNull(text, "text");
        if (byteOffset < 0) return -1;
        int bytes = 0;
        int i = 0;
        while (bytes < byteOffset && i < text.length()) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
                i += 1;
            } else if (c < 0x800) {
                bytes += 2;
                i += 1;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i += 2;
            } else {
                bytes += 3;
                i += 1;
            }
        }
        return bytes == byteOffset ? i : -1;
    }
}
