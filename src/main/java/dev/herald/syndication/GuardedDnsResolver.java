package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host and refuses it when any of its addresses is one the {@link FetchPolicy} does not
 * permit. It runs when a connection is opened, after DNS and for every redirect hop, and the
 * addresses it returns are the ones connected to: a name that resolves to a public address when a
 * URL is checked and to {@code 127.0.0.1} a moment later (DNS rebinding) cannot slip through.
 * Host literals ({@code http://127.0.0.1/}, {@code http://[::1]/}) pass through here as well.
 */
final class GuardedDnsResolver implements DnsResolver {
    private final DnsResolver delegate;
    private final FetchPolicy policy;

    GuardedDnsResolver(DnsResolver delegate, FetchPolicy policy) {
        this.delegate = Validate.notNull(delegate, "delegate");
        this.policy = Validate.notNull(policy, "policy");
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = delegate.resolve(host);
        for (InetAddress a : addresses) {
            // Refuse the host rather than drop the address: a name that points both at a public and
            // at a private address is someone's trick, and which one gets dialled must not decide it.
            if (!policy.permits(host, a)) throw new BlockedAddressException(host, a);
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> out = new ArrayList<>();
        for (InetAddress a : resolve(host)) out.add(new InetSocketAddress(a, port));
        return out;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

    /**
     * A host refused because it resolves to a non-public address. An {@link UnknownHostException} so
     * that every caller treats it as "cannot connect", never as an answer.
     */
    static final class BlockedAddressException extends UnknownHostException {
        private static final long serialVersionUID = 1L;

        BlockedAddressException(String host, InetAddress address) {
            super("refused to fetch from " + host + " (" + address.getHostAddress() + "): not a public address;"
                    + " list the host or its network in the fetch allow-list if the site trusts it");
        }
    }
}
