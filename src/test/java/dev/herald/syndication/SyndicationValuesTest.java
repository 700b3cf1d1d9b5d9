package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small public values of syndication: loading accounts from a file, tokens and their masking, templates, the registry. */
class SyndicationValuesTest {
    @TempDir
    Path dir;

    @Test
    void loadsAFilesAccountsWithSecretsFromTheGivenSourceOrNoneFromAnEmptyFile() throws Exception {
        Path yaml = dir.resolve("herald.yaml");
        Files.writeString(yaml, """
                accounts:
                  - name: newsroom-hook
                    network: webhook
                    url: https://hooks.news.example/herald
                    secrets: [ "${env:HOOK_SECRET}" ]
                """);
        Syndication loaded = Syndication.load(yaml, reference -> Secret.resolve(reference, Map.of("HOOK_SECRET", "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))::get, name -> null));
        assertEquals(List.of("newsroom-hook"), loaded.syndicators().stream().map(Syndicator::account).toList());
        assertEquals("webhook", loaded.syndicators().get(0).network());

        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "accounts: []\n");
        assertEquals(List.of(), Syndication.load(empty).syndicators(), "no account, and no credential asked of the environment");
    }

    @Test
    void wrapsSyndicatorsBuiltByHandInTheirOrder() {
        Syndicator a = new Syndicator() {
            @Override
            public String account() {
                return "a";
            }

            @Override
            public String network() {
                return "custom";
            }

            @Override
            public Outcome send(Post post) {
                throw new UnsupportedOperationException("not sent here");
            }
        };
        assertEquals(List.of(a), Syndication.of(List.of(a)).syndicators());
    }

    @Test
    void tokensMaskWhatTheyHoldAndKeepTheRefreshExpiryTheyAreGiven() {
        Instant at = Instant.parse("2027-02-01T00:00:00Z");
        Tokens both = Tokens.of("access-value", "refresh-value", Instant.parse("2026-12-08T00:00:00Z")).withRefreshExpiresAt(at);
        assertEquals(at, both.refreshExpiresAt());
        assertEquals("access-value", both.access());
        assertEquals("refresh-value", both.refresh());
        assertEquals(List.of("access-value", "refresh-value"), Arrays.stream(both.secrets()).map(Secret::value).toList());
        assertArrayEquals(new String[] {"access-value"}, Arrays.stream(Tokens.of("access-value", null, null).secrets()).map(Secret::value).toArray());
        String shown = both.toString();
        assertFalse(shown.contains("access-value") || shown.contains("refresh-value"), shown);
        assertTrue(shown.contains("refresh=****") && shown.contains("refreshExpiresAt=" + at), shown);
        assertFalse(Tokens.of("access-value", null, null).toString().contains("refresh=****"), "no refresh token, none shown");
    }

    @Test
    void aTemplateSaysWhichPlaceholdersItsPatternUses() {
        MessageTemplate t = new MessageTemplate("{headline}\n{url}", List.of(), List.of(), false, 0);
        assertTrue(t.uses("headline"));
        assertTrue(t.uses("url"));
        assertFalse(t.uses("summary"));
        assertFalse(t.uses("head"), "a whole placeholder, not part of one");
    }

    @Test
    void theRegistryNamesItsNetworks() {
        String shown = NetworkRegistry.installed().toString();
        assertTrue(shown.startsWith("NetworkRegistry") && shown.contains("mastodon") && shown.contains("bluesky"), shown);
    }
}
