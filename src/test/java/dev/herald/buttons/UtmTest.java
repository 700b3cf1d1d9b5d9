package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UtmTest {
    @Test
    void addsSourceMediumAndCampaignToAUrlWithoutQuery() {
        assertEquals("https://herald.example/world/iran?utm_source=facebook&utm_medium=social&utm_campaign=share",
                Utm.DEFAULT.tag(URI.create("https://herald.example/world/iran"), Network.FACEBOOK).toString());
    }

    @Test
    void keepsExistingParametersInOrderWithTheirExactEncoding() {
        assertEquals("https://herald.example/a?id=7&q=a%2Fb%20c&utm_source=x&utm_medium=social&utm_campaign=share",
                Utm.DEFAULT.tag(URI.create("https://herald.example/a?id=7&q=a%2Fb%20c"), Network.X).toString());
    }

    @Test
    void replacesUtmParametersAlreadyPresentInsteadOfRepeatingThem() {
        assertEquals("https://herald.example/a?id=7&ref=home&utm_source=reddit&utm_medium=social&utm_campaign=share",
                Utm.DEFAULT.tag(URI.create("https://herald.example/a?utm_source=newsletter&id=7&utm_medium=email&ref=home&utm_campaign=spring"),
                        Network.REDDIT).toString());
    }

    @Test
    void keepsTheFragmentAfterTheQuery() {
        assertEquals("https://herald.example/a?id=7&utm_source=bluesky&utm_medium=social&utm_campaign=share#comments",
                Utm.DEFAULT.tag(URI.create("https://herald.example/a?id=7#comments"), Network.BLUESKY).toString());
    }

    @Test
    void taggingTwiceChangesNothing() {
        URI once = Utm.DEFAULT.tag(URI.create("https://herald.example/a?id=7"), Network.THREADS);
        assertEquals(once, Utm.DEFAULT.tag(once, Network.THREADS));
    }

    @Test
    void percentEncodesACustomCampaign() {
        assertEquals("https://herald.example/?utm_source=email&utm_medium=social&utm_campaign=spring%20sale%20%26%20more",
                Utm.campaign("spring sale & more").tag(URI.create("https://herald.example/"), Network.EMAIL).toString());
    }

    @Test
    void keepsNonAsciiPathsAsAsciiUrl() {
        assertEquals("https://herald.example/caf%C3%A9?utm_source=x&utm_medium=social&utm_campaign=share",
                Utm.DEFAULT.tag(URI.create("https://herald.example/café"), Network.X).toString());
    }

    @Test
    void rejectsLineBreaksInValues() {
        assertThrows(IllegalArgumentException.class, () -> new Utm("social", "a\r\nSet-Cookie: x=1"));
    }
}
