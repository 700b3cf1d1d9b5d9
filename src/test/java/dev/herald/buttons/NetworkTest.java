package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkTest {
    @Test
    void parsesTheConfigurationFormInOrder() {
        assertEquals(List.of(Network.FACEBOOK, Network.X, Network.LINKEDIN), Network.parseList("facebook, x,linkedin"));
    }

    @Test
    void acceptsWhitespaceAndCaseAndCommonAliases() {
        assertEquals(List.of(Network.X, Network.HACKER_NEWS, Network.EMAIL, Network.COPY, Network.SHARE),
                Network.parseList("  Twitter   hn,MAIL,, copy-link , web-share "));
    }

    @Test
    void parsesABlankListAsEmpty() {
        assertEquals(List.of(), Network.parseList("  , "));
    }

    @Test
    void rejectsAnUnknownNetworkNamingItAndListingTheValidIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.parseList("facebook, myspace"));
        assertTrue(e.getMessage().contains("'myspace'"), e.getMessage());
        for (Network n : Network.values()) assertTrue(e.getMessage().contains(n.id()), e.getMessage());
    }

    @Test
    void rejectsANetworkListedTwice() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Network.parseList("x, facebook, twitter"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void idsAreUniqueLowerCaseAsciiAndRoundTrip() {
        Set<String> ids = new HashSet<>();
        for (Network n : Network.values()) {
            assertTrue(n.id().matches("[a-z]+"), n.id());
            assertTrue(ids.add(n.id()));
            assertEquals(n, Network.of(n.id()));
        }
    }

    @Test
    void onlyCopyAndShareStayOnThePage() {
        for (Network n : Network.values()) {
            assertEquals(n != Network.COPY && n != Network.SHARE, n.isDestination(), n.id());
        }
    }
}
