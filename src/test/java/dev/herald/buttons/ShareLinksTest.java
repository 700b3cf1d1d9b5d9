package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShareLinksTest {
    // Curly quotes as in the seed article, an ampersand, spaces and a flag emoji (two code points).
    static final String TITLE = "Iran’s “escalation” & Trump’s response 🇺🇸";
    static final String T = "Iran%E2%80%99s%20%E2%80%9Cescalation%E2%80%9D%20%26%20Trump%E2%80%99s%20response%20%F0%9F%87%BA%F0%9F%87%B8";
    static final String PAGE = "https://herald.example/world/iran-retaliation?id=7&lang=en";
    static final String U = "https%3A%2F%2Fherald.example%2Fworld%2Firan-retaliation%3Fid%3D7%26lang%3Den";
    static final String IMAGE = "https://herald.example/img/missiles.jpg";

    static final ArticleMeta META = ArticleMeta.builder()
            .title(TITLE)
            .url(PAGE)
            .twitterSite("@HeraldNews")
            .tags(List.of("Iran", "Middle East", "Soleimani"))
            .build();

    private static String intent(Network n, ArticleMeta meta) {
        return ShareLinks.intent(n, meta).orElseThrow().toString();
    }

    @Test
    void facebook() {
        assertEquals("https://www.facebook.com/sharer/sharer.php?u=" + U, intent(Network.FACEBOOK, META));
    }

    @Test
    void xCarriesTextUrlViaAndTheTagsThatAreHashtags() {
        assertEquals("https://x.com/intent/tweet?text=" + T + "&url=" + U + "&via=HeraldNews&hashtags=Iran%2CSoleimani",
                intent(Network.X, META));
    }

    @Test
    void linkedin() {
        assertEquals("https://www.linkedin.com/sharing/share-offsite/?url=" + U, intent(Network.LINKEDIN, META));
    }

    @Test
    void reddit() {
        assertEquals("https://www.reddit.com/submit?url=" + U + "&title=" + T, intent(Network.REDDIT, META));
    }

    @Test
    void blueskyPutsTheUrlInsideTheText() {
        assertEquals("https://bsky.app/intent/compose?text=" + T + "%20" + U, intent(Network.BLUESKY, META));
    }

    @Test
    void threads() {
        assertEquals("https://www.threads.net/intent/post?text=" + T + "&url=" + U, intent(Network.THREADS, META));
    }

    @Test
    void whatsappSendsTitleSpaceUrl() {
        assertEquals("https://api.whatsapp.com/send?text=" + T + "%20" + U, intent(Network.WHATSAPP, META));
    }

    @Test
    void telegram() {
        assertEquals("https://t.me/share/url?url=" + U + "&text=" + T, intent(Network.TELEGRAM, META));
    }

    @Test
    void pinterestWithImage() {
        ArticleMeta meta = META.toBuilder().image(ImageMeta.of(URI.create(IMAGE))).build();
        assertEquals("https://www.pinterest.com/pin/create/link/?url=" + U
                        + "&media=https%3A%2F%2Fherald.example%2Fimg%2Fmissiles.jpg&description=" + T,
                intent(Network.PINTEREST, meta));
    }

    @Test
    void pinterestIsSkippedWithoutAnImage() {
        assertEquals(Optional.empty(), ShareLinks.intent(Network.PINTEREST, META));
    }

    @Test
    void hackerNews() {
        assertEquals("https://news.ycombinator.com/submitlink?u=" + U + "&t=" + T, intent(Network.HACKER_NEWS, META));
    }

    @Test
    void emailFollowsRfc6068WithTheHeadlineAsSubjectAndTheLinkAsBody() {
        assertEquals("mailto:?subject=" + T + "&body=" + U, intent(Network.EMAIL, META));
    }

    @Test
    void emailBodyLeavesTheDescriptionOutOfThePage() {
        ArticleMeta meta = META.toBuilder().description("Tehran says it is done.").build();
        assertEquals("mailto:?subject=" + T + "&body=" + U, intent(Network.EMAIL, meta));
    }

    @Test
    void copyAndShareUseThePageUrlItself() {
        assertEquals(PAGE, intent(Network.COPY, META));
        assertEquals(PAGE, intent(Network.SHARE, META));
    }

    @Test
    void mastodonHasNoStaticIntent() {
        assertEquals(Optional.empty(), ShareLinks.intent(Network.MASTODON, META));
    }

    @Test
    void nothingIsSharedWithoutAUrl() {
        for (Network n : Network.values()) {
            assertEquals(Optional.empty(), ShareLinks.intent(n, ArticleMeta.builder().title("x").build()), n.id());
        }
    }

    @Test
    void theSeedHeadlineEncodesSpacesAsPercent20AndTheCommaAsPercent2C() {
        ArticleMeta seed = ArticleMeta.builder()
                .title("Iran says retaliation for US strike is complete, will not seek escalation")
                .url("https://herald.example/world/iran-retaliation").build();
        assertEquals("https://www.reddit.com/submit?url=https%3A%2F%2Fherald.example%2Fworld%2Firan-retaliation"
                        + "&title=Iran%20says%20retaliation%20for%20US%20strike%20is%20complete%2C%20will%20not%20seek%20escalation",
                intent(Network.REDDIT, seed));
    }

    @Test
    void theSiteNameStandsInForAMissingTitle() {
        ArticleMeta meta = ArticleMeta.builder().siteName("The Herald").url("https://herald.example/a").build();
        assertEquals("https://t.me/share/url?url=https%3A%2F%2Fherald.example%2Fa&text=The%20Herald", intent(Network.TELEGRAM, meta));
    }

    @Test
    void parametersAreLeftOutWhenThereIsNoText() {
        ArticleMeta meta = ArticleMeta.builder().url("https://herald.example/a").build();
        assertEquals("https://x.com/intent/tweet?url=https%3A%2F%2Fherald.example%2Fa", intent(Network.X, meta));
        assertEquals("https://bsky.app/intent/compose?text=https%3A%2F%2Fherald.example%2Fa", intent(Network.BLUESKY, meta));
        assertEquals("mailto:?body=https%3A%2F%2Fherald.example%2Fa", intent(Network.EMAIL, meta));
    }

    @Test
    void aHostileTitleIsFullyPercentEncoded() {
        ArticleMeta meta = META.toBuilder().title("\"><script>alert(1)</script>&x=javascript:").build();
        String url = intent(Network.REDDIT, meta);
        assertEquals("https://www.reddit.com/submit?url=" + U
                + "&title=%22%3E%3Cscript%3Ealert%281%29%3C%2Fscript%3E%26x%3Djavascript%3A", url);
    }

    @Test
    void hackerNewsTitlesAreCutToEightyCharactersAtAWord() {
        String title = "Iran says retaliation for US strike is complete and that it will not seek any further escalation of the conflict";
        String t = param(intent(Network.HACKER_NEWS, META.toBuilder().title(title).build()), "t");
        assertTrue(t.codePointCount(0, t.length()) <= 80, t);
        assertEquals("Iran says retaliation for US strike is complete and that it will not seek any…", t);
    }

    @Test
    void aLongXPostStaysWithin280WeightedCharacters() {
        String title = "Iran’s foreign minister says the strikes were proportionate and concluded; ".repeat(6);
        String url = intent(Network.X, META.toBuilder().title(title).build());
        String text = param(url, "text");
        assertTrue(text.endsWith("…"), text);
        // X shows: text, space, link (23), " via @HeraldNews", then " #tag" for each hashtag.
        int total = ShareText.xWeight(text) + 1 + 23 + ShareText.xWeight(" via @HeraldNews");
        String tags = param(url, "hashtags");
        if (tags != null) for (String tag : tags.split(",")) total += ShareText.xWeight(" #" + tag);
        assertTrue(total <= 280, "weighted length " + total);
        assertTrue(total > 250, "should use the room it has, used " + total);
    }

    @Test
    void aLongBlueskyPostStaysWithin300GraphemesIncludingTheUrl() {
        String title = "🇺🇸 and 🇮🇷: what the missile strikes on Ain al-Asad mean for the region. ".repeat(8);
        String text = param(intent(Network.BLUESKY, META.toBuilder().title(title).build()), "text");
        assertTrue(text.endsWith(" " + PAGE), text);
        assertTrue(ShareText.graphemeCount(text) <= 300, "graphemes " + ShareText.graphemeCount(text));
    }

    @Test
    void mastodonIntentGoesToTheReadersServerWithTextAndUrl() {
        assertEquals("https://mastodon.social/share?text=" + T + "%20" + U,
                ShareLinks.mastodonIntent("Mastodon.Social", META).toString());
    }

    @Test
    void mastodonIntentConvertsInternationalServerNamesToPunycodeAndKeepsAPort() {
        assertEquals("https://xn--bcher-kva.social:8443/share?text=" + T + "%20" + U,
                ShareLinks.mastodonIntent("bücher.social:8443", META).toString());
    }

    @Test
    void mastodonIntentRejectsAnythingButAHostName() {
        for (String bad : List.of("evil.example/path", "user@evil.example", "127.0.0.1", "[::1]", "localhost",
                "javascript:alert(1)", "evil.example:99999", "evil.example:0", "https://evil.example", "a b.example",
                "evil.example?x=1", "evil.example#x", "-bad.example", "evil.example\r\nX: y", "")) {
            assertThrows(IllegalArgumentException.class, () -> ShareLinks.mastodonIntent(bad, META), bad);
        }
    }

    @Test
    void endpointLinkCarriesTheUntaggedUrlAndTheHeadline() {
        assertEquals("https://herald.example/share/x?url=" + U + "&text=" + T,
                ShareLinks.endpointLink(URI.create("https://herald.example/share/"), Network.X, META).toString());
    }

    @Test
    void endpointLinksForNetworksThatTakeOnlyTheUrlCarryNoHeadline() {
        URI endpoint = URI.create("https://herald.example/share");
        for (Network n : List.of(Network.FACEBOOK, Network.LINKEDIN)) {
            String link = ShareLinks.endpointLink(endpoint, n, META).toString();
            assertFalse(link.contains("text="), link);
            assertTrue(link.contains("url="), link);
        }
        assertTrue(ShareLinks.endpointLink(endpoint, Network.REDDIT, META).toString().contains("text="));
    }

    @Test
    void networksSaidToTakeNoTextIgnoreTheHeadlineInTheirIntents() {
        ArticleMeta other = META.toBuilder().title("A different headline altogether").build();
        for (Network n : Network.values()) {
            if (n.takesText()) continue;
            assertEquals(ShareLinks.intent(n, META), ShareLinks.intent(n, other), n.id());
        }
        assertFalse(ShareLinks.intent(Network.X, META).equals(ShareLinks.intent(Network.X, other)), "X does take the text");
    }

    @Test
    void endpointLinkForPinterestCarriesTheImage() {
        ArticleMeta meta = META.toBuilder().image(ImageMeta.of(URI.create(IMAGE))).build();
        assertEquals("https://herald.example/share/pinterest?url=" + U + "&text=" + T
                        + "&media=https%3A%2F%2Fherald.example%2Fimg%2Fmissiles.jpg",
                ShareLinks.endpointLink(URI.create("https://herald.example/share"), Network.PINTEREST, meta).toString());
    }

    @Test
    void hrefTagsTheUrlWithUtmForDirectLinks() {
        ButtonOptions options = ButtonOptions.builder().utm(true).build();
        String href = ShareLinks.href(Network.FACEBOOK, META, options).orElseThrow().toString();
        assertEquals(PAGE + "&utm_source=facebook&utm_medium=social&utm_campaign=share", param(href, "u"));
    }

    @Test
    void hrefGoesThroughTheEndpointWithTheCleanUrlWhenOneIsConfigured() {
        ButtonOptions options = ButtonOptions.builder().utm(true).endpoint("/share").build();
        assertEquals("https://herald.example/share/reddit?url=" + U + "&text=" + T,
                ShareLinks.href(Network.REDDIT, META, options).orElseThrow().toString());
    }

    @Test
    void hrefKeepsEmailAsMailtoEvenWithAnEndpoint() {
        ButtonOptions options = ButtonOptions.builder().endpoint("/share").build();
        assertTrue(ShareLinks.href(Network.EMAIL, META, options).orElseThrow().toString().startsWith("mailto:?"));
    }

    @Test
    void hrefForMastodonExistsOnlyWithAnEndpoint() {
        assertEquals(Optional.empty(), ShareLinks.href(Network.MASTODON, META, ButtonOptions.DEFAULTS));
        assertEquals("https://herald.example/share/mastodon?url=" + U + "&text=" + T,
                ShareLinks.href(Network.MASTODON, META, ButtonOptions.builder().endpoint("/share").build()).orElseThrow().toString());
    }

    /** Reads one query parameter the way a browser would, independently of Herald's encoder. */
    static String param(String url, String name) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = url.substring(url.indexOf('?') + 1);
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params.get(name);
    }
}
