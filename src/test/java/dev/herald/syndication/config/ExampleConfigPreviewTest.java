package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.RepositoryRoot;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Syndicator;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code herald post --dry-run} with the example file prints: one payload per account, with no credential at all. */
class ExampleConfigPreviewTest {
    @Test
    void everyAccountOfTheExampleFilePreviewsItsNetworksPayloadWithoutCredentials() throws Exception {
        SyndicationConfig config = SyndicationConfig.load(RepositoryRoot.resolve("examples/herald.yaml"));
        ArticleMeta story = ArticleMeta.builder().title("Iran says retaliation for US strike is complete (analysis)")
                .description("Tehran fired 15 missiles at two Iraqi bases that house American troops.")
                .url("https://ledger.example/articles/iran_retaliation.html").tags(List.of("Iran")).build();
        Map<String, String> networks = new LinkedHashMap<>();
        try (HttpTransport http = HttpTransport.create()) {
            for (Syndicator s : new SyndicatorFactory(http, Clock.systemUTC(), SecretSource.placeholders()).createAll(config)) {
                Preview p = s.preview(Post.of(story, s.account(), "1"));
                networks.put(s.network(), p.payload());
                assertFalse(p.payload().contains(SecretSource.PLACEHOLDER), s.account() + " shows a credential: " + p.payload());
                assertTrue(p.text().fits(), s.account());
                // Every payload is JSON but WebSub's, a form.
                if (s.network().equals("websub")) assertTrue(p.payload().startsWith("hub.mode=publish&"), p.payload());
                else new ObjectMapper().readTree(p.payload());
            }
        }
        assertEquals(List.of("mastodon", "bluesky", "x", "facebook", "linkedin", "threads", "webhook", "telegram", "discord", "slack", "websub"),
                List.copyOf(networks.keySet()));
        assertTrue(networks.get("linkedin").contains("\\\\(analysis\\\\)"), "little text escaped: " + networks.get("linkedin"));
        assertTrue(networks.get("threads").contains("\"link_attachment\" : \"https://ledger.example/articles/iran_retaliation.html\""), networks.get("threads"));
    }
}
