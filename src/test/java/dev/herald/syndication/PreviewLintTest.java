package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.lint.LintCode;
import dev.herald.meta.lint.LintFinding;
import dev.herald.meta.lint.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-account half of the metadata lint: text that will be cut, or refused. */
class PreviewLintTest {
    private static Preview preview(ComposedText text) {
        return new Preview("news-x", "x", text, "{}");
    }

    @Test
    void aTextThatFitsWholeHasNothingToSay() {
        assertEquals(List.of(), preview(new ComposedText("Harbour reopens https://n.example/h", 32, 280, true, List.of())).lint());
    }

    @Test
    void aShortenedTextSaysWhatWasCutForItsAccountAndNetwork() {
        LintFinding f = preview(new ComposedText("Harbour… https://n.example/h", 280, 280, true,
                List.of("summary shortened", "hashtag #storm dropped"))).lint().get(0);
        assertEquals(LintCode.TEXT_CUT, f.code());
        assertEquals(Severity.WARNING, f.severity());
        assertEquals(Set.of("x"), f.networks());
        assertEquals("account 'news-x': summary shortened; hashtag #storm dropped to fit 280/280", f.message());
    }

    @Test
    void aTextOverTheLimitIsAnErrorNotACut() {
        List<LintFinding> findings = preview(new ComposedText("x".repeat(300), 300, 280, false, List.of("headline dropped"))).lint();
        assertEquals(1, findings.size(), findings.toString());
        assertEquals(LintCode.TEXT_TOO_LONG, findings.get(0).code());
        assertEquals(Severity.ERROR, findings.get(0).severity());
        assertTrue(findings.get(0).message().startsWith("account 'news-x': the post is 300/280, over the network's limit"), findings.get(0).message());
    }

    @Test
    void aComposedPostThatMustGiveWayIsReportedAsCut() {
        TextRules rules = new TextRules(60, Integer.MAX_VALUE, -1);
        dev.herald.meta.ArticleMeta article = dev.herald.meta.ArticleMeta.builder().title("Harbour reopens after the storm")
                .description("Ships are back in port a week after the surge, and the fish market opens on Monday.")
                .url("https://n.example/h").build();
        ComposedText text = Composer.compose(article, MessageTemplate.defaults(), rules);
        assertTrue(text.shortened(), text.toString());
        assertEquals(LintCode.TEXT_CUT, preview(text).lint().get(0).code());
    }

    @Test
    void everyNetworkTheMetadataLintNamesIsAnInstalledNetwork() {
        dev.herald.meta.ArticleMeta worst = dev.herald.meta.ArticleMeta.builder().title("t".repeat(500)).description("d".repeat(5000))
                .image(dev.herald.meta.ImageMeta.of(java.net.URI.create("http://n.example/a.png")).withSize(100, 100)).build();
        List<LintFinding> findings = new java.util.ArrayList<>(dev.herald.meta.lint.MetaLint.check(worst, dev.herald.meta.lint.PageFacts.UNKNOWN.withStatus(404)));
        findings.addAll(dev.herald.meta.lint.MetaLint.check(worst.toBuilder().title(null).description(null).image(null).build(),
                dev.herald.meta.lint.PageFacts.UNKNOWN));
        Set<String> installed = NetworkRegistry.installed().names();
        for (LintFinding f : findings) assertTrue(installed.containsAll(f.networks()), f.toLine());
        assertEquals(9, findings.stream().filter(f -> f.code() == LintCode.IMAGE_MISSING).findFirst().orElseThrow().networks().size(),
                "every network that shows a card: not webhooks or WebSub hubs");
    }
}
