package dev.herald.internal;

import java.io.Reader;

/**
 * Reads a string with some of its ranges left out, without copying it first: how Herald hands the
 * parser a page minus the script and style text it would only step over.
 */
public final class ElidingReader extends Reader {
    private final String text;
    private final int[] gaps;
    private int pos;
    private int gap;

    /**
     * A reader of {@code text} without the ranges in {@code gaps}: ascending, non-overlapping
     * {@code [start, end)} pairs within the text.
     */
    public ElidingReader(String text, int[] gaps) {
        this.text = Validate.notNull(text, "text");
        Validate.notNull(gaps, "gaps");
        Validate.isTrue(gaps.length % 2 == 0, "gaps", "must hold start and end pairs");
        int last = 0;
        for (int i = 0; i < gaps.length; i += 2) {
            Validate.isTrue(gaps[i] >= last && gaps[i] <= gaps[i + 1] && gaps[i + 1] <= text.length(), "gaps",
                    "must be ascending, non-overlapping ranges within the text");
            last = gaps[i + 1];
        }
        this.gaps = gaps.clone();
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) return 0;
        int copied = 0;
        while (copied < length) {
            while (gap < gaps.length && pos >= gaps[gap]) {
                pos = Math.max(pos, gaps[gap + 1]);
                gap += 2;
            }
            int stop = gap < gaps.length ? gaps[gap] : text.length();
            int take = Math.min(length - copied, stop - pos);
            if (take <= 0) break;
            text.getChars(pos, pos + take, buffer, offset + copied);
            pos += take;
            copied += take;
        }
        return copied == 0 ? -1 : copied;
    }

    @Override
    public void close() {
        // Nothing to release: the text stays with its owner.
    }
}
