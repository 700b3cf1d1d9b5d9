package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.Quota;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The caps Herald knows per network, looked up by a syndicator's network name in any case. */
class NetworkQuotasTest {

    @Test
    void theDefaultsAreThePublishedCaps() {
        NetworkQuotas q = NetworkQuotas.defaults();

        assertEquals(List.of(new Quota(250, Duration.ofHours(24))), q.of("threads"));
        assertEquals(List.of(new Quota(1666, Duration.ofHours(1)), new Quota(11666, Duration.ofHours(24))), q.of("bluesky"));
        assertEquals(List.of(new Quota(300, Duration.ofHours(3))), q.of("mastodon"));
        assertEquals(List.of(), q.of("webhook"), "a webhook has no cap");
        assertEquals(List.of(new Quota(20, Duration.ofMinutes(1))), q.of("telegram"));
        assertEquals(List.of(new Quota(100, Duration.ofMinutes(15))), q.of("x"));
        assertEquals(java.util.Set.of("bluesky", "mastodon", "slack", "telegram", "threads", "x"), q.byNetwork().keySet(),
                "exactly the networks whose providers publish a cap");
    }

    @Test
    void looksNetworksUpInAnyCase() {
        NetworkQuotas q = new NetworkQuotas(Map.of("BlueSky", List.of(Quota.of(10, Duration.ofMinutes(5)))));

        assertEquals(List.of(Quota.of(10, Duration.ofMinutes(5))), q.of("bluesky"));
        assertEquals(List.of(Quota.of(10, Duration.ofMinutes(5))), q.of("BLUESKY"));
        assertEquals(List.of(), q.of(null));
        assertEquals(List.of(), NetworkQuotas.none().of("bluesky"));
    }

    @Test
    void withReplacesOneNetworksCapsAndLeavesTheRest() {
        NetworkQuotas q = NetworkQuotas.defaults().with("Mastodon", Quota.of(100, Duration.ofHours(1)));

        assertEquals(List.of(Quota.of(100, Duration.ofHours(1))), q.of("mastodon"));
        assertEquals(List.of(new Quota(250, Duration.ofHours(24))), q.of("threads"));
        assertEquals(List.of(), NetworkQuotas.defaults().with("threads").of("threads"), "no quotas: uncapped");
        assertEquals(List.of(new Quota(300, Duration.ofHours(3))), NetworkQuotas.defaults().of("mastodon"), "the original is unchanged");
    }

    @Test
    void holdsACopyThatCannotBeChangedAfterwards() {
        List<Quota> caps = new ArrayList<>(List.of(Quota.of(5, Duration.ofHours(1))));
        Map<String, List<Quota>> map = new HashMap<>(Map.of("threads", caps));
        NetworkQuotas q = new NetworkQuotas(map);

        caps.add(Quota.of(1, Duration.ofMinutes(1)));
        map.put("bluesky", List.of());

        assertEquals(List.of(Quota.of(5, Duration.ofHours(1))), q.of("threads"));
        assertEquals(1, q.byNetwork().size());
        assertThrows(UnsupportedOperationException.class, () -> q.byNetwork().put("x", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> q.of("threads").add(Quota.of(1, Duration.ofMinutes(1))));
    }

    @Test
    void refusesABlankNetworkOrNoMap() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkQuotas(null));
        assertThrows(IllegalArgumentException.class, () -> new NetworkQuotas(Map.of(" ", List.of())));
        assertThrows(IllegalArgumentException.class, () -> NetworkQuotas.none().with(""));
    }

    @Test
    void aQuotaNeedsAPositiveLimitAndWindow() {
        assertEquals(1, Quota.of(1, Duration.ofNanos(1)).limit());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> Quota.of(0, Duration.ofHours(1)));
        assertTrue(zero.getMessage().contains("limit"), zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Quota.of(-1, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> Quota.of(1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Quota.of(1, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Quota.of(1, null));
    }
}
