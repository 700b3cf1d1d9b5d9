package dev.herald.page;

import dev.herald.internal.HttpUrls;
import dev.herald.internal.Validate;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which proxies in front of the app are believed when they name the client in
 * {@code X-Forwarded-For}: either a number of hops, or the networks the proxies live in.
 *
 * <p>A proxy appends the address it received the request from, so only the right end of the
 * header is written by proxies the site runs; everything to its left is whatever the client sent.
 * The client is therefore the right-most address not written by a trusted proxy, never the first.
 *
 * @param hops how many proxies stand in front of the app (used when {@code networks} is empty)
 * @param networks CIDR blocks ({@code 10.0.0.0/8}, {@code 2001:db8::/32}) or single addresses of the
 *     proxies; when given, a hop is believed only if it comes from one of them
 */
public record TrustedProxies(int hops, List<String> networks) {
    /** One proxy in front of the app: the right-most {@code X-Forwarded-For} address is the client. */
    public static final TrustedProxies ONE_HOP = new TrustedProxies(1, List.of());

    /** Validates the hop count (1 to 10) and every network. */
    public TrustedProxies {
        Validate.isTrue(hops >= 1 && hops <= 10, "hops", "must be between 1 and 10");
        networks = List.copyOf(Validate.notNull(networks, "networks"));
        for (String n : networks) Network.parse(n);
    }

    /**
     * The client's address for a request from {@code remoteAddr} carrying {@code forwardedFor} (the
     * {@code X-Forwarded-For} header, or {@code null}): the right-most hop not written by a trusted
     * proxy. With networks configured and {@code remoteAddr} outside them the header is ignored.
     */
    public String client(String remoteAddr, String forwardedFor) {
        Validate.notNull(remoteAddr, "remoteAddr");
        if (forwardedFor == null || forwardedFor.isBlank()) return remoteAddr;
        List<String> chain = new ArrayList<>();
        for (String hop : forwardedFor.split(",")) {
            String h = hop.strip();
            if (!h.isEmpty()) chain.add(h);
        }
        chain.add(remoteAddr);
        if (networks.isEmpty()) {
            int index = chain.size() - 1 - hops;
            return chain.get(Math.max(index, 0));
        }
        List<Network> parsed = networks.stream().map(Network::parse).toList();
        for (int i = chain.size() - 1; i > 0; i--) {
            byte[] address = Network.literal(chain.get(i));
            boolean trusted = address != null && parsed.stream().anyMatch(n -> n.contains(address));
            if (!trusted) return chain.get(i);
        }
        return chain.get(0);
    }

    /** A CIDR block. */
    private record Network(byte[] prefix, int bits) {
        static Network parse(String cidr) {
            String c = Validate.notNull(cidr, "network").strip();
            int slash = c.indexOf('/');
            byte[] address = literal(slash < 0 ? c : c.substring(0, slash));
            if (address == null) throw new IllegalArgumentException("not an IP address or CIDR block: " + Validate.abbreviate(cidr));
            int bits = address.length * 8;
            if (slash >= 0) {
                String b = c.substring(slash + 1);
                if (!b.matches("[0-9]{1,3}") || Integer.parseInt(b) > address.length * 8) {
                    throw new IllegalArgumentException("not a CIDR prefix length: " + Validate.abbreviate(cidr));
                }
                bits = Integer.parseInt(b);
            }
            return new Network(address, bits);
        }

        boolean contains(byte[] address) {
            if (address.length != prefix.length) return false;
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (prefix[i / 8] & mask)) return false;
            }
            return true;
        }

        /**
         * The bytes of an IPv4 or IPv6 literal, or {@code null}; never a DNS lookup (only strings that
         * are literals reach {@link InetAddress}). An IPv4-mapped IPv6 address reads as IPv4.
         */
        static byte[] literal(String s) {
            String v = s.strip();
            if (v.startsWith("[") && v.endsWith("]")) v = v.substring(1, v.length() - 1);
            int zone = v.indexOf('%');
            if (zone >= 0) v = v.substring(0, zone);
            if (v.isEmpty() || v.length() > 45) return null;
            boolean ipv6 = v.indexOf(':') >= 0;
            if (!ipv6 && !HttpUrls.isIpv4(v)) return null;
            if (ipv6 && !v.toLowerCase(Locale.ROOT).chars().allMatch(ch -> (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || ch == ':' || ch == '.')) {
                return null;
            }
            try {
                return InetAddress.getByName(v).getAddress();
            } catch (UnknownHostException e) {
                return null;
            }
        }
    }

    /**
     * The bytes of the IPv4 or IPv6 address {@code s} (brackets and a zone allowed), or {@code null}
     * when it is not an address literal. Never looks a name up.
     */
    public static byte[] addressBytes(String s) {
        Validate.notNull(s, "address");
        return Network.literal(s);
    }
}
