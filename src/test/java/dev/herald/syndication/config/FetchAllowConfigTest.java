package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.FetchPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code fetch: allow:} block of {@code herald.yaml}. */
class FetchAllowConfigTest {
    private static final String ACCOUNTS = """
            accounts:
              - name: hook
                network: webhook
                url: https://hooks.example/herald
                secrets: ${env:WEBHOOK_SECRET}
            """;

    @Test
    void withoutAFetchBlockOnlyPublicAddressesMayBeFetched() {
        assertEquals(FetchPolicy.PUBLIC_ONLY, SyndicationConfig.parse(ACCOUNTS, "herald.yaml").fetchPolicy());
    }

    @Test
    void theAllowListTakesHostsAndNetworksAndSurvivesABaseUrlChange() throws Exception {
        SyndicationConfig c = SyndicationConfig.parse("fetch:\n  allow: [images.internal, 10.20.0.0/16]\n" + ACCOUNTS, "herald.yaml");
        assertEquals(List.of("images.internal", "10.20.0.0/16"), c.fetchPolicy().allow());
        assertTrue(c.fetchPolicy().permits("x", InetAddress.getByName("10.20.1.2")));
        assertEquals(c.fetchPolicy(), c.withBaseUrl("hook", URI.create("http://127.0.0.1:9/h")).fetchPolicy());
        assertEquals(List.of("cms.internal"), SyndicationConfig.parse("fetch:\n  allow: cms.internal\n" + ACCOUNTS, "f").fetchPolicy().allow());
    }

    @Test
    void aBadEntryOrKeyNamesTheLine() {
        ConfigException bad = assertThrows(ConfigException.class,
                () -> SyndicationConfig.parse("fetch:\n  allow:\n    - 10.0.0.0/40\n" + ACCOUNTS, "herald.yaml"));
        assertTrue(bad.getMessage().startsWith("herald.yaml:2: fetch: allow entry '10.0.0.0/40' has a bad prefix length"), bad.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> SyndicationConfig.parse("fetch:\n  allowed: [a]\n" + ACCOUNTS, "herald.yaml"));
        assertTrue(unknown.getMessage().contains("unknown key 'allowed' in fetch; known: allow"), unknown.getMessage());
    }
}
