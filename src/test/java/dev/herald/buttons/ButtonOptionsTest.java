package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class ButtonOptionsTest {
    @Test
    void defaultsAreTheDefaultNetworksInARowWithScriptAndStyle() {
        ButtonOptions d = ButtonOptions.DEFAULTS;
        assertEquals(Network.defaults(), d.networks());
        assertEquals(Layout.ROW, d.layout());
        assertTrue(d.script() && d.style());
        assertNull(d.utm());
        assertNull(d.endpoint());
    }

    @Test
    void resolvesASitePathEndpointAgainstThePageOrigin() {
        ButtonOptions o = ButtonOptions.builder().endpoint("/herald/share/").build();
        assertEquals("/herald/share", o.endpoint());
        assertEquals(URI.create("https://herald.example:8443/herald/share"),
                o.endpointFor(URI.create("https://herald.example:8443/world/a?id=1#c")));
    }

    @Test
    void leavesUserInfoOfThePageUrlOutOfTheEndpoint() {
        assertEquals(URI.create("https://herald.example/share"),
                ButtonOptions.builder().endpoint("/share").build().endpointFor(URI.create("https://editor:pw@herald.example/a")));
    }

    @Test
    void acceptsAnAbsoluteEndpoint() {
        ButtonOptions o = ButtonOptions.builder().endpoint("https://share.herald.example/s/").build();
        assertEquals(URI.create("https://share.herald.example/s"), o.endpointFor(URI.create("https://herald.example/a")));
    }

    @Test
    void rejectsEndpointsThatCouldLeadElsewhere() {
        for (String bad : List.of("//evil.example/share", "javascript:alert(1)", "share", "/share?x=1", "/a/../b",
                "ftp://herald.example/share", "https://user@herald.example/share", "https://herald.example/share#x", "/sh are")) {
            assertThrows(IllegalArgumentException.class, () -> ButtonOptions.builder().endpoint(bad).build(), bad);
        }
    }

    @Test
    void webShareAddsOrRemovesTheShareButton() {
        assertEquals(List.of(Network.X, Network.SHARE), ButtonOptions.builder().networks("x").webShare(true).build().networks());
        assertEquals(List.of(Network.X), ButtonOptions.builder().networks("share, x").webShare(false).build().networks());
        assertEquals(List.of(Network.SHARE, Network.X), ButtonOptions.builder().networks("share, x").webShare(true).build().networks());
        assertFalse(ButtonOptions.builder().networks("x").build().webShare());
    }

    @Test
    void rejectsAnUnknownLayoutListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ButtonOptions.builder().layout("grid"));
        assertTrue(e.getMessage().contains("'grid'") && e.getMessage().contains("row, column, icons"), e.getMessage());
    }

    @Test
    void parsesLayoutsByName() {
        assertEquals(Layout.ICONS, ButtonOptions.builder().layout(" Icons ").build().layout());
    }

    @Test
    void normalisesABlankHeadingToNone() {
        assertNull(ButtonOptions.builder().heading("  ").build().heading());
        assertEquals("Share this article", ButtonOptions.builder().heading(" Share\n this  article ").build().heading());
    }

    @Test
    void rejectsTheSameNetworkTwice() {
        assertThrows(IllegalArgumentException.class, () -> ButtonOptions.builder().networks(Network.X, Network.X).build());
    }

    @Test
    void toBuilderCopiesEverySetting() {
        ButtonOptions o = ButtonOptions.builder().networks("x, email").utm(true).endpoint("/s").layout(Layout.COLUMN)
                .heading("Share").script(false).style(false).locale(java.util.Locale.GERMAN).build();
        assertEquals(o, o.toBuilder().build());
    }
}
