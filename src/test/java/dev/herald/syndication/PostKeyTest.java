package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.meta.ArticleMeta;
import org.junit.jupiter.api.Test;

/**
 * The idempotency key is the exactly-once guarantee: the same on every node and every release
 * (a changed key re-posts every article after an upgrade), and distinct for distinct parts.
 */
class PostKeyTest {
    private static final ArticleMeta ARTICLE = ArticleMeta.builder().title("Flood barrier approved").url("https://news.example/2024/03/flood").build();

    @Test
    void theKeyIsTheFirstHalfOfTheSha256OfTheLengthPrefixedParts() {
        // sha256("34:https://news.example/2024/03/flood" + "13:newsroom-bsky" + "1:1"), first 16 bytes, computed independently.
        assertEquals("08ede70bd5171239463b35c077c973a5", Post.keyOf("https://news.example/2024/03/flood", "newsroom-bsky", "1"));
        assertEquals("ac1370375c7e024a45695d5eba1eba21", Post.keyOf("https://news.example/caf\u00e9", "newsroom", ""),
                "lengths count UTF-8 bytes");
    }

    @Test
    void movingABoundaryBetweenPartsChangesTheKey() {
        assertEquals("118a87ef2d4b39ec268bd69e22791225", Post.keyOf("ab", "c", ""));
        assertEquals("8dce64c00e38a60883eba490464eab93", Post.keyOf("a", "bc", ""));
        assertNotEquals(Post.keyOf("a", "b", "c"), Post.keyOf("a", "bc", ""));
    }

    @Test
    void aPostCarriesTheKeyOfItsUrlAccountAndRevision() {
        Post post = Post.of(ARTICLE, "newsroom-bsky", "1");

        assertEquals("08ede70bd5171239463b35c077c973a5", post.idempotencyKey());
        assertEquals("1", post.revision());
    }

    @Test
    void noRevisionIsTheEmptyRevision() {
        Post post = Post.of(ARTICLE, "newsroom-bsky", null);

        assertEquals("", post.revision());
        assertEquals(Post.keyOf("https://news.example/2024/03/flood", "newsroom-bsky", ""), post.idempotencyKey());
        assertNotEquals(Post.of(ARTICLE, "newsroom-bsky", "1").idempotencyKey(), post.idempotencyKey());
    }

    @Test
    void aPostNeedsAnArticleWithAUrlAndAnAccount() {
        assertThrows(IllegalArgumentException.class, () -> Post.of(null, "newsroom", "1"));
        assertThrows(IllegalArgumentException.class, () -> Post.of(ArticleMeta.builder().title("No url").build(), "newsroom", "1"));
        assertThrows(IllegalArgumentException.class, () -> Post.of(ARTICLE, " ", "1"));
        assertThrows(IllegalArgumentException.class, () -> new Post(ARTICLE, "newsroom", "1", ""));
    }
}
