package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockWebhookReceiver;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyndicatorFactoryTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final MockWebhookReceiver receiver = MockWebhookReceiver.builder().clock(clock).start();
    private final HttpTransport http = HttpTransport.create();

    @AfterEach
    void stop() throws Exception {
        receiver.close();
        http.close();
    }

    private static final String HOOK = """
            accounts:
              - name: hook
                network: webhook
                url: ${env:HOOK_URL}
                secrets:
                  - ${env:HOOK_SECRET}
            """;

    private SecretSource env(Map<String, String> values) {
        return reference -> Secret.resolve(reference, values::get, name -> null);
    }

    @Test
    void aWebhookUrlCanBeACredentialReference() {
        SyndicationConfig config = SyndicationConfig.parse(HOOK, "herald.yaml");
        List<Syndicator> s = new SyndicatorFactory(http, clock, env(Map.of("HOOK_URL", receiver.webhookUri().toString(), "HOOK_SECRET", receiver.secret())))
                .createAll(config);
        ArticleMeta a = ArticleMeta.builder().title("Storm").url(URI.create("https://ledger.example/storm")).build();
        Outcome o = s.get(0).send(Post.of(a, "hook", "1"));
        assertTrue(o.delivered(), o.describe());
        assertEquals(1, receiver.uniqueCount());
    }

    @Test
    void aReferencedUrlThatIsNotAUrlIsRefusedWithoutShowingIt() {
        SyndicationConfig config = SyndicationConfig.parse(HOOK, "herald.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> new SyndicatorFactory(http, clock,
                env(Map.of("HOOK_URL", "token-abc123-not-a-url", "HOOK_SECRET", receiver.secret()))).createAll(config));
        assertEquals(4, e.line());
        assertTrue(e.getMessage().contains("${env:HOOK_URL} must be an absolute http(s) URL"), e.getMessage());
        assertFalse(e.getMessage().contains("token-abc123"), e.getMessage());
    }

    @Test
    void onlyAWebhookUrlMayBeAReference() {
        ConfigException e = assertThrows(ConfigException.class, () -> SyndicationConfig.parse(
                "accounts:\n  - name: m\n    network: mastodon\n    server: ${env:SERVER}\n    token: ${env:T}\n", "herald.yaml"));
        assertEquals(4, e.line());
    }

    @Test
    void anUnsetCredentialIsNamedWithItsLine() {
        SyndicationConfig config = SyndicationConfig.parse(HOOK, "herald.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> new SyndicatorFactory(http, clock,
                env(Map.of("HOOK_URL", receiver.webhookUri().toString()))).createAll(config));
        assertEquals("herald.yaml:5: account 'hook': secrets: environment variable HOOK_SECRET is not set", e.getMessage());
    }
}
