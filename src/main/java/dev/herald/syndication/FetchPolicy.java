package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which addresses a fetch of a URL someone else chose (an article page, its image, a feed and every
 * redirect they lead to) may connect to: public internet addresses only, plus the hosts and
 * networks the site lists in its allow-list.
 *
 * <p>Refused unless allowed: loopback ({@code 127.0.0.0/8}, {@code ::1}), "this network"
 * ({@code 0.0.0.0/8}, {@code ::}), private ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16},
 * {@code fc00::/7}, {@code fec0::/10}), link-local ({@code 169.254/16} with the cloud metadata
 * address {@code 169.254.169.254}, {@code fe80::/10}), carrier-grade NAT ({@code 100.64/10}),
 * IETF protocol and benchmarking ranges ({@code 192.0.0/24}, {@code 198.18/15}), multicast,
 * reserved ({@code 240/4}) and broadcast; IPv6 forms that embed an IPv4 address (mapped,
 * compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by that address.
 *
 * <p>An allow-list entry is an address or CIDR block ({@code 10.20.0.0/16}, {@code fd00::/8},
 * {@code 127.0.0.1}), a host name ({@code images.internal}) or a wildcard for a host's
 * subdomains ({@code *.cdn.internal}). A listed host name may resolve to any address.
 *
 * @param allow the allow-list entries, as given
 */
public record FetchPolicy(List<String> allow) {
    /** Public addresses only: the default. */
    public static final FetchPolicy PUBLIC_ONLY = new FetchPolicy(List.of());

    private static final Pattern HOST = Pattern.compile("(\\*\\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");

    /** Checks and copies the entries: each a CIDR block, an address, a host name or {@code *.}host. */
    public FetchPolicy {
        Validate.notNull(allow, "allow");
        List<String> checked = new ArrayList<>(allow.size());
        for (String entry : allow) {
            Validate.notBlank(entry, "allow entry");
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (looksLikeAddress(e)) {
                Block.parse(e); // throws with the reason
            } else if (!HOST.matcher(e).matches()) {
                throw new IllegalArgumentException("allow entry '" + Validate.abbreviate(entry)
                        + "' is neither an address, a CIDR block (10.0.0.0/8), a host name nor *.host");
            }
            checked.add(e);
        }
        allow = List.copyOf(checked);
    }

    /** A policy allowing {@code entries} besides public addresses; see the class comment for their forms. */
    public static FetchPolicy allowing(String... entries) {
        Validate.notNull(entries, "entries");
        return new FetchPolicy(List.of(entries));
    }

    /**
     * Whether a fetch may connect to {@code address}, which {@code host} (the URL's host, a name or
     * a literal) resolved to: when the address is public, when the host is allow-listed by name,
     * or when the address lies in an allow-listed block.
     */
    public boolean permits(String host, InetAddress address) {
        Validate.notNull(address, "address");
        if (isPublic(address)) return true;
        String name = host == null ? "" : trimDot(host.strip().toLowerCase(Locale.ROOT));
        for (String entry : allow) {
            if (looksLikeAddress(entry)) {
                if (Block.parse(entry).contains(address)) return true;
            } else if (entry.startsWith("*.")) {
                if (name.endsWith(trimDot(entry.substring(1)))) return true;
            } else if (name.equals(trimDot(entry))) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code address} is a public unicast internet address (not loopback, private, link-local, reserved...). */
    public static boolean isPublic(InetAddress address) {
        Validate.notNull(address, "address");
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Inet4Address embedded = embeddedIpv4(b);
            if (embedded != null) return isPublic(embedded);
            int first = b[0] & 0xFF;
            if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress()) return false;
            if ((first & 0xFE) == 0xFC) return false; // fc00::/7 unique local
            if (first == 0x20 && (b[1] & 0xFF) == 0x01 && (b[2] & 0xFF) == 0x0D && (b[3] & 0xFF) == 0xB8) return false; // 2001:db8::/32 documentation
            return (first & 0xE0) == 0x20; // only 2000::/3 is global unicast
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xFF;
        int a1 = b[1] & 0xFF;
        int a2 = b[2] & 0xFF;
        if (a0 == 0 || a0 == 10 || a0 == 127 || a0 >= 224) return false; // this network, private, loopback, multicast, reserved, broadcast
        if (a0 == 100 && a1 >= 64 && a1 <= 127) return false; // carrier-grade NAT (and Alibaba's metadata address)
        if (a0 == 169 && a1 == 254) return false; // link-local, cloud metadata
        if (a0 == 172 && a1 >= 16 && a1 <= 31) return false;
        if (a0 == 192 && a1 == 168) return false;
        if (a0 == 192 && a1 == 0 && a2 == 0) return false; // IETF protocol assignments
        if (a0 == 198 && (a1 == 18 || a1 == 19)) return false; // benchmarking
        return true;
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), or null. */
    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) zeros80 &= b[i] == 0;
        int tail = (b[10] & 0xFF) << 8 | (b[11] & 0xFF);
        byte[] v4 = null;
        if (zeros80 && (tail == 0xFFFF || (tail == 0 && !isAllZeroOrOne(b)))) v4 = new byte[] {b[12], b[13], b[14], b[15]};
        // 64:ff9b::/96, NAT64
        else if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xFF) == 0xFF && (b[3] & 0xFF) == 0x9B && allZero(b, 4, 12)) v4 = new byte[] {b[12], b[13], b[14], b[15]};
        // 2002::/16, 6to4: the IPv4 address follows the prefix
        else if (b[0] == 0x20 && b[1] == 0x02) v4 = new byte[] {b[2], b[3], b[4], b[5]};
        if (v4 == null) return null;
        try {
            return (Inet4Address) InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** {@code ::} and {@code ::1} are IPv6's own any/loopback, not IPv4-compatible addresses. */
    private static boolean isAllZeroOrOne(byte[] b) {
        return allZero(b, 0, 15) && (b[15] == 0 || b[15] == 1);
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) if (b[i] != 0) return false;
        return true;
    }

    private static boolean looksLikeAddress(String e) {
        return e.contains(":") || e.matches("[0-9./]+");
    }

    private static String trimDot(String s) {
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** An address block: the network's bytes and prefix length. */
    private record Block(byte[] network, int prefix) {
        static Block parse(String text) {
            int slash = text.indexOf('/');
            String addr = slash < 0 ? text : text.substring(0, slash);
            if (addr.contains(":") ? !addr.matches("[0-9a-f:.]+") : !isDottedQuad(addr)) {
                throw new IllegalArgumentException("allow entry '" + Validate.abbreviate(text) + "' is not an address (a.b.c.d, an IPv6 address) or block (a.b.c.d/n)");
            }
            byte[] bytes;
            try {
                // A literal only: getByName never looks a literal up in DNS.
                bytes = InetAddress.getByName(addr).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("allow entry '" + Validate.abbreviate(text) + "' is not a valid address");
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw new IllegalArgumentException("allow entry '" + Validate.abbreviate(text) + "' has a bad prefix length (0 to " + bytes.length * 8 + ")");
                }
            }
            return new Block(bytes, prefix);
        }

        /** Four decimal numbers of 0 to 255: anything else would make {@code getByName} ask DNS. */
        private static boolean isDottedQuad(String s) {
            if (!s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) return false;
            for (String part : s.split("\\.")) if (Integer.parseInt(part) > 255) return false;
            return true;
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) return false;
            int full = prefix / 8;
            for (int i = 0; i < full; i++) if (a[i] != network[i]) return false;
            int rest = prefix % 8;
            if (rest == 0) return true;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (a[full] & mask) == (network[full] & mask);
        }
    }
}
