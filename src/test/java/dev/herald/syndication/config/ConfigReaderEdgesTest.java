package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.QueueSlots;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edges of what {@code herald.yaml} accepts: the smallest allowed values, every spelling, the exact limits. */
class ConfigReaderEdgesTest {
    private static final String MASTODON = "accounts:\n  - name: m\n    network: mastodon\n    server: https://m.example\n    token: ${env:T}\n";

    private static SyndicationConfig parse(String yaml) {
        return SyndicationConfig.parse(yaml, "herald.yaml");
    }

    private static ConfigException error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml));
    }

    @Test
    void keyVersionOneIsTheSmallestAllowedAndAnyLargerVersionIsKept() {
        String key = "credentials:\n  key: ${env:K}\n  keyVersion: %s\n";
        assertEquals(1, parse(MASTODON + key.formatted("1")).credentialKeyVersion());
        assertEquals(7, parse(MASTODON + key.formatted("7")).credentialKeyVersion());
        assertEquals(8, error(MASTODON + key.formatted("0")).line(), "refused on the keyVersion line");
    }

    @Test
    void maxHashtagsZeroTurnsHashtagsOffAndMinusOneIsRefused() {
        assertEquals(0, parse(MASTODON + "    maxHashtags: 0\n").account("m").template().maxHashtags());
        ConfigException e = error(MASTODON + "    maxHashtags: -1\n");
        assertEquals("herald.yaml:6: account 'm': maxHashtags must be a whole number, 0 or more", e.getMessage());
    }

    @Test
    void everySpellingOfABooleanIsRead() {
        for (String yes : List.of("true", "yes", "on", "YES", " On ")) {
            SyndicationConfig c = parse(MASTODON + "    enabled: \"" + yes + "\"\n    articleTags: \"" + yes + "\"\n");
            assertTrue(c.account("m").enabled(), yes);
            assertTrue(c.account("m").template().articleTags(), yes);
            assertEquals(List.of("m"), c.enabledAccounts().stream().map(AccountSettings::name).toList(), yes);
        }
        for (String no : List.of("false", "no", "off", "Off")) {
            SyndicationConfig c = parse(MASTODON + "    enabled: \"" + no + "\"\n    articleTags: \"" + no + "\"\n");
            assertFalse(c.account("m").enabled(), no);
            assertFalse(c.account("m").template().articleTags(), no);
            assertTrue(c.enabledAccounts().isEmpty(), no);
        }
    }

    @Test
    void hashtagsAndMentionsMayBeListsAndASingleValuedKeyMayNot() {
        SyndicationConfig c = parse(MASTODON + "    hashtags: [news, world]\n    mentions: [\"@desk@m.example\", \"@eds@m.example\"]\n");
        assertEquals(List.of("news", "world"), c.account("m").template().hashtags());
        assertEquals(List.of("@desk@m.example", "@eds@m.example"), c.account("m").template().mentions());
        ConfigException e = error("accounts:\n  - name: m\n    network: mastodon\n    server: [https://m.example]\n    token: ${env:T}\n");
        assertEquals("herald.yaml:4: account 'm': 'server' takes a single value, not a list", e.getMessage());
        ConfigException visibility = error(MASTODON + "    visibility: [public]\n");
        assertEquals("herald.yaml:6: account 'm': 'visibility' takes a single value, not a list", visibility.getMessage());
    }

    @Test
    void anEmptyFetchBlockAllowsOnlyPublicAddresses() {
        SyndicationConfig c = parse(MASTODON + "fetch: {}\n");
        assertSame(FetchPolicy.PUBLIC_ONLY, c.fetchPolicy());
        assertEquals(List.of(), c.fetchPolicy().allow());
    }

    @Test
    void aFileOfExactlyOneMegabyteIsReadAndOneByteMoreIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("herald.yaml");
        byte[] head = MASTODON.getBytes(StandardCharsets.UTF_8);
        byte[] exact = new byte[1024 * 1024];
        System.arraycopy(head, 0, exact, 0, head.length);
        exact[head.length] = '#'; // the rest is one long comment line
        for (int i = head.length + 1; i < exact.length; i++) exact[i] = 'x';
        Files.write(file, exact);
        assertEquals("m", SyndicationConfig.load(file).accounts().get(0).name());
        byte[] over = java.util.Arrays.copyOf(exact, exact.length + 1);
        over[exact.length] = 'x';
        Files.write(file, over);
        ConfigException e = assertThrows(ConfigException.class, () -> SyndicationConfig.load(file));
        assertEquals(file + ": file is larger than 1 MB; is it the right file?", e.getMessage());
    }

    @Test
    void moreThanTwentyAliasesOfListsAreRefusedAsNotValidYaml() {
        // Few enough to pass SnakeYAML's own default (50): the file's limit is lower.
        StringBuilder y = new StringBuilder("defaults:\n  hashtags: &tags [news]\naccounts: [");
        for (int i = 0; i < 21; i++) y.append(i == 0 ? "" : ", ").append("*tags");
        y.append("]\n");
        ConfigException e = error(y.toString());
        assertTrue(e.getMessage().startsWith("herald.yaml: not valid YAML: "), e.getMessage());
        assertTrue(e.getMessage().contains("max=20"), e.getMessage());
    }

    @Test
    void queueSlotsAreParsedForTheEnabledAccountsThatHaveThem() {
        SyndicationConfig c = parse("""
                accounts:
                  - name: early
                    network: mastodon
                    server: https://m.example
                    token: ${env:T}
                    slots: "Mon-Fri 09:00 Europe/Berlin"
                  - name: any-time
                    network: mastodon
                    server: https://m.example
                    token: ${env:T}
                  - name: off
                    network: mastodon
                    server: https://m.example
                    token: ${env:T}
                    slots: "Sat 10:00 UTC"
                    enabled: false
                """);
        assertEquals(Map.of("early", QueueSlots.parse("Mon-Fri 09:00 Europe/Berlin")), c.queueSlots());
    }

    @Test
    void aUrlKeyThatIsNotHttpOrNotAUrlSaysWhich() {
        ConfigException scheme = error("accounts:\n  - name: m\n    network: mastodon\n    server: ftp://m.example\n    token: ${env:T}\n");
        assertEquals("herald.yaml:4: account 'm': 'server' must be an absolute http(s) URL: ftp://m.example", scheme.getMessage());
        ConfigException broken = error("accounts:\n  - name: m\n    network: mastodon\n    server: \"https://m.example/a b\"\n    token: ${env:T}\n");
        assertEquals("herald.yaml:4: account 'm': 'server' is not a valid URL (Illegal character in path): https://m.example/a b",
                broken.getMessage());
        ConfigException hostless = error("accounts:\n  - name: m\n    network: mastodon\n    server: \"https:/m.example\"\n    token: ${env:T}\n");
        assertEquals("herald.yaml:4: account 'm': 'server' has no host: https:/m.example", hostless.getMessage());
        IllegalArgumentException moved = assertThrows(IllegalArgumentException.class,
                () -> parse(MASTODON).withBaseUrl("m", URI.create("mailto:desk@m.example")));
        assertEquals("base URL of 'm' must be an absolute http(s) URL: mailto:desk@m.example", moved.getMessage());
    }
}
