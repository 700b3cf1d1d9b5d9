package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchPolicyTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void refusesLoopbackPrivateLinkLocalMetadataAndReservedAddresses() throws UnknownHostException {
        for (String a : List.of("127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10",
                "169.254.169.254", "100.64.0.1", "100.100.100.200", "192.0.0.170", "198.18.0.1", "224.0.0.1", "240.0.0.1",
                "255.255.255.255", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::1", "fec0::1", "ff02::1",
                "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::1", "2001:db8::1")) {
            assertFalse(FetchPolicy.isPublic(ip(a)), a);
            assertFalse(FetchPolicy.PUBLIC_ONLY.permits(a, ip(a)), a);
        }
    }

    @Test
    void permitsPublicAddresses() throws UnknownHostException {
        for (String a : List.of("93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "169.253.1.1", "2606:4700::1111",
                "64:ff9b::808:808", "2002:808:808::1")) {
            assertTrue(FetchPolicy.isPublic(ip(a)), a);
        }
    }

    @Test
    void allowListedBlocksAndNamesAreLetThrough() throws UnknownHostException {
        FetchPolicy p = FetchPolicy.allowing("10.20.0.0/16", "fd00::/8", "images.internal", "*.cdn.internal", "192.168.1.5");
        assertTrue(p.permits("x", ip("10.20.255.1")));
        assertFalse(p.permits("x", ip("10.21.0.1")));
        assertTrue(p.permits("x", ip("fd12::1")));
        assertTrue(p.permits("x", ip("192.168.1.5")));
        assertFalse(p.permits("x", ip("192.168.1.6")));
        assertTrue(p.permits("IMAGES.internal.", ip("10.99.0.1")));
        assertTrue(p.permits("a.b.cdn.internal", ip("127.0.0.1")));
        assertFalse(p.permits("cdn.internal.evil.test", ip("127.0.0.1")));
        assertFalse(p.permits("evilcdn.internal", ip("127.0.0.1")), "a wildcard matches whole labels only");
        assertFalse(p.permits("other.internal", ip("10.99.0.1")));
    }

    @Test
    void badEntriesAreRefusedWithTheReason() {
        for (String bad : List.of("10.0.0.0/33", "300.1.1.1", "10.0.0.0/x", "http://images.internal/", "a b", "::1/129", "*.")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FetchPolicy.allowing(bad), bad);
            assertTrue(e.getMessage().contains("allow entry"), e.getMessage());
        }
        assertEquals(List.of("images.internal"), FetchPolicy.allowing(" Images.Internal ").allow());
    }
}
