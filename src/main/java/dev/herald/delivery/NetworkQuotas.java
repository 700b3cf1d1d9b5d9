package dev.herald.delivery;

import dev.herald.syndication.Quota;
import dev.herald.internal.Validate;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.NetworkRegistry;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The posting caps each network puts on one account, keyed by {@link dev.herald.syndication.Syndicator#network()}.
 * Herald defers a share rather than send it into a cap it knows about.
 */
public record NetworkQuotas(Map<String, List<Quota>> byNetwork) {
    /**
     * The published caps of every {@linkplain NetworkRegistry#installed() installed} network, as its
     * provider declares them ({@link NetworkProvider#quotas()}).
     */
    public static NetworkQuotas defaults() {
        return defaults(NetworkRegistry.installed());
    }

    /** The caps the providers of {@code registry} declare. */
    public static NetworkQuotas defaults(NetworkRegistry registry) {
        Validate.notNull(registry, "registry");
        Map<String, List<Quota>> caps = new HashMap<>();
        for (NetworkProvider p : registry.providers()) if (!p.quotas().isEmpty()) caps.put(p.name(), p.quotas());
        return new NetworkQuotas(caps);
    }

    /** No caps at all. */
    public static NetworkQuotas none() {
        return new NetworkQuotas(Map.of());
    }

    /** Copies the map with network names in lower case. */
    public NetworkQuotas {
        Validate.notNull(byNetwork, "byNetwork");
        Map<String, List<Quota>> copy = new HashMap<>();
        byNetwork.forEach((k, v) -> copy.put(Validate.notBlank(k, "network").toLowerCase(Locale.ROOT), List.copyOf(v)));
        byNetwork = Map.copyOf(copy);
    }

    /** A copy in which {@code network}'s caps are {@code quotas} (none when empty). */
    public NetworkQuotas with(String network, Quota... quotas) {
        Map<String, List<Quota>> copy = new HashMap<>(byNetwork);
        copy.put(Validate.notBlank(network, "network").toLowerCase(Locale.ROOT), List.of(quotas));
        return new NetworkQuotas(copy);
    }

    /** The caps of {@code network}; empty when it has none. */
    public List<Quota> of(String network) {
        return byNetwork.getOrDefault(network == null ? "" : network.toLowerCase(Locale.ROOT), List.of());
    }
}
