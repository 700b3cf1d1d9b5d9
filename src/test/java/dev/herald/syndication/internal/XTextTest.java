package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.MessageTemplate;
import org.junit.jupiter.api.Test;

class XTextTest {
    @Test
    void latinTextWeighsOnePerCharacter() {
        assertEquals(5, XText.length("Hello"));
        assertEquals(7, XText.length("Zürich!"));
    }

    @Test
    void cjkWeighsTwoPerCharacter() {
        assertEquals(8, XText.length("伊朗报复"));
        assertEquals(6, XText.length("ニュー"));
    }

    @Test
    void anEmojiSequenceWeighsTwoWhateverItsCodePoints() {
        assertEquals(2, XText.length("😀"));
        assertEquals(2, XText.length("👨‍👩‍👧‍👦"), "a ZWJ family of seven code points");
        assertEquals(2, XText.length("🇺🇸"), "a flag of two regional indicators");
        assertEquals(2, XText.length("👍🏽"), "a skin tone");
        assertEquals(2, XText.length("1️⃣"), "a keycap");
        assertEquals(2, XText.length("❤️"), "a text symbol made emoji by U+FE0F");
        assertEquals(6, XText.length("a😀b🇺🇸"));
    }

    @Test
    void everyUrlWeighs23HoweverLong() {
        assertEquals(23, XText.length("https://a.co"));
        assertEquals(23 + 1 + 23, XText.length("https://ledger.example/a/very/long/path/that/goes/on/and/on/and/on?utm=1 http://b.example"));
        assertEquals(23 + 1, XText.length("https://ledger.example/x."), "the full stop after a link is text");
    }

    @Test
    void textIsNormalisedToNfcFirst() {
        assertEquals(1, XText.length("e\u0301"), "e + combining acute is é");
        assertEquals(2, XText.length("\u1100\u1161"), "Hangul jamo compose to one syllable outside the light ranges");
    }

    @Test
    void typographicPunctuationInTheLightRangesWeighsOne() {
        assertEquals(4, XText.length("“—”′"));
    }

    /** Herald's counter and the fake's, written apart, agree on every tricky case. */
    @Test
    void agreesWithTheFakesIndependentCount() {
        for (String text : java.util.List.of("Hello", "Zürich e\u0301", "伊朗报复 ニュース 뉴스", "😀 👨‍👩‍👧‍👦 🇺🇸🇮🇷 👍🏽 1️⃣ ❤️ ☺",
                "“quotes” — ‘dash’ … ′", "a https://ledger.example/x. b http://c.example/(x)", "Ελληνικά русский עברית العربية हिन्दी",
                "🏴󠁧󠁢󠁳󠁣󠁴󠁿 and ©® ™")) {
            assertEquals(dev.herald.testkit.MockX.weightedLength(text), XText.length(text), text);
        }
    }

    @Test
    void theSeedArticleComposedForXWeighsAtMost280() {
        String headline = "Iran says retaliation for US strike is complete, will not seek “escalation”";
        String summary = "Iran does not intend to enter into a war with the United States, the regime said late Tuesday after retaliating "
                + "for the killing of its top general, Qassem Soleimani. The regime appeared to back down from the brink of major conflict.";
        ArticleMeta seed = ArticleMeta.builder().title(headline).description(summary)
                .url("https://ledger.example/world/2020/01/08/iran-says-retaliation-for-us-strike-is-complete-will-not-seek-escalation").build();

        ComposedText text = Composer.compose(seed, MessageTemplate.defaults().withPattern("{headline} 🇮🇷\n\n{summary}\n\n{url}"), XText.RULES);

        assertTrue(text.fits());
        assertEquals(280, text.limit());
        // 75 headline + 1 space + 2 flag + 2 + summary + 2 + 23 URL: the summary is cut to fill exactly what is left.
        assertTrue(text.length() <= 280 && text.length() >= 275, "weighted " + text.length());
        assertTrue(text.adjustments().contains("summary shortened"), text.adjustments().toString());
        assertEquals(XText.length(text.text()), text.length());
    }
}
