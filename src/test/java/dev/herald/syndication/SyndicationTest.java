package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockWebhookReceiver;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class SyndicationTest {
    private static final ArticleMeta STORY = ArticleMeta.builder().title("Storm closes the harbour")
            .description("The harbour stayed shut on Tuesday.").url(URI.create("https://ledger.example/storm")).build();

    private static SyndicationConfig config(MockMastodon mastodon, MockWebhookReceiver hooks) {
        return SyndicationConfig.parse("""
                accounts:
                  - name: news-mastodon
                    network: mastodon
                    server: %s
                    token: ${env:MASTODON_TOKEN}
                  - name: news-hook
                    network: webhook
                    url: %s
                    secrets: [ "${env:HOOK_SECRET}" ]
                """.formatted(mastodon.baseUri(), hooks.webhookUri()), "test herald.yaml");
    }

    private static SecretSource secrets(MockMastodon mastodon, MockWebhookReceiver hooks) {
        Map<String, String> env = Map.of("MASTODON_TOKEN", mastodon.accessToken(), "HOOK_SECRET", hooks.secret());
        return reference -> Secret.resolve(reference, env::get, name -> null);
    }

    @Test
    void postsToEveryAccountAndReportsEachOutcomeByAccountInFileOrder(MockMastodon mastodon, MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        try (HttpTransport http = HttpTransport.create()) {
            Syndication accounts = Syndication.of(config(mastodon, hooks), new SyndicatorFactory(http, clock, secrets(mastodon, hooks)));
            Map<String, Outcome> outcomes = accounts.post(STORY);
            assertEquals(List.of("news-mastodon", "news-hook"), List.copyOf(outcomes.keySet()));
            assertTrue(outcomes.values().stream().allMatch(Outcome::delivered), outcomes.toString());
            assertEquals(1, mastodon.statusCount());
            assertEquals(1, hooks.payloads().size());
        }
    }

    @Test
    void oneAccountsFailureNeverStopsTheOthers(MockMastodon mastodon, MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        mastodon.failAlways(Fault.unauthorized());
        try (HttpTransport http = HttpTransport.create()) {
            Map<String, Outcome> outcomes = Syndication.of(config(mastodon, hooks), new SyndicatorFactory(http, clock, secrets(mastodon, hooks)))
                    .post(STORY);
            assertInstanceOf(Outcome.AuthFailed.class, outcomes.get("news-mastodon"));
            assertTrue(outcomes.get("news-hook").delivered());
            assertEquals(1, hooks.payloads().size());
        }
    }

    @Test
    void previewsWhatEachAccountWouldReceiveWithoutSending(MockMastodon mastodon, MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        try (HttpTransport http = HttpTransport.create()) {
            List<Preview> previews = Syndication.of(config(mastodon, hooks), new SyndicatorFactory(http, clock, SecretSource.placeholders()))
                    .preview(STORY);
            assertEquals(List.of("news-mastodon", "news-hook"), previews.stream().map(Preview::account).toList());
            assertTrue(previews.get(0).payload().contains("Storm closes the harbour"), previews.get(0).payload());
            assertEquals(0, mastodon.statusCount());
            assertEquals(0, hooks.payloads().size());
        }
    }
}
