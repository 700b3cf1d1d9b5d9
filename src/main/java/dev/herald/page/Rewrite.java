package dev.herald.page;

import dev.herald.internal.Validate;
import dev.herald.meta.ResolvedMeta;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The outcome of transforming one page: its resolved metadata and the bytes to insert into the
 * original body. Applying a rewrite only inserts; every original byte is sent as it was.
 *
 * <p>A rewrite depends only on the body and the {@link PageRequest}, so it can be cached and applied
 * again to an identical body without parsing it.
 *
 * @param meta the page's resolved metadata
 * @param charset the charset the body was read with, and the insertions encoded in
 * @param insertions what to insert, in ascending offset order
 * @param skipped why nothing was inserted (malformed input, a page that is not HTML...), or
 *     {@code null} when the page was transformed
 */
public record Rewrite(ResolvedMeta meta, Charset charset, List<Insertion> insertions, String skipped) {

    /**
     * Bytes to insert before the byte at {@code offset} of the original body.
     *
     * @param offset byte offset into the original body, {@code 0..length}
     * @param bytes the encoded HTML to insert
     */
    public record Insertion(int offset, byte[] bytes) {
        /** Requires a non-negative offset. */
        public Insertion {
            Validate.isTrue(offset >= 0, "offset", "must not be negative");
            Validate.notNull(bytes, "bytes");
        }
    }

    /** Checks the insertions are ordered. */
    public Rewrite {
        Validate.notNull(meta, "meta");
        insertions = List.copyOf(insertions);
        for (int i = 1; i < insertions.size(); i++) {
            Validate.isTrue(insertions.get(i - 1).offset() <= insertions.get(i).offset(), "insertions", "must be in offset order");
        }
    }

    /** A rewrite that leaves the body as it is, saying why. */
    public static Rewrite unchanged(ResolvedMeta meta, Charset charset, String reason) {
        return new Rewrite(meta, charset, List.of(), Validate.notBlank(reason, "reason"));
    }

    /** Whether applying this rewrite changes the body. */
    public boolean changesBody() {
        return !insertions.isEmpty();
    }

    /** The length of the body after applying this rewrite to a body of {@code bodyLength} bytes. */
    public long outputLength(int bodyLength) {
        long n = bodyLength;
        for (Insertion i : insertions) n += i.bytes().length;
        return n;
    }

    /** Writes {@code body[0..length)} with the insertions to {@code out}. */
    public void writeTo(byte[] body, int length, OutputStream out) throws IOException {
        int pos = 0;
        for (Insertion i : insertions) {
            Validate.isTrue(i.offset() <= length, "insertion offset", "lies beyond the body; the rewrite was planned for another body");
            out.write(body, pos, i.offset() - pos);
            out.write(i.bytes());
            pos = i.offset();
        }
        out.write(body, pos, length - pos);
    }

    /** Returns a new array holding the whole body with the insertions. */
    public byte[] apply(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) outputLength(body.length));
        try {
            writeTo(body, body.length, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
