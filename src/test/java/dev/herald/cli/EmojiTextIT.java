package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Graphemes;
import dev.herald.syndication.Secret;
import dev.herald.syndication.config.SecretSource;
import dev.herald.testkit.BlueskyPost;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockWebhookReceiver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Emoji and combining marks from an article page reach every network as the reader wrote them:
 * read by the page half's inference, composed, and posted by {@code herald post} to the test kit's
 * Mastodon, Bluesky and webhook fakes.
 */
@ExtendWith(HeraldMockExtension.class)
class EmojiTextIT {
    private static final String URL = "https://ledger.example/articles/emoji.html";
    private static final String FAMILY = "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67\u200D\uD83D\uDC66"; // 👩‍👩‍👧‍👦
    /** One of each kind: flags, skin tones, keycaps, ZWJ sequences, a tag sequence, variation selectors, combining marks. */
    private static final List<String> CLUSTERS = List.of(
            "\uD83C\uDDFA\uD83C\uDDE6",                                   // 🇺🇦 regional-indicator flag
            "\uD83C\uDDEF\uD83C\uDDF5",                                   // 🇯🇵
            "\uD83D\uDC4D\uD83C\uDFFD",                                   // 👍🏽 skin tone
            "\uD83D\uDC4B\uD83C\uDFFF",                                   // 👋🏿
            "1\uFE0F\u20E3",                                              // 1️⃣ keycap
            "#\uFE0F\u20E3",                                              // #️⃣
            FAMILY,                                                       // ZWJ family
            "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08",                       // 🏳️‍🌈 ZWJ with a variation selector
            "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB",                 // 👩🏽‍💻 skin tone inside a ZWJ sequence
            "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC73\uDB40\uDC63\uDB40\uDC74\uDB40\uDC7F", // 🏴󠁧󠁢󠁳󠁣󠁴󠁿 tag sequence
            "\u2764\uFE0F",                                               // ❤️ emoji presentation
            "e\u0301",                                                    // é as e + combining acute
            "n\u0303\u0323");                                             // ṇ̃ two combining marks

    @TempDir
    Path dir;

    private Path config(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks) throws Exception {
        Path file = dir.resolve("herald.yaml");
        Files.writeString(file, """
                accounts:
                  - name: m
                    network: mastodon
                    server: %s
                    token: ${env:M}
                  - name: b
                    network: bluesky
                    service: %s
                    handle: %s
                    password: ${env:B}
                  - name: w
                    network: webhook
                    url: %s
                    secrets: ${env:W}
                """.formatted(mastodon.baseUri(), bluesky.baseUri(), bluesky.handle(), hooks.webhookUri()));
        return file;
    }

    private int post(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks, ManualClock clock, String headline, String summary)
            throws Exception {
        Path page = dir.resolve("article.html");
        Files.writeString(page, "<!doctype html><html lang=en><head><meta charset=utf-8><title>" + headline + "</title>"
                + "<meta property=\"og:description\" content=\"" + summary + "\"></head><body><article><h1>" + headline
                + "</h1><p>Body text.</p></article></body></html>", StandardCharsets.UTF_8);
        Map<String, String> values = Map.of("M", mastodon.accessToken(), "B", bluesky.password(), "W", hooks.secret());
        SecretSource secrets = ref -> Secret.resolve(ref, values::get, name -> null);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HeraldCli.withErrorHandling(new CommandLine(new PostCommand(clock, secrets))).setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err)).execute("--config", config(mastodon, bluesky, hooks).toString(), "--url", URL, page.toString());
        assertEquals(0, exit, out + "\n" + err);
        return exit;
    }

    @Test
    void everyKindOfEmojiAndCombiningMarkReachesEveryNetworkWhole(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks,
            ManualClock clock) throws Exception {
        String summary = "Readers answered with " + String.join(" ", CLUSTERS) + " and more.";
        post(mastodon, bluesky, hooks, clock, "Caf\u00e9 " + FAMILY + " reunion", summary);

        String toot = mastodon.statuses().get(0).text();
        BlueskyPost skeet = bluesky.posts().get(0);
        JsonNode hook = hooks.payloads().get(0).path("data");
        for (String text : List.of(toot, skeet.text(), hook.path("text").asText())) {
            assertTrue(text.contains(summary), "the summary arrives character for character: " + text);
            assertTrue(text.startsWith("Caf\u00e9 " + FAMILY + " reunion"), text);
        }
        assertEquals(summary, hook.path("description").asText(), hook.toString());
        assertEquals(List.of(URL), skeet.facetTexts(), "the link facet's byte range still covers the URL exactly");
        assertTrue(skeet.text().contains(URL));
    }

    @Test
    void aSummaryShortenedForBlueskyIsCutBetweenClustersNeverInsideOne(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver hooks,
            ManualClock clock) throws Exception {
        StringBuilder summary = new StringBuilder("Long ");
        while (Graphemes.count(summary) < 400) summary.append(String.join("", CLUSTERS)).append(' ');
        post(mastodon, bluesky, hooks, clock, "Shortened " + FAMILY, summary.toString().strip());

        String text = bluesky.posts().get(0).text();
        assertTrue(Graphemes.count(text) <= 300, "Bluesky's limit: " + Graphemes.count(text));
        assertTrue(text.contains("\u2026"), "the summary was shortened: " + text);
        String rest = text;
        for (String cluster : CLUSTERS) rest = rest.replace(cluster, "");
        // Whatever is left after removing every whole cluster holds no piece of one.
        for (String piece : List.of("\u200D", "\uFE0F", "\u20E3", "\u0301", "\u0303", "\u0323", "\uD83C\uDFFD", "\uD83C\uDFFF", "\uDB40")) {
            assertFalse(rest.contains(piece), "a cluster was cut: " + text);
        }
        assertTrue(text.endsWith(URL), text);
    }
}
