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
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockMastodon;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class MastodonAccountTest {
    static final String HERALD_YAML = """
            accounts:
              - name: newsroom-mastodon
                network: mastodon
                server: https://mastodon.social
                token: ${env:MASTODON_TOKEN}
            """;
    static final ArticleMeta STORY = ArticleMeta.builder()
            .title("The harbour reopens")
            .url(URI.create("https://news.example/harbour"))
            .build();

    @Test
    void postsTheStoryOnceThoughTheFirstAnswerIsLost(MockMastodon mastodon, ManualClock clock) throws Exception {
        // our herald.yaml, its Mastodon account moved onto the fake, the fake's token as credential
        SyndicationConfig config = mastodon.serve(SyndicationConfig.parse(HERALD_YAML, "herald.yaml"), "newsroom-mastodon");
        try (HttpTransport http = HttpTransport.create()) {
            Syndication accounts = Syndication.of(config,
                    new SyndicatorFactory(http, clock, reference -> Secret.of(reference, mastodon.accessToken())));

            mastodon.failNext(1, Fault.dropResponse().onlyFor("/api/v1/statuses"));   // posted, the answer lost
            Outcome first = accounts.post(STORY).get("newsroom-mastodon");
            Outcome retry = accounts.post(STORY).get("newsroom-mastodon");

            assertTrue(first instanceof Outcome.Transient, first.describe());
            assertTrue(retry.delivered(), retry.describe());
        }
        assertEquals(1, mastodon.statusCount());             // the retry carried the same Idempotency-Key
        assertEquals(1, mastodon.idempotentReplayCount());
    }
}
