package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.CredentialKey;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** herald.yaml's {@code credentials:} section: the credential store's key, by reference only. */
class CredentialsSectionTest {
    private static final String ACCOUNTS = """
            accounts:
              - name: main
                network: mastodon
                server: https://mastodon.example
                token: ${env:T}
            """;

    @Test
    void readsTheKeyReferenceAndItsVersionAndKeepsThemThroughABaseUrlChange() {
        SyndicationConfig c = SyndicationConfig.parse("credentials:\n  key: ${env:HERALD_CREDENTIALS_KEY}\n  keyVersion: 3\n" + ACCOUNTS, "herald.yaml");

        assertEquals(Optional.of("${env:HERALD_CREDENTIALS_KEY}"), c.credentialKey());
        assertEquals(3, c.credentialKeyVersion());
        SyndicationConfig moved = c.withBaseUrl("main", URI.create("http://127.0.0.1:9999/"));
        assertEquals(Optional.of("${env:HERALD_CREDENTIALS_KEY}"), moved.credentialKey());
        assertEquals(3, moved.credentialKeyVersion());
    }

    @Test
    void withoutTheSectionThereIsNoKeyAndVersionOne() {
        SyndicationConfig c = SyndicationConfig.parse(ACCOUNTS, "herald.yaml");

        assertEquals(Optional.empty(), c.credentialKey());
        assertEquals(1, c.credentialKeyVersion());
    }

    @Test
    void aLiteralKeyAMissingKeyABadVersionOrAnUnknownSettingIsRefusedWithItsLine() {
        ConfigException literal = assertThrows(ConfigException.class,
                () -> SyndicationConfig.parse("credentials:\n  key: c2VjcmV0LWtleS1ieXRlcw==\n" + ACCOUNTS, "herald.yaml"));
        assertTrue(literal.getMessage().contains("must be a reference"), literal.getMessage());
        assertFalse(literal.getMessage().contains("c2VjcmV0"), "the literal is not repeated: " + literal.getMessage());
        assertEquals(2, literal.line());

        ConfigException missing = assertThrows(ConfigException.class, () -> SyndicationConfig.parse("credentials:\n  keyVersion: 2\n" + ACCOUNTS, "herald.yaml"));
        assertTrue(missing.getMessage().contains("missing 'key'"), missing.getMessage());
        ConfigException version = assertThrows(ConfigException.class,
                () -> SyndicationConfig.parse("credentials:\n  key: ${env:K}\n  keyVersion: zero\n" + ACCOUNTS, "herald.yaml"));
        assertTrue(version.getMessage().contains("keyVersion must be a whole number"), version.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class,
                () -> SyndicationConfig.parse("credentials:\n  key: ${env:K}\n  cipher: aes\n" + ACCOUNTS, "herald.yaml"));
        assertTrue(unknown.getMessage().contains("cipher"), unknown.getMessage());
    }

    @Test
    void theKeyMustBeBase64OfAnAesKeyAndErrorsNameTheReferenceNotTheValue() {
        CredentialKey ok = CredentialKey.of(1, new Secret("${env:K}", CredentialKey.generate()));
        assertEquals(1, ok.version());
        assertEquals(32, Base64.getDecoder().decode(CredentialKey.generate()).length);

        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> CredentialKey.of(1, new Secret("${env:K}", Base64.getEncoder().encodeToString(new byte[10]))));
        assertTrue(tooShort.getMessage().contains("${env:K}") && tooShort.getMessage().contains("openssl rand -base64 32"), tooShort.getMessage());
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class, () -> CredentialKey.of(1, new Secret("${env:K}", "not base64 at all!")));
        assertFalse(notBase64.getMessage().contains("not base64 at all"), notBase64.getMessage());
    }
}
