package dev.herald.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockService;
import dev.herald.testkit.MockWebhookReceiver;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldMockExtension.class)
class SandboxTest {
    private static final ArticleMeta STORY = ArticleMeta.builder().title("Storm closes the harbour")
            .url(URI.create("https://ledger.example/storm")).build();

    @Test
    void everySandboxAccountPostsToItsFakeWithHeraldsRealSyndicators() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-01T12:00:00Z")); // while LinkedIn-Version 202611 is active
        try (Sandbox sandbox = Sandbox.start(clock); HttpTransport http = HttpTransport.create()) {
            List<Syndicator> all = sandbox.syndicators(http, clock);
            assertEquals(List.of("mastodon", "bluesky", "webhook", "x", "facebook", "linkedin", "threads", "telegram", "discord", "slack", "websub"),
                    all.stream().map(Syndicator::network).toList());
            for (Syndicator s : all) {
                Outcome o = s.send(Post.of(STORY, s.account(), "1"));
                assertTrue(o.delivered(), s.account() + ": " + o.describe());
            }
            assertEquals(1, sandbox.mastodon().statuses().size());
            assertEquals(1, sandbox.bluesky().posts().size());
            assertEquals(1, sandbox.webhook().uniqueCount());
            assertEquals(1, sandbox.x().postCount());
            assertEquals(1, sandbox.facebook().postCount());
            assertEquals(1, sandbox.linkedIn().postCount());
            assertEquals(1, sandbox.threads().posts().size());
            assertEquals(1, sandbox.telegram().messageCount());
            assertEquals(1, sandbox.discord().messageCount());
            assertEquals(1, sandbox.slack().messageCount());
            assertEquals(1, sandbox.webSubHub().pings().size());
        }
    }

    @Test
    void theSandboxRunsOneFakeOfEveryInstalledNetwork() {
        try (Sandbox sandbox = Sandbox.start()) {
            assertEquals(NetworkRegistry.installed().names(), Set.copyOf(sandbox.fakes().stream().map(MockService::network).toList()));
            assertEquals(sandbox.fakes().size(), sandbox.config().accounts().size(), "one account per fake");
        }
    }

    @Test
    void everyFakePlaysAnInstalledNetworkThatHasABaseUrl(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver webhook) {
        NetworkRegistry installed = NetworkRegistry.installed();
        for (MockService fake : List.of(mastodon, bluesky, webhook)) {
            assertTrue(installed.find(fake.network()).isPresent(), fake.network());
            assertTrue(installed.get(fake.network()).settings().baseUrl() != null, fake.network());
        }
        assertEquals(Set.of("mastodon", "bluesky", "webhook"), Set.of(mastodon.network(), bluesky.network(), webhook.network()));
    }

    @Test
    void aFakeServesOnlyAccountsOfItsOwnNetwork(MockMastodon mastodon, MockWebhookReceiver webhook) {
        SyndicationConfig config = SyndicationConfig.parse("""
                accounts:
                  - name: hook
                    network: webhook
                    url: https://hooks.example/herald
                    secrets:
                      - ${env:HOOK_SECRET}
                """, "herald.yaml");
        assertEquals(webhook.webhookUri().toString(), webhook.serve(config, "hook").account("hook").value("url", null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mastodon.serve(config, "hook"));
        assertTrue(e.getMessage().contains("is a webhook account; MockMastodon plays mastodon"), e.getMessage());
    }
}
