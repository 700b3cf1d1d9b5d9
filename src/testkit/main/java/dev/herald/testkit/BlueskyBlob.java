package dev.herald.testkit;

import dev.herald.internal.Validate;

/**
 * A blob {@link MockBluesky} stored through {@code com.atproto.repo.uploadBlob}.
 *
 * @param cid the content id ({@code bafkrei…}, a CIDv1 of the bytes' SHA-256, as a PDS computes it)
 * @param mimeType the Content-Type the client sent
 * @param size the number of bytes
 * @param did the account that uploaded it
 */
public record BlueskyBlob(String cid, String mimeType, long size, String did) {
    /** Requires every part. */
    public BlueskyBlob {
        Validate.notBlank(cid, "cid");
        Validate.notBlank(mimeType, "mimeType");
        Validate.isTrue(size >= 0, "size", "must not be negative");
        Validate.notBlank(did, "did");
    }
}
