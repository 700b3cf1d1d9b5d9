package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.NetworkQuotas;
import dev.herald.syndication.Quota;
import dev.herald.syndication.config.NetworkSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkRegistryTest {
    private static final TestNetwork CMS = TestNetwork.named("cms", (a, c) -> null);

    @Test
    void findsTheNetworksHeraldShipsThroughTheServiceLoader() {
        NetworkRegistry installed = NetworkRegistry.installed();
        assertEquals(Set.of("bluesky", "discord", "facebook", "linkedin", "mastodon", "slack", "telegram", "threads", "webhook", "websub", "x"),
                installed.names());
        assertEquals("mastodon", installed.get("mastodon").settings().network());
        for (String keyed : List.of("bluesky", "mastodon", "webhook", "websub")) assertEquals(DeliveryGuarantee.IDEMPOTENCY_KEY, installed.get(keyed).guarantee(), keyed);
        for (String reconciling : List.of("x", "facebook", "linkedin", "threads")) {
            assertEquals(DeliveryGuarantee.RECONCILE_BEFORE_RESEND, installed.get(reconciling).guarantee(), reconciling);
        }
        for (String unkeyed : List.of("telegram", "discord", "slack")) assertEquals(DeliveryGuarantee.NONE, installed.get(unkeyed).guarantee(), unkeyed);
    }

    @Test
    void aNetworkIsFoundByItsNameOrAnyAliasIgnoringCase() {
        NetworkRegistry r = new NetworkRegistry(List.of(CMS.withAliases("newsdesk", "intranet")));
        assertSame(r.get("cms"), r.get(" NewsDesk "));
        assertEquals("cms", r.get("INTRANET").name());
        assertEquals(Set.of("cms"), r.names(), "aliases are not networks of their own");
        assertTrue(r.find("mastodon").isEmpty());
    }

    @Test
    void anUnknownNameListsTheInstalledNetworks() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NetworkRegistry(List.of(CMS, TestNetwork.named("blog", (a, c) -> null))).get("wiki"));
        assertEquals("no network 'wiki' is installed; installed: blog, cms", e.getMessage());
    }

    @Test
    void twoProvidersClaimingOneNameOrAliasAreAClearError() {
        IllegalArgumentException sameName = assertThrows(IllegalArgumentException.class, () -> new NetworkRegistry(List.of(CMS, CMS)));
        assertTrue(sameName.getMessage().startsWith("two network providers claim 'cms': "), sameName.getMessage());
        IllegalArgumentException aliasTaken = assertThrows(IllegalArgumentException.class,
                () -> new NetworkRegistry(List.of(CMS, TestNetwork.named("blog", (a, c) -> null).withAliases("cms"))));
        assertTrue(aliasTaken.getMessage().contains("claim 'cms'"), aliasTaken.getMessage());
    }

    @Test
    void aNameMustBeLowerCaseAndMatchTheSettingsItDeclares() {
        assertThrows(IllegalArgumentException.class, () -> new NetworkRegistry(List.of(TestNetwork.named("CMS", (a, c) -> null))));
        NetworkProvider mismatched = new NetworkProvider() {
            @Override
            public String name() {
                return "cms";
            }

            @Override
            public NetworkSpec settings() {
                return NetworkSpec.builder("blog").required("api").build();
            }

            @Override
            public TextRules textRules() {
                return TextRules.UNLIMITED;
            }

            @Override
            public DeliveryGuarantee guarantee() {
                return DeliveryGuarantee.NONE;
            }

            @Override
            public Syndicator create(dev.herald.syndication.config.AccountSetup account, NetworkContext context) {
                return null;
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkRegistry(List.of(mismatched)));
        assertTrue(e.getMessage().contains("declares settings of 'blog' for network 'cms'"), e.getMessage());
    }

    @Test
    void defaultQuotasAreWhatTheProvidersDeclare() {
        NetworkQuotas installed = NetworkQuotas.defaults();
        assertEquals(List.of(Quota.of(300, Duration.ofHours(3))), installed.of("mastodon"));
        assertEquals(List.of(Quota.of(1666, Duration.ofHours(1)), Quota.of(11666, Duration.ofHours(24))), installed.of("bluesky"));
        assertEquals(List.of(), installed.of("webhook"));
        NetworkQuotas custom = NetworkQuotas.defaults(new NetworkRegistry(List.of(CMS.withQuotas(Quota.of(5, Duration.ofMinutes(1))))));
        assertEquals(Map.of("cms", List.of(Quota.of(5, Duration.ofMinutes(1)))), custom.byNetwork());
    }

    @Test
    void eachNetworkReadsItsOwnRetrySignal() {
        NetworkRegistry installed = NetworkRegistry.installed();
        java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-03-01T12:00:00Z"), java.time.ZoneOffset.UTC);
        HttpReply reply = new HttpReply(429, Map.of("x-ratelimit-reset", "2026-03-01T12:05:00Z", "ratelimit-reset", "1772366700",
                "retry-after", "30"), new byte[0]);
        assertEquals(java.time.Instant.parse("2026-03-01T12:05:00Z"), installed.get("mastodon").retryAt(reply, clock));
        assertEquals(java.time.Instant.ofEpochSecond(1772366700), installed.get("bluesky").retryAt(reply, clock));
        assertEquals(clock.instant().plusSeconds(30), installed.get("webhook").retryAt(reply, clock));
        HttpReply notLimited = new HttpReply(503, Map.of("x-ratelimit-reset", "2026-03-01T12:05:00Z"), new byte[0]);
        assertEquals(null, installed.get("mastodon").retryAt(notLimited, clock), "Mastodon's reset header is a signal only on a 429");
    }
}
