package dev.herald.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.page.HeraldConfig;
import java.io.InputStream;
import java.net.URI;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class HeraldPropertiesTest {

    @Test
    void readsRelaxedKebabCaseAndCamelCaseKeys() {
        StandardEnvironment env = env(Map.of(
                "herald.site.name", "The Harbour Post",
                "herald.site.url", "https://news.example",
                "herald.site.default-image", "/img/card.png",
                "herald.site.defaultImage.width", "1200",
                "herald.site.default-image.height", "630",
                "herald.max-buffer-bytes", "512KiB"));
        HeraldConfig config = HeraldProperties.config(env);
        assertEquals("The Harbour Post", config.site().siteName());
        assertEquals(URI.create("https://news.example/img/card.png"), config.site().defaultImage().url());
        assertEquals(1200, config.site().defaultImage().width());
        assertEquals(512 * 1024, config.maxBufferBytes());
    }

    @Test
    void environmentVariablesBindAndOutrankFiles() {
        StandardEnvironment env = env(Map.of("herald.site.name", "From the file"));
        env.getPropertySources().addFirst(new SystemEnvironmentPropertySource("systemEnvironment",
                Map.of("HERALD_SITE_NAME", "From the environment", "HERALD_HOME", "/opt/herald")));
        assertEquals("From the environment", HeraldProperties.config(env).site().siteName());
    }

    @Test
    void refusesAMisspeltKeyNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldProperties.config(env(Map.of("herald.site.nmae", "x"))));
        assertTrue(e.getMessage().contains("herald.site.nmae"), e.getMessage());
    }

    @Test
    void leavesOtherSystemPropertiesUnderHeraldAlone() {
        StandardEnvironment env = env(Map.of("herald.site.name", "The Post"));
        env.getPropertySources().addFirst(new MapPropertySource(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                Map.of("herald.config", "/etc/herald.properties", "herald.site.twitter", "@thepost")));
        HeraldConfig config = HeraldProperties.config(env);
        assertEquals("The Post", config.site().siteName());
        assertEquals("@thepost", config.site().twitterSite());
    }

    @Test
    void refusesAnInvalidValueNamingKeyAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeraldProperties.config(env(Map.of("herald.buttons.placement", "sidebar"))));
        assertTrue(e.getMessage().contains("herald.buttons.placement='sidebar'"), e.getMessage());
    }

    @Test
    void theAutoConfigurationsOwnKeysAreNotPassedToTheFilter() {
        HeraldConfig config = HeraldProperties.config(env(Map.of("herald.filter.enabled", "false", "herald.delivery.threads", "4")));
        assertTrue(config.enabled());
    }

    @Test
    void theIdeMetadataListsEveryKeyAndNoOther() throws Exception {
        JsonNode meta;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            meta = new ObjectMapper().readTree(in);
        }
        Set<String> listed = new HashSet<>();
        for (JsonNode p : meta.get("properties")) {
            String name = p.get("name").asText();
            assertFalse(p.path("description").asText().isBlank(), name + " has no description");
            if (SyndicationProperties.isSetting(name + ".")) continue; // herald.yaml's sections, checked by its reader
            if (name.startsWith("herald.")) listed.add(HeraldProperties.officialKey(name, false));
        }
        Set<String> known = new TreeSet<>(HeraldConfig.Keys.ALL);
        known.addAll(HeraldProperties.SPRING_KEYS);
        assertFalse(listed.contains(null), "a listed key is not one Herald knows: " + listed);
        assertEquals(known, new TreeSet<>(listed));
    }

    private static StandardEnvironment env(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        env.getPropertySources().addLast(new MapPropertySource("application.properties", values));
        return env;
    }
}
