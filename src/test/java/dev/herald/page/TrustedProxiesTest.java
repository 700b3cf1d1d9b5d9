package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
    @Test
    void oneProxyMeansTheRightMostForwardedAddressNotTheFirst() {
        assertEquals("203.0.113.7", TrustedProxies.ONE_HOP.client("10.0.0.2", "198.51.100.1, 203.0.113.7"));
        assertEquals("203.0.113.7", TrustedProxies.ONE_HOP.client("10.0.0.2", "203.0.113.7"));
    }

    @Test
    void withTwoHopsTheClientIsTwoFromTheRight() {
        TrustedProxies two = new TrustedProxies(2, List.of());
        assertEquals("203.0.113.7", two.client("10.0.0.2", "spoofed, 203.0.113.7, 10.0.0.1"));
        assertEquals("203.0.113.7", two.client("10.0.0.2", "203.0.113.7"), "a shorter chain gives its left end");
    }

    @Test
    void withoutAHeaderTheClientIsTheConnectionsAddress() {
        assertEquals("10.0.0.2", TrustedProxies.ONE_HOP.client("10.0.0.2", null));
        assertEquals("10.0.0.2", TrustedProxies.ONE_HOP.client("10.0.0.2", " "));
    }

    @Test
    void withNetworksTheClientIsTheRightMostAddressOutsideThem() {
        TrustedProxies cidrs = new TrustedProxies(1, List.of("10.0.0.0/8", "2001:db8:ffff::/48"));
        assertEquals("203.0.113.7", cidrs.client("10.0.0.2", "198.51.100.1, 203.0.113.7, 10.1.2.3"));
        assertEquals("203.0.113.7", cidrs.client("2001:db8:ffff::5", "198.51.100.1, 203.0.113.7"));
        assertEquals("192.0.2.9", cidrs.client("192.0.2.9", "198.51.100.1"), "a header from a host that is no proxy is ignored");
        assertEquals("not-an-ip", cidrs.client("10.0.0.2", "198.51.100.1, not-an-ip"), "garbage is not a trusted proxy");
    }

    @Test
    void refusesInvalidNetworksAndHopCounts() {
        for (String bad : List.of("10.0.0.0/33", "10.0.0/8", "proxy.example", "2001:db8::/129", "")) {
            assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(1, List.of(bad)), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(0, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(11, List.of()));
    }
}
