package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fetch guard's idea of a public address at the exact edge of every range it refuses, and
 * every form in which IPv6 can carry an IPv4 address: a private address must not get through in
 * any of them, and a public one must not be refused.
 */
class FetchPolicyAddressesTest {
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    /** {@code ::ffff:a.b.c.d} as an IPv6 address: Java's parser would hand back the IPv4 address itself. */
    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    private static void assertRefused(String... addresses) throws UnknownHostException {
        for (String a : addresses) assertFalse(FetchPolicy.isPublic(ip(a)), a + " is not public");
    }

    private static void assertPublic(String... addresses) throws UnknownHostException {
        for (String a : addresses) assertTrue(FetchPolicy.isPublic(ip(a)), a + " is public");
    }

    @Test
    void eachRefusedIpv4RangeEndsExactlyWhereItShould() throws UnknownHostException {
        assertRefused("0.255.255.255", "10.0.0.0", "10.255.255.255", "127.0.0.0", "127.255.255.255", "224.0.0.0", "239.255.255.255",
                "240.0.0.1", "100.64.0.0", "100.127.255.255", "169.254.0.0", "169.254.255.255", "172.16.0.0", "172.31.255.255",
                "192.168.0.0", "192.168.255.255", "192.0.0.0", "192.0.0.255", "198.18.0.0", "198.19.255.255");
        assertPublic("1.0.0.1", "9.255.255.255", "11.0.0.0", "126.255.255.255", "128.0.0.0", "223.255.255.255", "100.63.255.255",
                "100.128.0.0", "99.64.0.1", "101.64.0.1", "169.253.255.255", "169.255.0.0", "168.254.0.1", "172.15.255.255",
                "172.32.0.0", "171.16.0.1", "192.167.255.255", "192.169.0.0", "191.168.0.1", "192.0.1.0", "192.1.0.0", "193.0.0.1",
                "198.17.255.255", "198.20.0.0", "197.18.0.1");
    }

    @Test
    void anIpv4MappedAddressIsJudgedAsItsIpv4Address() throws UnknownHostException {
        assertFalse(FetchPolicy.isPublic(mapped(10, 0, 0, 1)));
        assertFalse(FetchPolicy.isPublic(mapped(169, 254, 169, 254)));
        assertTrue(FetchPolicy.isPublic(mapped(8, 8, 8, 8)), "a public address is public in either form");
        assertTrue(FetchPolicy.isPublic(mapped(93, 184, 216, 34)));
    }

    @Test
    void anIpv4CompatibleAddressIsJudgedAsItsIpv4AddressButTheAnyAndLoopbackAddressesAreNotIpv4() throws UnknownHostException {
        assertRefused("::10.0.0.1", "::192.168.1.1", "::", "::1");
        assertPublic("::8.8.8.8", "::93.184.216.34");
        assertRefused("::0.0.0.2", "::1:0:0:0", "0:0:0:0:1::8.8.8.8", "1::8.8.8.8");
    }

    @Test
    void aNat64AddressIsJudgedAsItsIpv4AddressOnlyWithinTheWellKnownPrefix() throws UnknownHostException {
        assertRefused("64:ff9b::10.0.0.1", "64:ff9b::127.0.0.1");
        assertPublic("64:ff9b::8.8.8.8");
        // Outside 64:ff9b::/96 the last 32 bits are no IPv4 address; these are no global unicast either.
        assertRefused("64:ff9b:0:0:0:1:808:808", "64:ff9b:1::808:808", "64:ff9a::808:808", "64:fe9b::808:808", "65:ff9b::808:808");
    }

    @Test
    void a6to4AddressIsJudgedAsTheIpv4AddressAfterItsPrefix() throws UnknownHostException {
        assertRefused("2002:a00:1::", "2002:c0a8:101::1", "2002:a9fe:a9fe::");
        assertPublic("2002:808:808::", "2002:5db8:d822::1");
        assertPublic("2003:a00:1::", "2001:a00:1::");
    }

    @Test
    void onlyGlobalUnicastIpv6IsPublicAndNotTheDocumentationBlock() throws UnknownHostException {
        assertPublic("2000::1", "3fff:ffff::1", "2001:db9::1", "2001:db7::1", "2001:cb8::1", "2000:db8::1", "2606:4700::1111");
        assertRefused("1fff:ffff::1", "4000::1", "2001:db8::", "2001:db8:ffff::1", "fc00::", "fdff::1", "fe80::1", "febf::1", "fec0::1",
                "ff00::1");
    }

    @Test
    void everyFormOfAPrivateAddressIsRefusedByTheGuardItself() throws UnknownHostException {
        for (InetAddress a : List.of(ip("10.0.0.1"), mapped(10, 0, 0, 1), ip("::10.0.0.1"), ip("64:ff9b::10.0.0.1"), ip("2002:a00:1::"))) {
            assertFalse(FetchPolicy.PUBLIC_ONLY.permits("intranet.example", a), a.toString());
        }
    }
}
