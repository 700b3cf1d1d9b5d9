package dev.herald.syndication;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One article to be shared to one account.
 *
 * @param article what to share; its URL is required
 * @param account the configured account's name
 * @param revision the article's revision; a new revision is a new share, the same revision never is
 * @param idempotencyKey stable for (article URL, account, revision), sent to the network's own
 *     idempotency mechanism where it has one
 * @param text the post's own text, sent as written instead of the text composed from the article
 *     and the account's template, or {@code null} to compose it
 */
public record Post(ArticleMeta article, String account, String revision, String idempotencyKey, String text) {
    /** Requires an article with a URL, an account and a key; a text, when given, must not be blank. */
    public Post {
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
        Validate.notBlank(account, "account");
        revision = revision == null ? "" : revision;
        Validate.notBlank(idempotencyKey, "idempotencyKey");
        if (text != null) Validate.notBlank(text, "text");
    }

    /** A post whose text is composed from the article. */
    public Post(ArticleMeta article, String account, String revision, String idempotencyKey) {
        this(article, account, revision, idempotencyKey, null);
    }

    /** This post with its own text ({@code null}: composed from the article). */
    public Post withText(String text) {
        return new Post(article, account, revision, idempotencyKey, text);
    }

    /** A post whose idempotency key is derived from (article URL, account, revision). */
    public static Post of(ArticleMeta article, String account, String revision) {
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
        return new Post(article, account, revision, keyOf(article.url().toString(), account, revision == null ? "" : revision));
    }

    /**
     * The idempotency key for (article URL, account, revision): 32 hex characters of SHA-256, the
     * same on every retry and every node.
     */
    public static String keyOf(String articleUrl, String account, String revision) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Lengths prefix each part so ("ab","c") and ("a","bc") cannot collide.
            for (String part : new String[] {articleUrl, account, revision}) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                sha.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
