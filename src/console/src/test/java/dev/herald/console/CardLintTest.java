package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.meta.ImageSize;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardLintTest {
    private final CardLint lint = new CardLint();
    private final ArticleMeta good = ArticleMeta.builder().url("https://news.example/a").title("A short headline")
            .description("What happened, in a sentence.").image(ImageMeta.of(URI.create("https://news.example/a.jpg"))).build();

    private List<String> codes(ArticleMeta meta, int status, ImageSize size) {
        return lint.check(new PageFacts(meta, status, size)).stream().map(Finding::code).toList();
    }

    @Test
    void passesAGoodCard() {
        assertEquals(List.of(), codes(good, 200, new ImageSize(1200, 630, "image/jpeg")));
    }

    @Test
    void namesEachProblemAndTheNetworksItHurts() {
        List<Finding> f = lint.check(new PageFacts(good, 200, new ImageSize(200, 100, "image/png")));
        Finding small = f.stream().filter(x -> x.code().equals("image-too-small")).findFirst().orElseThrow();
        assertEquals(Set.of("x", "facebook", "linkedin"), small.networks());
        assertTrue(small.message().contains("200 × 100"));
        assertEquals(List.of("image-aspect"), codes(good, 200, new ImageSize(1200, 1200, "image/png")));
        assertEquals(List.of("page-status"), codes(good, 404, new ImageSize(1200, 630, null)));
        assertEquals(List.of("image-missing"), codes(good.toBuilder().image(null).build(), 200, null));
        assertEquals(List.of("image-not-https"), codes(good.toBuilder().image(ImageMeta.of(URI.create("http://news.example/a.jpg"))).build(), 200, null));
        assertEquals(List.of("title-long"), codes(good.toBuilder().title("x".repeat(71)).build(), 200, null));
        assertEquals(List.of("description-missing"), codes(good.toBuilder().description(null).build(), 200, null));
    }

    @Test
    void putsErrorsFirst() {
        List<Finding> f = lint.check(new PageFacts(good.toBuilder().image(null).description(null).build(), 500, null));
        assertEquals(Finding.Severity.ERROR, f.get(0).severity());
        assertEquals(Finding.Severity.WARNING, f.get(f.size() - 1).severity());
    }
}
