package dev.herald.meta.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.Author;
import dev.herald.meta.ImageMeta;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ArticleCodecTest {
    private static ArticleMeta article(Locale locale) {
        return ArticleMeta.builder().title("Harbour reopens").description("Ships are back.").url("https://news.example/harbour")
                .image(new ImageMeta(URI.create("https://news.example/h.jpg"), 1200, 630, "Ships at dawn", "image/jpeg"))
                .siteName("The Ledger").locale(locale).type("article")
                .authors(List.of(new Author("Ana Ruiz", URI.create("https://news.example/ana")), Author.named("Bo Li")))
                .publishedTime(OffsetDateTime.parse("2024-03-08T06:30:00.250+01:00"))
                .modifiedTime(OffsetDateTime.parse("2024-03-08T09:15:00+01:00")).section("Local").tags(List.of("harbour", "storm"))
                .twitterSite("@ledger").twitterCreator("ana").build();
    }

    @Test
    void aSnapshotReadsBackAsTheSameArticleWithItsExactLocaleAndTimes() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.UK, Locale.forLanguageTag("pt-BR"), null}) {
            ArticleMeta m = article(locale);
            assertEquals(m, ArticleCodec.read(ArticleCodec.snapshot(m)), String.valueOf(locale));
        }
        assertEquals(ArticleMeta.EMPTY, ArticleCodec.read(ArticleCodec.snapshot(ArticleMeta.EMPTY)));
    }

    @Test
    void theDisplayFormShowsTheOpenGraphLocaleAndWholeSecondsWhileTheSnapshotKeepsWhatWasGiven() {
        ArticleMeta m = article(Locale.ENGLISH);
        assertEquals("en_US", ArticleCodec.display(m).path("locale").asText());
        assertEquals("2024-03-08T06:30:00+01:00", ArticleCodec.display(m).path("publishedTime").asText());
        String snapshot = ArticleCodec.snapshot(m);
        assertTrue(snapshot.contains("\"locale\":\"en\""), snapshot);
        assertTrue(snapshot.contains("\"publishedTime\":\"2024-03-08T06:30:00.25+01:00\""), snapshot);
    }

    @Test
    void snapshotsStoredByEarlierVersionsStillRead() {
        // Written by 0.1.0-SNAPSHOT's ArticleJson (Jackson's record mapping), as found in existing outboxes.
        String stored = "{\"title\":\"Harbour reopens\",\"description\":\"Ships are back.\",\"url\":\"https://news.example/harbour\","
                + "\"image\":{\"url\":\"https://news.example/h.jpg\",\"width\":1200,\"height\":630,\"alt\":\"Ships at dawn\",\"type\":\"image/jpeg\"},"
                + "\"siteName\":\"The Ledger\",\"locale\":\"en\",\"type\":\"article\",\"authors\":[{\"name\":\"Ana Ruiz\",\"url\":\"https://news.example/ana\"},"
                + "{\"name\":\"Bo Li\",\"url\":null}],\"publishedTime\":\"2024-03-08T06:30:00.25+01:00\",\"modifiedTime\":\"2024-03-08T09:15:00+01:00\","
                + "\"section\":\"Local\",\"tags\":[\"harbour\",\"storm\"],\"twitterSite\":\"@ledger\",\"twitterCreator\":\"@ana\"}";
        assertEquals(article(Locale.ENGLISH), ArticleCodec.read(stored));
        assertEquals(stored, ArticleCodec.snapshot(article(Locale.ENGLISH)), "the stored form did not change");
    }

    @Test
    void aFieldAddedByANewerVersionIsIgnoredAndGarbageIsRefusedWithAReason() {
        assertEquals("Harbour", ArticleCodec.read("{\"title\":\"Harbour\",\"audio\":{\"url\":\"x\"}}").title());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArticleCodec.read("{\"title\":"));
        assertTrue(e.getMessage().startsWith("not an article snapshot"), e.getMessage());
    }
}
