package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.TestNetwork;
import dev.herald.testkit.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a network's provider reads from an account, and how the factory reports an account it cannot build. */
class AccountSetupTest {
    private static AccountSettings account(Map<String, Setting> settings) {
        return new AccountSettings("desk", "cms", true, MessageTemplate.defaults(), null, settings, 4);
    }

    @Test
    void aListKeyGivesItsValuesInFileOrderAndAnAbsentOneNone() {
        AccountSettings settings = account(Map.of("langs", new Setting("langs", List.of("en", "de"), true, 6)));
        AccountSetup setup = new AccountSetup("herald.yaml", settings, SecretSource.placeholders());
        assertEquals(List.of("en", "de"), setup.values("langs"));
        assertEquals(List.of(), setup.values("tags"));
        assertSame(settings, setup.settings());
    }

    @Test
    void theEnvironmentSourceResolvesSystemPropertiesAndNamesAnUnsetOneWithItsLine() {
        String name = "herald.test.account-setup." + System.nanoTime();
        AccountSettings settings = account(Map.of("key", new Setting("key", List.of("${sys:" + name + "}"), false, 5)));
        AccountSetup setup = new AccountSetup("herald.yaml", settings, SecretSource.environment());
        ConfigException unset = assertThrows(ConfigException.class, () -> setup.secret("key"));
        assertEquals("herald.yaml", unset.source());
        assertEquals(5, unset.line());
        System.setProperty(name, "k-123");
        try {
            assertEquals("k-123", setup.secret("key").value());
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void anAccountWhoseNetworkIsNotInTheRegistryIsRefusedOnItsLine() throws Exception {
        NetworkRegistry registry = new NetworkRegistry(List.of(TestNetwork.named("cms", (a, c) -> {
            throw new AssertionError("never built");
        })));
        SyndicationConfig config = SyndicationConfig.parse(
                "accounts:\n  - name: desk\n    network: cms\n    api: https://cms.example\n    key: ${env:K}\n", "herald.yaml", registry);
        AccountSettings stray = new AccountSettings("ghost", "gone", true, MessageTemplate.defaults(), null, Map.of(), 9);
        try (HttpTransport http = HttpTransport.create()) {
            SyndicatorFactory factory = new SyndicatorFactory(http, new ManualClock(Instant.EPOCH), SecretSource.placeholders());
            ConfigException e = assertThrows(ConfigException.class, () -> factory.create(config, stray));
            assertEquals("herald.yaml:9: no syndicator for network 'gone'", e.getMessage());
        }
    }
}
