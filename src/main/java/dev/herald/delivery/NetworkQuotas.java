package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.time.Duration;
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
     * The published caps: Threads 250 posts per 24 h; Bluesky 5,000 points per hour and 35,000 per
     * day at 3 points per created record, that is 1,666 posts per hour and 11,666 per day;
     * Mastodon's default of 300 statuses per 3 h (instances may differ).
     */
    public static NetworkQuotas defaults() {
        return new NetworkQuotas(Map.of(
                "threads", List.of(Quota.of(250, Duration.ofHours(24))),
                "bluesky", List.of(Quota.of(1666, Duration.ofHours(1)), Quota.of(11666, Duration.ofHours(24))),
                "mastodon", List.of(Quota.of(300, Duration.ofHours(3)))));
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
