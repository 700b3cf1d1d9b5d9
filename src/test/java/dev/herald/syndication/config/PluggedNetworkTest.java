package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TestNetwork;
import dev.herald.testkit.ManualClock;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A network that is not Herald's own, configured and built through its provider alone. */
class PluggedNetworkTest {
    private static final String YAML = """
            accounts:
              - name: desk
                network: NewsDesk
                api: https://cms.example/api
                key: ${env:CMS_KEY}
                mode: fast
            """;
    private static final Post POST = Post.of(ArticleMeta.builder().title("Storm").url(URI.create("https://ledger.example/storm")).build(), "desk", "k1");

    private final HttpTransport http = HttpTransport.create();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-01T12:00:00Z"));
    private final AtomicReference<String> seen = new AtomicReference<>();

    @AfterEach
    void close() throws Exception {
        http.close();
    }

    /** A CMS whose syndicator records what it was built with, and fails like a bug quoting its key. */
    private final TestNetwork cms = TestNetwork.named("cms", (account, context) -> {
        Secret key = account.secret("key");
        seen.set(account.name() + " " + account.url("api", null) + " " + account.value("mode", "slow") + " " + (context.clock() == clock));
        return new Syndicator() {
            @Override
            public String account() {
                return account.name();
            }

            @Override
            public String network() {
                return "cms";
            }

            @Override
            public Outcome send(Post post) {
                throw new IllegalStateException("the CMS refused key " + key.value());
            }
        };
    }).withAliases("newsdesk");
    private final NetworkRegistry registry = new NetworkRegistry(List.of(cms));

    private static SecretSource env(Map<String, String> values) {
        return reference -> Secret.resolve(reference, values::get, name -> null);
    }

    @Test
    void anAliasIsCheckedAgainstItsNetworksSettingsAndStoredAsTheCanonicalName() {
        SyndicationConfig c = SyndicationConfig.parse(YAML, "herald.yaml", registry);
        assertEquals("cms", c.account("desk").network());
        assertEquals(Map.of("desk", "cms"), c.networks());
        assertEquals(registry, c.registry());
    }

    @Test
    void theProviderBuildsTheSyndicatorAndTheCoreGuardsIt() {
        SyndicationConfig c = SyndicationConfig.parse(YAML, "herald.yaml", registry);
        Syndicator s = new SyndicatorFactory(http, clock, env(Map.of("CMS_KEY", "key-SECRET-9"))).createAll(c).get(0);
        assertEquals("desk https://cms.example/api fast true", seen.get());
        Outcome o = s.send(POST);
        assertEquals("unexpected failure: java.lang.IllegalStateException: the CMS refused key ****", assertInstanceOf(Outcome.Transient.class, o).message());
        Preview p = s.preview(POST);
        assertEquals("cms", p.network());
    }

    @Test
    void theNetworksOwnKeysChoicesAndCredentialsAreCheckedAtLoadTime() {
        ConfigException unknown = assertThrows(ConfigException.class, () -> SyndicationConfig.parse(YAML.replace("mode: fast", "moed: fast"), "herald.yaml", registry));
        assertEquals("herald.yaml:6: account 'desk': unknown key 'moed' for a cms account; known: api, articleTags, enabled, hashtags, key, "
                + "maxHashtags, mentions, mode, name, network, slots, template", unknown.getMessage());
        ConfigException choice = assertThrows(ConfigException.class, () -> SyndicationConfig.parse(YAML.replace("mode: fast", "mode: quick"), "herald.yaml", registry));
        assertEquals("herald.yaml:6: account 'desk': mode must be fast or slow, not 'quick'", choice.getMessage());
        ConfigException literal = assertThrows(ConfigException.class, () -> SyndicationConfig.parse(YAML.replace("${env:CMS_KEY}", "key-SECRET-9"), "herald.yaml", registry));
        assertTrue(literal.getMessage().contains("'key' must be a reference such as ${env:CMS_KEY}"), literal.getMessage());
        assertFalse(literal.getMessage().contains("key-SECRET-9"), literal.getMessage());
    }

    @Test
    void aNetworkNotInTheRegistryIsUnknownNamingTheOnesThatAre() {
        NetworkRegistry none = new NetworkRegistry(List.of());
        ConfigException e = assertThrows(ConfigException.class, () -> SyndicationConfig.parse(YAML, "herald.yaml", none));
        assertEquals("herald.yaml:3: account 'desk': unknown network 'newsdesk'; supported: ", e.getMessage());
        ConfigException other = assertThrows(ConfigException.class, () -> SyndicationConfig.parse(YAML.replace("NewsDesk", "telegram"), "herald.yaml", registry));
        assertTrue(other.getMessage().contains("unknown network 'telegram'; supported: cms"), other.getMessage());
    }

    @Test
    void theBaseUrlReplacedIsTheKeyTheNetworkDeclares() {
        SyndicationConfig moved = SyndicationConfig.parse(YAML, "herald.yaml", registry).withBaseUrl("desk", URI.create("http://127.0.0.1:9/api"));
        assertEquals("http://127.0.0.1:9/api", moved.account("desk").value("api", null));
        assertEquals(4, moved.account("desk").setting("api").line());
    }

    @Test
    void aSpecRefusesKeysItDoesNotDeclareAndKeysEveryAccountHas() {
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.builder("cms").required("api").secrets("key").build());
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.builder("cms").required("name").build());
        assertThrows(IllegalArgumentException.class, () -> NetworkSpec.builder("cms").required("api").optional("api").build());
        NetworkSpec spec = NetworkSpec.builder("cms").required("key").secrets("key").optional("feed").build();
        assertEquals(null, spec.baseUrl());
    }
}
