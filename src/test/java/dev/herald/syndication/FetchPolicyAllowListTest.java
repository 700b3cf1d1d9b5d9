package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** The fetch allow-list's address blocks at their edges: prefixes that end inside a byte, the shortest and longest prefixes, and what is not an address. */
class FetchPolicyAllowListTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void aPrefixThatEndsInsideAByteCoversExactlyItsAddresses() throws UnknownHostException {
        // Private blocks inside private space: an address just outside one is refused, not let through as public.
        FetchPolicy p = FetchPolicy.allowing("10.16.0.0/12", "fd00::/7", "192.168.0.128/25");
        assertTrue(p.permits("x", ip("10.16.0.0")));
        assertTrue(p.permits("x", ip("10.31.255.255")));
        assertFalse(p.permits("x", ip("10.32.0.0")), "the next /12");
        assertFalse(p.permits("x", ip("10.15.255.255")));
        assertTrue(p.permits("x", ip("fc00::1")));
        assertTrue(p.permits("x", ip("fdff::1")));
        assertFalse(p.permits("x", ip("fe00::1")), "outside fc00::/7, and not public either");
        assertTrue(p.permits("x", ip("192.168.0.128")));
        assertTrue(p.permits("x", ip("192.168.0.255")));
        assertFalse(p.permits("x", ip("192.168.0.127")), "the lower half of the byte");
    }

    @Test
    void aBlockOfOneFamilyNeverCoversTheOther() throws UnknownHostException {
        FetchPolicy p = FetchPolicy.allowing("0.0.0.0/0");
        assertTrue(p.permits("x", ip("10.1.2.3")), "/0: every IPv4 address");
        assertFalse(p.permits("x", ip("fd00::1")), "but no IPv6 address");
        assertTrue(FetchPolicy.allowing("::/0").permits("x", ip("fd00::1")));
        assertFalse(FetchPolicy.allowing("::/0").permits("x", ip("10.1.2.3")));
    }

    @Test
    void aSingleAddressIsAFullLengthBlock() throws UnknownHostException {
        FetchPolicy p = FetchPolicy.allowing("10.9.8.7", "10.9.8.6/32", "fd00::5/128");
        assertTrue(p.permits("x", ip("10.9.8.7")));
        assertTrue(p.permits("x", ip("10.9.8.6")));
        assertFalse(p.permits("x", ip("10.9.8.5")));
        assertTrue(p.permits("x", ip("fd00::5")));
        assertFalse(p.permits("x", ip("fd00::4")));
    }

    @Test
    void refusesPrefixesPastTheAddressLengthAndNumbersThatAreNoAddress() {
        for (String bad : new String[] {"10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/x", "fd00::/129", "256.0.0.1", "10.0.0.1000", "1.2.3", "1.2.3.4.5"}) {
            assertThrows(IllegalArgumentException.class, () -> FetchPolicy.allowing(bad), bad);
        }
        FetchPolicy.allowing("255.255.255.255", "10.0.0.0/32", "fd00::/128", "0.0.0.0/0");
    }
}
