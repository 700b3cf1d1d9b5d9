package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.RepositoryRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyndicationConfigTest {
    private static final String GOOD = """
            site:
              name: The Meridian Ledger
              url: https://ledger.example
            defaults:
              hashtags: [news]
              maxHashtags: 3
            accounts:
              - name: ledger-mastodon
                network: mastodon
                server: https://mastodon.example
                token: ${env:MASTODON_TOKEN}
                visibility: unlisted
                slots: "Mon-Fri 09:00,13:00 Europe/Berlin"
              - name: ledger-bluesky
                network: Bluesky
                handle: ledger.example
                password: ${env:BLUESKY_APP_PASSWORD}
                langs: [en, de]
                template: "{headline} {url}"
                hashtags: [world]
              - name: newsroom
                network: webhook
                url: https://hooks.example/herald
                secrets:
                  - ${env:WEBHOOK_SECRET}
                  - ${sys:herald.webhook.old}
                enabled: false
            """;

    private static ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> SyndicationConfig.parse(yaml, "herald.yaml"));
    }

    @Test
    void aWellFormedFileListsItsAccountsInOrderWithTheirSettings() {
        SyndicationConfig c = SyndicationConfig.parse(GOOD, "herald.yaml");
        assertEquals(List.of("ledger-mastodon", "ledger-bluesky", "newsroom"), c.accounts().stream().map(AccountSettings::name).toList());
        assertEquals(List.of("ledger-mastodon", "ledger-bluesky"), c.enabledAccounts().stream().map(AccountSettings::name).toList());
        AccountSettings m = c.account("ledger-mastodon");
        assertEquals("mastodon", m.network());
        assertEquals("https://mastodon.example", m.value("server", null));
        assertEquals("${env:MASTODON_TOKEN}", m.value("token", null));
        assertEquals("Mon-Fri 09:00,13:00 Europe/Berlin", m.slots());
        assertEquals(8, m.line());
        assertEquals(List.of("news"), m.template().hashtags(), "defaults apply");
        assertEquals(3, m.template().maxHashtags());
        AccountSettings b = c.account("ledger-bluesky");
        assertEquals("bluesky", b.network(), "network names are case-insensitive");
        assertEquals(List.of("en", "de"), b.setting("langs").values());
        assertEquals("{headline} {url}", b.template().pattern());
        assertEquals(List.of("world"), b.template().hashtags(), "an account's own keys override the defaults");
        assertFalse(c.account("newsroom").enabled());
        assertEquals(2, c.account("newsroom").setting("secrets").values().size());
        assertEquals(Map.of("herald.site.name", "The Meridian Ledger", "herald.site.url", "https://ledger.example"), c.siteProperties());
    }

    @Test
    void anUnknownNetworkIsNamedWithItsLineAndTheSupportedOnes() {
        ConfigException e = error("accounts:\n  - name: a\n    network: myspace\n");
        assertEquals(3, e.line());
        assertEquals("herald.yaml:3: account 'a': unknown network 'myspace'; supported: " + String.join(", ", dev.herald.syndication.NetworkRegistry.installed().names()), e.getMessage());
    }

    @Test
    void aMistypedKeyIsRefusedWithTheKeysThatExist() {
        ConfigException e = error("accounts:\n  - name: a\n    network: mastodon\n    server: https://m.example\n    tokn: ${env:T}\n");
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("unknown key 'tokn' for a mastodon account; known: "), e.getMessage());
        assertTrue(e.getMessage().contains("token"), e.getMessage());
    }

    @Test
    void aLiteralCredentialIsRefusedAndNotEchoed() {
        ConfigException e = error("accounts:\n  - name: a\n    network: mastodon\n    server: https://m.example\n    token: s3cr3t-value\n");
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("must be a reference such as ${env:MASTODON_TOKEN}"), e.getMessage());
        assertFalse(e.getMessage().contains("s3cr3t-value"), "the secret is not repeated in the error");
    }

    @Test
    void aMissingRequiredKeyNamesTheAccountsLine() {
        ConfigException e = error("accounts:\n  - name: a\n    network: bluesky\n    handle: a.example\n");
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("missing 'password'"), e.getMessage());
    }

    @Test
    void aBadUrlIsRefused() {
        ConfigException e = error("accounts:\n  - name: a\n    network: webhook\n    url: ftp://hooks.example/x\n    secrets: [\"${env:S}\"]\n");
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("'url' must be an absolute http(s) URL"), e.getMessage());
        assertTrue(error("accounts:\n  - name: a\n    network: mastodon\n    server: not a url\n    token: ${env:T}\n").getMessage().contains("herald.yaml:4:"));
    }

    @Test
    void anUnknownTemplatePlaceholderIsRefusedOnItsLine() {
        ConfigException e = error("accounts:\n  - name: a\n    network: webhook\n    url: https://h.example\n    secrets: [\"${env:S}\"]\n    template: \"{title}\"\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("{title}"), e.getMessage());
    }

    @Test
    void badSlotsBadBooleansAndBadVisibilityAreRefusedOnTheirLines() {
        String base = "accounts:\n  - name: a\n    network: mastodon\n    server: https://m.example\n    token: ${env:T}\n";
        assertEquals(6, error(base + "    slots: \"Mon-Fri 25:00 UTC\"\n").line());
        assertEquals(6, error(base + "    enabled: maybe\n").line());
        assertEquals(6, error(base + "    visibility: everyone\n").line());
        assertEquals(6, error(base + "    maxHashtags: -2\n").line());
    }

    @Test
    void duplicateNamesAndDuplicateKeysAreRefused() {
        String one = "  - name: a\n    network: webhook\n    url: https://h.example\n    secrets: [\"${env:S}\"]\n";
        assertEquals(6, error("accounts:\n" + one + one).line());
        assertTrue(error("accounts:\n  - name: a\n    name: b\n    network: webhook\n").getMessage().contains("'name' appears twice"));
    }

    @Test
    void brokenYamlAndAnEmptyFileGiveClearErrors() {
        ConfigException broken = error("accounts:\n  - name: a\n    network: [mastodon\n");
        assertTrue(broken.getMessage().startsWith("herald.yaml:"), broken.getMessage());
        assertTrue(broken.getMessage().contains("not valid YAML"), broken.getMessage());
        assertTrue(error("").getMessage().contains("empty"));
        assertTrue(error("site:\n  name: x\n").getMessage().contains("no 'accounts:' list"));
        assertTrue(error("accounts: mastodon\n").getMessage().contains("must be a list"));
    }

    @Test
    void anUnquotedReferenceInABracketListGetsAHint() {
        ConfigException e = error("accounts:\n  - name: a\n    network: webhook\n    url: https://h.example\n    secrets: [${env:S}]\n");
        assertEquals(5, e.line());
        assertTrue(e.getMessage().contains("quote references inside [ ]"), e.getMessage());
    }

    @Test
    void anAliasBombIsRefusedInsteadOfExpanded() {
        StringBuilder y = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) y.append(c).append(": &").append(c).append(" [*").append((char) (c - 1)).append(", *").append((char) (c - 1)).append(", *").append((char) (c - 1)).append("]\n");
        y.append("accounts: [*k]\n");
        assertThrows(ConfigException.class, () -> SyndicationConfig.parse(y.toString(), "herald.yaml"));
    }

    @Test
    void aBaseUrlCanBePointedElsewhereForStagingOrTests() {
        SyndicationConfig c = SyndicationConfig.parse(GOOD, "herald.yaml").withBaseUrl("ledger-bluesky", java.net.URI.create("http://127.0.0.1:5000"));
        assertEquals("http://127.0.0.1:5000", c.account("ledger-bluesky").value("service", null));
        assertEquals("https://mastodon.example", c.account("ledger-mastodon").value("server", null), "other accounts unchanged");
        assertThrows(IllegalArgumentException.class, () -> c.withBaseUrl("ledger-mastodon", java.net.URI.create("file:///etc/passwd")));
        assertThrows(ConfigException.class, () -> c.withBaseUrl("nope", java.net.URI.create("http://127.0.0.1")));
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class, () -> SyndicationConfig.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().endsWith("nope.yaml: file not found"), e.getMessage());
    }

    @Test
    void theExampleConfigurationIsValid() throws Exception {
        SyndicationConfig c = SyndicationConfig.load(RepositoryRoot.resolve("examples/herald.yaml"));
        assertFalse(c.accounts().isEmpty());
        assertTrue(Files.exists(RepositoryRoot.resolve("examples/herald.yaml")));
    }
}
