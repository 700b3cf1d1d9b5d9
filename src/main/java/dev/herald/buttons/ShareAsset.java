package dev.herald.buttons;

import dev.herald.internal.Validate;
import java.nio.charset.StandardCharsets;

/**
 * One of the files a linked share bar loads: Herald's stylesheet (with the icons) or its script.
 * The file name carries a hash of the content, so a site can serve it with
 * {@code Cache-Control: immutable}: a new Herald version is a new name.
 *
 * @param fileName the versioned name, such as {@code share-3fa9c2d1e0.css}
 * @param contentType the media type with its charset, such as {@code text/css;charset=utf-8}
 * @param text the file's content
 */
public record ShareAsset(String fileName, String contentType, String text) {
    /** Validates the parts. */
    public ShareAsset {
        Validate.notBlank(fileName, "fileName");
        Validate.notBlank(contentType, "contentType");
        Validate.notNull(text, "text");
    }

    /** The content as UTF-8 bytes (a fresh array). */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A strong entity tag for the content: its hash, which the file name also carries. */
    public String etag() {
        return "\"" + Assets.shortHash(text) + "\"";
    }
}
