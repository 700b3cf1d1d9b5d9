package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.TextRules;
import org.junit.jupiter.api.Test;

class TextLimitsTest {
    @Test
    void aTextOverTheNetworksLimitIsRefusedSayingByHowMuch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextLimits.defaults().check("sky", "bluesky", "x".repeat(302)));
        assertTrue(e.getMessage().contains("'sky'") && e.getMessage().contains("300") && e.getMessage().contains("by 2"), e.getMessage());
    }

    @Test
    void mastodonCountsEveryLinkAs23Characters() {
        String text = "x".repeat(476) + " https://news.example/" + "a".repeat(200);
        assertDoesNotThrow(() -> TextLimits.defaults().check("main", "mastodon", text)); // 476 + 1 + 23 = 500
        assertThrows(IllegalArgumentException.class, () -> TextLimits.defaults().check("main", "mastodon", "y" + text));
    }

    @Test
    void aNetworkWithoutALimitTakesAnyLengthAndALimitCanBeRaised() {
        assertDoesNotThrow(() -> TextLimits.defaults().check("hook", "webhook", "z".repeat(9000)));
        assertDoesNotThrow(() -> TextLimits.defaults().with("Mastodon", TextRules.mastodon(5000, 23)).check("main", "mastodon", "z".repeat(4000)));
    }

    @Test
    void everyInstalledNetworkIsCheckedByItsOwnRuleUnderItsNameAndAliases() {
        // X weighs CJK characters 2: 141 of them are 282, over 280; 140 fit.
        assertThrows(IllegalArgumentException.class, () -> TextLimits.defaults().check("x", "x", "漢".repeat(141)));
        assertThrows(IllegalArgumentException.class, () -> TextLimits.defaults().check("x", "twitter", "漢".repeat(141)));
        assertDoesNotThrow(() -> TextLimits.defaults().check("x", "x", "漢".repeat(140)));
        assertThrows(IllegalArgumentException.class, () -> TextLimits.defaults().check("t", "threads", "t".repeat(501)));
        assertDoesNotThrow(() -> TextLimits.defaults().check("t", "threads", "t".repeat(500)));
    }

    @Test
    void aRegistryOfOneNetworkLimitsThatNetworkOnly() {
        var registry = new dev.herald.syndication.NetworkRegistry(java.util.List.of(new dev.herald.syndication.mastodon.MastodonNetwork()));
        TextLimits limits = TextLimits.of(registry);
        assertThrows(IllegalArgumentException.class, () -> limits.check("m", "mastodon", "m".repeat(501)));
        assertDoesNotThrow(() -> limits.check("x", "x", "漢".repeat(400)));
    }
}
