package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.herald.internal.Graphemes;
import dev.herald.internal.TextFit;
import dev.herald.meta.ArticleMeta;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Fuzzes the composer with arbitrary headlines, summaries, tags, templates and limits. Every build
 * replays the committed corpus in {@code src/test/resources/dev/herald/syndication/ComposerFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=ComposerFuzzTest} searches for new inputs.
 */
class ComposerFuzzTest {
    private static final List<String> TEMPLATES = List.of(MessageTemplate.DEFAULT_PATTERN, "{headline} {url}",
            "{headline}\n{summary}\n{url} {hashtags}", "{mentions} {headline}: {summary} {url}", "{summary}\n\n{url}\n{headline}");
    private static final String URL_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789-/_";

    @FuzzTest(maxDuration = "2m")
    void aComposedPostNeverExceedsTheLimitNorCutsTheUrlOrAGraphemeCluster(FuzzedDataProvider data) {
        TextRules rules = switch (data.consumeInt(0, 3)) {
            case 0 -> TextRules.BLUESKY;
            case 1 -> TextRules.mastodon(500, 23);
            case 2 -> TextRules.mastodon(data.consumeInt(1, 600), 23);
            default -> new TextRules(data.consumeInt(1, 400), data.consumeInt(1, 3000), -1);
        };
        String pattern = TEMPLATES.get(data.consumeInt(0, TEMPLATES.size() - 1));
        List<String> hashtags = strings(data, 4, 40);
        List<String> mentions = strings(data, 2, 30);
        List<String> tags = strings(data, 4, 40);
        StringBuilder path = new StringBuilder();
        for (char c : data.consumeString(120).toCharArray()) path.append(URL_CHARS.charAt(Math.floorMod(c, URL_CHARS.length())));
        String url = "https://news.example/" + path;
        String headline = data.consumeString(400);
        String summary = data.consumeRemainingAsString();
        ArticleMeta article;
        MessageTemplate template;
        try {
            article = ArticleMeta.builder().url(url).title(headline).description(summary).tags(tags).build();
            template = new MessageTemplate(pattern, hashtags, mentions, true, 3);
        } catch (IllegalArgumentException refused) {
            return; // input the model refuses with a clear error is not the composer's to handle
        }

        ComposedText post = Composer.compose(article, template, rules);

        assertEquals(rules.fits(post.text()), post.fits(), "fits() tells the truth");
        assertEquals(rules.length(post.text()), post.length());
        MessageTemplate bare = new MessageTemplate(pattern, List.of(), List.of(), false, 0);
        String urlOnly = Composer.render(bare, Composer.Parts.of(ArticleMeta.builder().url(url).build(), bare));
        if (rules.fits(urlOnly)) {
            assertTrue(post.fits(), "a post that can fit does: " + post);
            assertTrue(post.length() <= rules.maxLength());
        }
        assertTrue(post.text().contains(url), "the URL is whole: " + post.text());

        Set<String> whole = new HashSet<>(Graphemes.split(Composer.render(template, Composer.Parts.of(article, template))));
        whole.add(TextFit.ELLIPSIS);
        for (String cluster : Graphemes.split(post.text())) {
            assertTrue(whole.contains(cluster) || cluster.isBlank(), "cluster " + codePoints(cluster) + " is a piece of one: " + post.text());
        }
    }

    @FuzzTest(maxDuration = "1m")
    void shorteningCutsOnlyBetweenGraphemeClusters(FuzzedDataProvider data) {
        int budget = data.consumeInt(0, 300);
        String text = data.consumeRemainingAsString();
        String fitted = TextFit.fit(text, budget, Graphemes::count);
        if (fitted.equals(text)) {
            assertTrue(Graphemes.count(text) <= budget);
            return;
        }
        assertTrue(Graphemes.count(fitted) <= budget, "within the budget");
        if (fitted.isEmpty()) return;
        assertTrue(fitted.endsWith(TextFit.ELLIPSIS), fitted);
        String kept = fitted.substring(0, fitted.length() - TextFit.ELLIPSIS.length());
        assertTrue(text.startsWith(kept), "a prefix of the text");
        assertEquals(kept.length(), Graphemes.boundaryAtOrBefore(text, kept.length()),
                "cut between clusters of " + codePoints(text) + " at " + kept.length());
    }

    private static List<String> strings(FuzzedDataProvider data, int most, int length) {
        List<String> out = new ArrayList<>();
        for (int i = data.consumeInt(0, most); i > 0; i--) out.add(data.consumeString(length));
        return out;
    }

    private static String codePoints(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> out.append(String.format("U+%04X ", cp)));
        return out.toString().strip();
    }
}
