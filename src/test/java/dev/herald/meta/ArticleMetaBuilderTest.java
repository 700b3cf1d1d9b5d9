package dev.herald.meta;

import dev.herald.meta.internal.ArticleCodec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The builder sets every field in one chain, copies a value to change, and the JSON tree shows all of them. */
class ArticleMetaBuilderTest {
    private static final OffsetDateTime PUBLISHED = OffsetDateTime.parse("2024-03-08T06:30:00+01:00");
    private static final OffsetDateTime MODIFIED = OffsetDateTime.parse("2024-03-08T09:15:00+01:00");

    static ArticleMeta full() {
        return ArticleMeta.builder().title("Harbour reopens").description("Ships are back.").url("https://news.example/harbour")
                .image(new ImageMeta(URI.create("https://news.example/h.jpg"), 1200, 630, "Ships at dawn", "image/jpeg"))
                .siteName("The Ledger").locale(Locale.UK).type("article")
                .authors(List.of(new Author("Ana Ruiz", URI.create("https://news.example/ana")), Author.named("Bo Li")))
                .publishedTime(PUBLISHED).modifiedTime(MODIFIED).section("Local").tags(List.of("harbour", "storm"))
                .twitterSite("@ledger").twitterCreator("ana").build();
    }

    @Test
    void oneChainSetsEveryField() {
        ArticleMeta m = full();
        assertEquals(new ArticleMeta("Harbour reopens", "Ships are back.", URI.create("https://news.example/harbour"),
                new ImageMeta(URI.create("https://news.example/h.jpg"), 1200, 630, "Ships at dawn", "image/jpeg"), "The Ledger", Locale.UK,
                "article", List.of(new Author("Ana Ruiz", URI.create("https://news.example/ana")), Author.named("Bo Li")), PUBLISHED, MODIFIED,
                "Local", List.of("harbour", "storm"), "@ledger", "@ana"), m);
        assertTrue(m.isArticle());
    }

    @Test
    void aCopyChangesOnlyWhatIsSet() {
        ArticleMeta m = full();
        assertEquals(m, m.toBuilder().build());
        ArticleMeta changed = m.toBuilder().section("World").url((String) null).tags(null).authors(null).build();
        assertEquals("World", changed.section());
        assertNull(changed.url());
        assertEquals(List.of(), changed.tags());
        assertEquals(List.of(), changed.authors());
        assertEquals(m.title(), changed.title());
        assertEquals(m.modifiedTime(), changed.modifiedTime());
    }

    @Test
    void blanksAndDuplicatesAreNormalised() {
        ArticleMeta m = ArticleMeta.builder().title("  ").siteName(" Ledger ").tags(List.of("a", " a ", "", "b")).build();
        assertNull(m.title());
        assertEquals("Ledger", m.siteName());
        assertEquals(List.of("a", "b"), m.tags());
        assertTrue(ArticleMeta.builder().title(" ").build().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ArticleMeta.builder().twitterSite("not a handle!").build());
    }

    @Test
    void theJsonTreeHasEveryFieldInHeraldsOneShape() {
        assertEquals("{\"title\":\"Harbour reopens\",\"description\":\"Ships are back.\",\"url\":\"https://news.example/harbour\","
                + "\"image\":{\"url\":\"https://news.example/h.jpg\",\"width\":1200,\"height\":630,\"alt\":\"Ships at dawn\",\"type\":\"image/jpeg\"},"
                + "\"siteName\":\"The Ledger\",\"locale\":\"en_GB\",\"type\":\"article\","
                + "\"authors\":[{\"name\":\"Ana Ruiz\",\"url\":\"https://news.example/ana\"},{\"name\":\"Bo Li\",\"url\":null}],"
                + "\"publishedTime\":\"2024-03-08T06:30:00+01:00\",\"modifiedTime\":\"2024-03-08T09:15:00+01:00\",\"section\":\"Local\","
                + "\"tags\":[\"harbour\",\"storm\"],\"twitterSite\":\"@ledger\",\"twitterCreator\":\"@ana\"}", ArticleCodec.display(full()).toString());
    }

    @Test
    void anEmptyArticleIsEveryFieldNull() {
        assertEquals("{\"title\":null,\"description\":null,\"url\":null,\"image\":null,\"siteName\":null,\"locale\":null,\"type\":null,"
                + "\"authors\":[],\"publishedTime\":null,\"modifiedTime\":null,\"section\":null,\"tags\":[],\"twitterSite\":null,"
                + "\"twitterCreator\":null}", ArticleCodec.display(ArticleMeta.EMPTY).toString());
    }
}
