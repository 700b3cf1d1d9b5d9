package dev.herald.syndication.websub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.syndication.TextRules;
import org.junit.jupiter.api.Test;

/** What the WebSub provider tells the rest of Herald about a ping. */
class WebSubNetworkTest {
    @Test
    void aPingCarriesNoTextSoNothingIsEverCutForIt() {
        assertEquals(TextRules.UNLIMITED, new WebSubNetwork().textRules());
    }
}
