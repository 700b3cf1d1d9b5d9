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
}
