package dev.herald.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SyndicationConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class SyndicationPropertiesTest {

    @Test
    void readsAccountsGivenAsPropertiesLikeHeraldYaml() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("herald.syndication.defaults.template", "{headline} {url}");
        p.put("herald.syndication.accounts[0].name", "newsroom-mastodon");
        p.put("herald.syndication.accounts[0].network", "mastodon");
        p.put("herald.syndication.accounts[0].server", "https://mastodon.social");
        p.put("herald.syndication.accounts[0].token", "${env:MASTODON_TOKEN}");
        p.put("herald.syndication.accounts[1].name", "newsroom-hook");
        p.put("herald.syndication.accounts[1].network", "webhook");
        p.put("herald.syndication.accounts[1].url", "https://hooks.example/herald");
        p.put("herald.syndication.accounts[1].secrets[0]", "${env:HERALD_WEBHOOK_SECRET}");
        SyndicationConfig config = SyndicationProperties.read(env(p));
        assertEquals(List.of("newsroom-mastodon", "newsroom-hook"), config.accounts().stream().map(a -> a.name()).toList());
        assertEquals(Map.of("newsroom-mastodon", "mastodon", "newsroom-hook", "webhook"), config.networks());
        // Left for Herald to resolve when it builds the account: never resolved (or mangled) by Spring.
        assertEquals("${env:MASTODON_TOKEN}", config.account("newsroom-mastodon").value("token", null));
    }

    @Test
    void refusesAnUnknownKeyAsHeraldYamlWould() {
        ConfigException e = assertThrows(ConfigException.class, () -> SyndicationProperties.read(env(Map.of(
                "herald.syndication.accounts[0].name", "x",
                "herald.syndication.accounts[0].network", "mastodon",
                "herald.syndication.accounts[0].server", "https://mastodon.social",
                "herald.syndication.accounts[0].token", "${env:T}",
                "herald.syndication.accounts[0].tokne", "oops"))));
        assertTrue(e.getMessage().contains("tokne"), e.getMessage());
    }

    @Test
    void givesNothingWithoutSettings() {
        assertNull(SyndicationProperties.read(env(Map.of("herald.site.name", "x"))));
    }

    @Test
    void theirKeysAreNotRefusedAsUnknownHeraldKeys() {
        StandardEnvironment env = env(Map.of("herald.syndication.accounts[0].name", "x", "herald.site.name", "The Post"));
        assertEquals("The Post", HeraldProperties.config(env).site().siteName());
    }

    private static StandardEnvironment env(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("application.properties", values));
        return env;
    }
}
