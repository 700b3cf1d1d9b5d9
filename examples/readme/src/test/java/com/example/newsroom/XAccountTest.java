package com.example.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndication;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockX;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class XAccountTest {
    static final String HERALD_YAML = """
            accounts:
              - name: newsroom-x
                network: x
                consumerKey: ${env:X_CONSUMER_KEY}
                consumerSecret: ${env:X_CONSUMER_SECRET}
                accessToken: ${env:X_ACCESS_TOKEN}
                accessTokenSecret: ${env:X_ACCESS_TOKEN_SECRET}
            """;
    static final ArticleMeta STORY = ArticleMeta.builder()
            .title("港口在风暴后重新开放 — the harbour reopens after the storm, and the first ferries are back on time")
            .url(URI.create("https://news.example/harbour"))
            .build();

    @Test
    void postsOneTweetWithinXsWeightedLimit(MockX x, ManualClock clock) throws Exception {
        SyndicationConfig config = x.serve(SyndicationConfig.parse(HERALD_YAML, "herald.yaml"), "newsroom-x");
        Map<String, String> keys = Map.of("X_CONSUMER_KEY", MockX.DEFAULT_CONSUMER_KEY, "X_CONSUMER_SECRET", MockX.DEFAULT_CONSUMER_SECRET,
                "X_ACCESS_TOKEN", MockX.DEFAULT_ACCESS_TOKEN, "X_ACCESS_TOKEN_SECRET", MockX.DEFAULT_ACCESS_TOKEN_SECRET);
        try (HttpTransport http = HttpTransport.create()) {
            Syndication accounts = Syndication.of(config,
                    new SyndicatorFactory(http, clock, reference -> Secret.of(reference, keys.get(reference.replaceAll(".*:|}", "")))));

            Outcome outcome = accounts.post(STORY).get("newsroom-x");

            assertTrue(outcome.delivered(), outcome.describe());
        }
        assertEquals(1, x.postCount());                        // the fake checked the OAuth 1.0a signature
        assertTrue(MockX.weightedLength(x.posts().get(0).text()) <= 280);   // CJK counts 2, the link 23
    }
}
