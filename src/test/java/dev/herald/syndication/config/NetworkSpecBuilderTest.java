package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A network's settings declared in one chained expression, as a provider writes them. */
class NetworkSpecBuilderTest {
    @Test
    void everyBuilderStepChainsAndAddsToWhatIsThere() {
        NetworkSpec spec = NetworkSpec.builder("cms")
                .required("api").urls("feed").lists("tags").secretUrls("hook").secrets("key")
                .optional("feed", "tags", "hook", "key", "mode").choice("mode", "fast", "slow").baseUrl("api")
                .build();
        assertEquals(Set.of("api"), spec.required());
        assertEquals(Set.of("feed", "tags", "hook", "key", "mode"), spec.optional());
        assertEquals(Set.of("feed", "hook", "api"), spec.urls(), "secret URLs and the base URL are URL keys too");
        assertEquals(Set.of("hook"), spec.secretUrls());
        assertEquals(Set.of("tags"), spec.lists());
        assertEquals(Set.of("key"), spec.secrets());
        assertEquals(Map.of("mode", List.of("fast", "slow")), spec.choices());
        assertEquals("api", spec.baseUrl());
    }
}
