package dev.herald.meta.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.meta.ImageSize;
import dev.herald.meta.MetaSource;
import dev.herald.meta.ResolvedMeta;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MetaLintTest {
    private static final Set<String> CARDS = Set.of("x", "facebook", "linkedin", "mastodon", "bluesky", "threads", "telegram",
            "discord", "slack");
    private static final URI IMAGE = URI.create("https://news.example/img/lead.jpg");

    /** A page every network shows at its best: nothing to say. */
    private static ArticleMeta good() {
        return ArticleMeta.builder().title("Harbour reopens after the storm").description("Ships are back in port a week after the surge.")
                .url("https://news.example/harbour").image(ImageMeta.of(IMAGE).withSize(1200, 630)).type("article").build();
    }

    private static List<LintFinding> lint(ArticleMeta meta) {
        return MetaLint.check(meta, PageFacts.UNKNOWN);
    }

    private static List<LintFinding> lint(ArticleMeta meta, PageFacts facts) {
        return MetaLint.check(meta, facts);
    }

    private static LintFinding only(List<LintFinding> findings, LintCode code) {
        List<LintFinding> matching = findings.stream().filter(f -> f.code() == code).toList();
        assertEquals(1, matching.size(), findings.toString());
        return matching.get(0);
    }

    private static Optional<LintFinding> find(List<LintFinding> findings, LintCode code) {
        return findings.stream().filter(f -> f.code() == code).findFirst();
    }

    private static ArticleMeta withImage(int width, int height) {
        return good().toBuilder().image(ImageMeta.of(IMAGE).withSize(width, height)).build();
    }

    @Test
    void aWellDescribedPageAnswering200HasNothingToFix() {
        assertEquals(List.of(), lint(good(), PageFacts.UNKNOWN.withStatus(200).withImageSize(new ImageSize(1200, 630, "image/jpeg"))));
        assertEquals(List.of(), lint(good()));
    }

    @Test
    void aPageNotAnswering200IsAnErrorOnEveryCardNetwork() {
        LintFinding f = only(lint(good(), PageFacts.UNKNOWN.withStatus(404)), LintCode.PAGE_NOT_OK);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(CARDS, f.networks());
        assertEquals("the page answers HTTP 404, not 200: networks show no card for it and readers land on an error", f.message());
        assertEquals(Severity.ERROR, only(lint(good(), PageFacts.UNKNOWN.withStatus(500)), LintCode.PAGE_NOT_OK).severity());
        assertEquals(Severity.ERROR, only(lint(good(), PageFacts.UNKNOWN.withStatus(204)), LintCode.PAGE_NOT_OK).severity());
    }

    @Test
    void aRedirectIsAWarningToShareTheTargetInstead() {
        for (int status : new int[] {300, 301, 308, 399}) {
            LintFinding f = only(lint(good(), PageFacts.UNKNOWN.withStatus(status)), LintCode.PAGE_NOT_OK);
            assertEquals(Severity.WARNING, f.severity(), "status " + status);
            assertTrue(f.message().startsWith("the page answers HTTP " + status + ", a redirect"), f.message());
        }
        assertEquals(Severity.ERROR, only(lint(good(), PageFacts.UNKNOWN.withStatus(400)), LintCode.PAGE_NOT_OK).severity());
        assertEquals(Severity.ERROR, only(lint(good(), PageFacts.UNKNOWN.withStatus(299)), LintCode.PAGE_NOT_OK).severity());
    }

    @Test
    void anUnknownStatusSaysNothingAboutThePage() {
        assertTrue(find(lint(good(), PageFacts.UNKNOWN), LintCode.PAGE_NOT_OK).isEmpty());
    }

    @Test
    void aMissingTitleIsAnError() {
        LintFinding f = only(lint(good().toBuilder().title(null).build()), LintCode.TITLE_MISSING);
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(CARDS, f.networks());
    }

    @Test
    void aTitleOverSeventyCharactersIsCutOnXAndOverEightyEightOnFacebook() {
        assertTrue(find(lint(good().toBuilder().title("t".repeat(70)).build()), LintCode.TITLE_TOO_LONG).isEmpty(), "70 fits X");
        LintFinding x = only(lint(good().toBuilder().title("t".repeat(71)).build()), LintCode.TITLE_TOO_LONG);
        assertEquals(Set.of("x"), x.networks());
        assertEquals(Severity.WARNING, x.severity());
        assertEquals("title is 71 characters: cut by X at 70", x.message());
        assertEquals(Set.of("x"), only(lint(good().toBuilder().title("t".repeat(88)).build()), LintCode.TITLE_TOO_LONG).networks());
        LintFinding both = only(lint(good().toBuilder().title("t".repeat(89)).build()), LintCode.TITLE_TOO_LONG);
        assertEquals(List.of("x", "facebook"), List.copyOf(both.networks()), "in the order messages name them");
        assertEquals("title is 89 characters: cut by X at 70, Facebook at 88", both.message());
    }

    @Test
    void aTitleIsCountedInCharactersReadersSeeNotCodeUnits() {
        // 70 flags: 140 code points, 280 UTF-16 units, 70 grapheme clusters.
        assertTrue(find(lint(good().toBuilder().title("\uD83C\uDDEB\uD83C\uDDF7".repeat(70)).build()), LintCode.TITLE_TOO_LONG).isEmpty());
    }

    @Test
    void aVeryLongTitleIsCutByTheNetworksThatTakeItThroughTheirApis() {
        LintFinding f = only(lint(good().toBuilder().title("t".repeat(400)).build()), LintCode.TITLE_TOO_LONG);
        assertEquals(List.of("x", "facebook", "linkedin", "discord"), List.copyOf(f.networks()));
        assertEquals(List.of("x", "facebook", "discord"),
                List.copyOf(only(lint(good().toBuilder().title("t".repeat(399)).build()), LintCode.TITLE_TOO_LONG).networks()));
        assertEquals(List.of("x", "facebook"),
                List.copyOf(only(lint(good().toBuilder().title("t".repeat(256)).build()), LintCode.TITLE_TOO_LONG).networks()));
    }

    @Test
    void aMissingDescriptionHurtsEveryCardNetwork() {
        LintFinding f = only(lint(good().toBuilder().description(null).build()), LintCode.DESCRIPTION_MISSING);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(CARDS, f.networks());
    }

    @Test
    void aDescriptionOverTwoHundredCharactersIsCutOnX() {
        assertTrue(find(lint(good().toBuilder().description("d".repeat(200)).build()), LintCode.DESCRIPTION_TOO_LONG).isEmpty());
        LintFinding f = only(lint(good().toBuilder().description("d".repeat(201)).build()), LintCode.DESCRIPTION_TOO_LONG);
        assertEquals(Set.of("x"), f.networks());
        assertEquals(Severity.INFO, f.severity());
        assertEquals("description is 201 characters: cut by X at 200", f.message());
        assertEquals(List.of("x", "facebook"),
                List.copyOf(only(lint(good().toBuilder().description("d".repeat(301)).build()), LintCode.DESCRIPTION_TOO_LONG).networks()));
    }

    @Test
    void aMissingImageHurtsEveryCardNetworkAndSaysNothingElseAboutImages() {
        List<LintFinding> findings = lint(good().toBuilder().image(null).build());
        LintFinding f = only(findings, LintCode.IMAGE_MISSING);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(CARDS, f.networks());
        assertEquals(1, findings.size(), findings.toString());
    }

    @Test
    void aPlainHttpImageIsAWarning() {
        ArticleMeta meta = good().toBuilder().image(ImageMeta.of(URI.create("http://news.example/img/lead.jpg")).withSize(1200, 630)).build();
        LintFinding f = only(lint(meta), LintCode.IMAGE_NOT_HTTPS);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("x", "facebook", "linkedin"), List.copyOf(f.networks()));
        assertTrue(find(lint(good().toBuilder().image(ImageMeta.of(URI.create("HTTPS://news.example/a.jpg")).withSize(1200, 630)).build()),
                LintCode.IMAGE_NOT_HTTPS).isEmpty(), "the scheme is case-insensitive");
    }

    @Test
    void anImageOfUnknownSizeIsAHintForFacebookAndLinkedIn() {
        LintFinding f = only(lint(good().toBuilder().image(ImageMeta.of(IMAGE)).build()), LintCode.IMAGE_SIZE_UNKNOWN);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of("facebook", "linkedin"), List.copyOf(f.networks()));
        assertTrue(find(lint(good().toBuilder().image(new ImageMeta(IMAGE, 1200, null, null, null)).build()), LintCode.IMAGE_SIZE_UNKNOWN).isPresent(),
                "a width alone is no size");
        assertTrue(find(lint(good().toBuilder().image(new ImageMeta(IMAGE, null, 630, null, null)).build()), LintCode.IMAGE_SIZE_UNKNOWN).isPresent(),
                "a height alone is no size");
    }

    @Test
    void aMeasuredSizeStandsInForTheDeclaredOne() {
        ArticleMeta unsized = good().toBuilder().image(ImageMeta.of(IMAGE)).build();
        assertEquals(List.of(), lint(unsized, PageFacts.UNKNOWN.withImageSize(new ImageSize(1200, 630, null))));
        // The page claims 1200x630; the file is 250x130: the file is what the networks see.
        LintFinding f = only(lint(good(), PageFacts.UNKNOWN.withImageSize(new ImageSize(250, 130, "image/png"))), LintCode.IMAGE_TOO_SMALL);
        assertTrue(f.message().startsWith("the image is 250x130, "), f.message());
    }

    @Test
    void aSmallImageIsTooSmallForALargeCardOnEveryNetworkWithAMinimum() {
        LintFinding f = only(lint(withImage(250, 130)), LintCode.IMAGE_TOO_SMALL);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("x", "facebook", "linkedin"), List.copyOf(f.networks()));
        assertEquals("the image is 250x130, too small for a large card on X (300x157), Facebook (600x315), LinkedIn (401 wide): "
                + "shown as a thumbnail or not at all", f.message());
    }

    @Test
    void eachNetworksLargeCardMinimumIsItsOwn() {
        assertEquals(List.of("x", "facebook", "linkedin"), List.copyOf(only(lint(withImage(299, 300)), LintCode.IMAGE_TOO_SMALL).networks()));
        assertEquals(List.of("x", "facebook"), List.copyOf(only(lint(withImage(1200, 156)), LintCode.IMAGE_TOO_SMALL).networks()));
        assertEquals(List.of("facebook"), List.copyOf(only(lint(withImage(1200, 314)), LintCode.IMAGE_TOO_SMALL).networks()));
        assertEquals(List.of("facebook", "linkedin"), List.copyOf(only(lint(withImage(400, 210)), LintCode.IMAGE_TOO_SMALL).networks()));
        assertEquals(List.of("facebook"), List.copyOf(only(lint(withImage(599, 315)), LintCode.IMAGE_TOO_SMALL).networks()));
        assertTrue(find(lint(withImage(600, 315)), LintCode.IMAGE_TOO_SMALL).isEmpty(), "600x315 is Facebook's large card");
        assertTrue(find(lint(withImage(300, 157)), LintCode.IMAGE_TOO_SMALL).map(f -> !f.networks().contains("x")).orElse(true),
                "300x157 is X's large card");
    }

    @Test
    void aLargeCardImageBelowTheRecommendedSizeIsAHint() {
        LintFinding f = only(lint(withImage(800, 420)), LintCode.IMAGE_LOW_RESOLUTION);
        assertEquals(Severity.INFO, f.severity());
        assertEquals(List.of("facebook", "linkedin"), List.copyOf(f.networks()));
        assertEquals("the image is 800x420, below the recommended Facebook 1200x630, LinkedIn 1200x627: it looks soft on sharp screens", f.message());
        assertEquals(List.of("facebook"), List.copyOf(only(lint(withImage(1200, 628)), LintCode.IMAGE_LOW_RESOLUTION).networks()));
        assertEquals(List.of("facebook", "linkedin"), List.copyOf(only(lint(withImage(1199, 700)), LintCode.IMAGE_LOW_RESOLUTION).networks()));
        assertTrue(find(lint(withImage(1200, 630)), LintCode.IMAGE_LOW_RESOLUTION).isEmpty());
    }

    @Test
    void anImageTooSmallForANetworkIsNotAlsoBlurredOrCroppedThere() {
        List<LintFinding> findings = lint(withImage(500, 500));
        assertEquals(List.of("facebook"), List.copyOf(only(findings, LintCode.IMAGE_TOO_SMALL).networks()));
        assertEquals(List.of("linkedin"), List.copyOf(only(findings, LintCode.IMAGE_LOW_RESOLUTION).networks()));
        assertEquals(List.of("x", "linkedin"), List.copyOf(only(findings, LintCode.IMAGE_ASPECT_RATIO).networks()));
    }

    @Test
    void aSquareImageIsCroppedByHalfOnEveryLargeCard() {
        LintFinding f = only(lint(withImage(1200, 1200)), LintCode.IMAGE_ASPECT_RATIO);
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(List.of("x", "facebook", "linkedin"), List.copyOf(f.networks()));
        assertEquals("the image is 1200x1200 (1:1): large cards crop it, X 50 % to 2:1, Facebook 48 % to 1.91:1, LinkedIn 48 % to 1.91:1",
                f.message());
    }

    @Test
    void aWidescreenImageIsCloseEnoughButThreeByTwoIsNot() {
        assertTrue(find(lint(withImage(1600, 900)), LintCode.IMAGE_ASPECT_RATIO).isEmpty(), "16:9 loses 11 % on X");
        assertTrue(find(lint(withImage(2400, 1200)), LintCode.IMAGE_ASPECT_RATIO).isEmpty(), "2:1 loses 5 % on Facebook");
        assertEquals(List.of("x", "facebook", "linkedin"), List.copyOf(only(lint(withImage(1500, 1000)), LintCode.IMAGE_ASPECT_RATIO).networks()));
        assertEquals(List.of("facebook", "linkedin"), List.copyOf(only(lint(withImage(2300, 1000)), LintCode.IMAGE_ASPECT_RATIO).networks()),
                "2.3:1 loses 13 % on X's 2:1 but 17 % on 1.91:1");
    }

    @Test
    void cropIsTheShareOfTheImageLostWhicheverWayItIsTooLong() {
        assertEquals(0.0, MetaLint.cropped(2.0, 2.0), 1e-9);
        assertEquals(0.5, MetaLint.cropped(1.0, 2.0), 1e-9);
        assertEquals(0.5, MetaLint.cropped(4.0, 2.0), 1e-9);
        assertEquals(1 - 1.6 / 2.0, MetaLint.cropped(1.6, 2.0), 1e-9);
    }

    @Test
    void errorsComeFirstThenWarningsThenHints() {
        ArticleMeta meta = ArticleMeta.builder().description("d".repeat(250)).image(ImageMeta.of(URI.create("http://news.example/a.jpg"))).build();
        List<LintFinding> findings = lint(meta, PageFacts.UNKNOWN.withStatus(410));
        assertEquals(List.of(LintCode.PAGE_NOT_OK, LintCode.TITLE_MISSING, LintCode.IMAGE_NOT_HTTPS, LintCode.DESCRIPTION_TOO_LONG,
                LintCode.IMAGE_SIZE_UNKNOWN), findings.stream().map(LintFinding::code).toList());
    }

    @Test
    void resolvedMetadataIsCheckedByItsMergedValue() {
        ResolvedMeta resolved = ResolvedMeta.resolve(Map.of(MetaSource.INFERRED, good().toBuilder().description(null).build()));
        assertEquals(List.of(LintCode.DESCRIPTION_MISSING), MetaLint.check(resolved, PageFacts.UNKNOWN).stream().map(LintFinding::code).toList());
    }

    @Test
    void argumentsAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> MetaLint.check((ArticleMeta) null, PageFacts.UNKNOWN));
        assertThrows(IllegalArgumentException.class, () -> MetaLint.check(good(), null));
        assertThrows(IllegalArgumentException.class, () -> MetaLint.check((ResolvedMeta) null, PageFacts.UNKNOWN));
    }
}
