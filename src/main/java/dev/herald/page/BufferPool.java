package dev.herald.page;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A few byte arrays kept for reuse by the pages being held. Without it every rewritten page
 * allocates (and zeroes) its body twice over, and at tens of thousands of pages a second the
 * young-generation collections that causes cost more than the rewrite itself.
 *
 * <p>Lock-free: a small array of slots, each taken or filled with a compare-and-set. A page's
 * array is returned only after its last byte was handed to the container's blocking write, which
 * copies or sends it before returning; and only {@code [0, count)} of an array is ever read, so a
 * reused array never shows one response's bytes in another.
 */
final class BufferPool {
    private static final int SLOTS = 16;
    /** Arrays above this size are left to the garbage collector rather than kept. */
    static final int MAX_POOLED = 1024 * 1024;

    private final AtomicReferenceArray<byte[]> slots = new AtomicReferenceArray<>(SLOTS);

    /** An array of at least {@code size} bytes; contents undefined. */
    byte[] acquire(int size) {
        int start = (int) (Thread.currentThread().getId() & (SLOTS - 1));
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            byte[] b = slots.get(slot);
            if (b != null && b.length >= size && slots.compareAndSet(slot, b, null)) return b;
        }
        return new byte[size];
    }

    /** Gives {@code array} back; the caller must not touch it again. */
    void release(byte[] array) {
        if (array.length == 0 || array.length > MAX_POOLED) return;
        int start = (int) (Thread.currentThread().getId() & (SLOTS - 1));
        for (int i = 0; i < SLOTS; i++) {
            int slot = (start + i) & (SLOTS - 1);
            if (slots.get(slot) == null && slots.compareAndSet(slot, null, array)) return;
        }
    }
}
