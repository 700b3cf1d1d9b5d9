package com.example.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.BlueskyPost;
import dev.herald.testkit.FacebookPagePost;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.LinkedInPost;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MastodonStatus;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockFacebook;
import dev.herald.testkit.MockLinkedIn;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockThreads;
import dev.herald.testkit.MockDiscord;
import dev.herald.testkit.MockSlack;
import dev.herald.testkit.MockTelegram;
import dev.herald.testkit.MockWebSubHub;
import dev.herald.testkit.MockWebhookReceiver;
import dev.herald.testkit.MockX;
import dev.herald.testkit.SlackMessage;
import dev.herald.testkit.XPost;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How a site checks its own herald.yaml before going live: the real file, each account pointed at
 * the test kit's fake of its network, the site's wording checked where readers will see it.
 */
@ExtendWith(HeraldMockExtension.class)
class HeraldYamlTest {
    private static final ArticleMeta STORY = ArticleMeta.builder()
            .title("Iran calls its missile strikes on U.S. bases in Iraq the end of its retaliation")
            .description("Tehran fired 15 missiles at two Iraqi bases that house American troops, then declared its answer "
                    + "to the killing of Gen. Qassem Soleimani complete. No casualties were reported.")
            .url(URI.create("https://ledger.example/articles/iran-retaliation.html"))
            .locale(Locale.US).tags(List.of("Iran", "Middle East")).build();

    @Test
    void everyEnabledAccountGetsTheStoryWordedAsWeMeantIt(MockMastodon mastodon, MockX x, MockFacebook facebook, MockLinkedIn linkedin, MockThreads threads,
            MockWebhookReceiver hook, MockTelegram telegram, MockDiscord discord, MockSlack slack, MockWebSubHub hub, ManualClock clock) throws Exception {
        // Our Bluesky account as the fake knows it: the handle in our herald.yaml, a test password.
        try (MockBluesky bluesky = MockBluesky.builder().clock(clock).strictFacets()
                .account("ledger.bsky.social", "test-app-password", "did:plc:ledgernewsroomaccountaaa").start()) {
            SyndicationConfig config = SyndicationConfig.load(Path.of("examples/herald.yaml"))
                    .withBaseUrl("ledger-mastodon", mastodon.baseUri())
                    .withBaseUrl("ledger-bluesky", bluesky.baseUri())
                    .withBaseUrl("ledger-x", x.baseUri())
                    .withBaseUrl("ledger-facebook", facebook.baseUri())
                    .withBaseUrl("ledger-linkedin", linkedin.baseUri())
                    .withBaseUrl("ledger-threads", threads.baseUri());
            config = hook.serve(config, "newsroom-hook");
            config = telegram.serve(config, "ledger-telegram");
            config = discord.serve(config, "ledger-discord");
            config = slack.serve(config, "newsroom-slack");
            config = slack.serve(config, "newsroom-slack-bot");
            config = hub.serve(config, "ledger-websub");
            Map<String, String> testCredentials = Map.of("FACEBOOK_PAGE_TOKEN", MockFacebook.DEFAULT_PAGE_TOKEN,
                    "LINKEDIN_TOKEN", MockLinkedIn.DEFAULT_TOKEN, "THREADS_TOKEN", MockThreads.DEFAULT_TOKEN,
                    "MASTODON_TOKEN", mastodon.accessToken(), "BLUESKY_APP_PASSWORD", "test-app-password",
                    "X_CONSUMER_KEY", MockX.DEFAULT_CONSUMER_KEY, "X_CONSUMER_SECRET", MockX.DEFAULT_CONSUMER_SECRET,
                    "X_ACCESS_TOKEN", MockX.DEFAULT_ACCESS_TOKEN, "X_ACCESS_TOKEN_SECRET", MockX.DEFAULT_ACCESS_TOKEN_SECRET);
            Map<String, String> chatCredentials = Map.of("HERALD_WEBHOOK_SECRET", hook.secret(), "TELEGRAM_BOT_TOKEN", MockTelegram.DEFAULT_TOKEN,
                    "SLACK_BOT_TOKEN", slack.botToken());
            Map<String, String> all = new java.util.HashMap<>(testCredentials);
            all.putAll(chatCredentials);
            SecretSource secrets = reference -> Secret.resolve(reference, all::get, name -> null);

            try (HttpTransport http = HttpTransport.create()) {
                for (Syndicator s : new SyndicatorFactory(http, clock, secrets).createAll(config)) {
                    Outcome outcome = s.send(Post.of(STORY, s.account(), "1"));
                    assertTrue(outcome.delivered(), s.account() + ": " + outcome.describe());
                }
            }

            MastodonStatus toot = mastodon.statuses().get(0);
            assertTrue(toot.text().startsWith(STORY.title()), toot.text());
            assertTrue(toot.text().endsWith("#news #Iran #MiddleEast"), "our default hashtags, then the story's: " + toot.text());
            assertEquals("en", toot.language());

            BlueskyPost skeet = bluesky.posts().get(0);
            assertTrue(skeet.linkUris().contains(STORY.url().toString()), "the link is clickable: " + skeet.record());
            assertEquals(STORY.title(), skeet.externalEmbed().path("title").asText(), "the card carries the headline");
            assertEquals(List.of("en"), skeet.langs());

            FacebookPagePost page = facebook.posts().get(0);
            assertEquals(STORY.url().toString(), page.link(), "Facebook builds the card from the link");

            LinkedInPost update = linkedin.posts().get(0);
            assertEquals(STORY.title(), update.article().path("title").asText(), "LinkedIn gets the card spelled out");

            assertEquals(STORY.url().toString(), threads.posts().get(0).linkAttachment(), "Threads gets the link attached");

            XPost tweet = x.posts().get(0);
            assertEquals(List.of(STORY.url().toString()), tweet.urls(), "one link, the story's: " + tweet.text());

            assertEquals(STORY.url().toString(), hook.payloads().get(0).path("data").path("url").asText(), "the signed webhook");
            assertTrue(telegram.messages().get(0).text().contains(STORY.title()), "Telegram: " + telegram.messages().get(0).text());
            assertEquals(STORY.url().toString(), discord.messages().get(0).embeds().get(0).path("url").asText(), "Discord's embed links the story");
            assertEquals(2, slack.messageCount(), "the webhook and the bot, one message each");
            for (SlackMessage m : slack.messages()) assertEquals(List.of(STORY.url().toString()), m.links());
            assertTrue(hub.pings().get(0).contains(STORY.url()), "the hub was told about the story: " + hub.pings());
        }
    }
}
