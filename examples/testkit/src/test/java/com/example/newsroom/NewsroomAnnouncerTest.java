package com.example.newsroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.testkit.BlueskyPost;
import dev.herald.testkit.Fault;
import dev.herald.testkit.HeraldMockExtension;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockWebhookReceiver;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How a site tests its own announcement code against the Herald test kit. */
@ExtendWith(HeraldMockExtension.class)
class NewsroomAnnouncerTest {
    private static final String URL = "https://news.example/2026/03/iran-retaliation";

    @Test
    void retriesThroughALostResponseWithoutPostingTwice(MockMastodon mastodon, ManualClock clock) throws Exception {
        mastodon.failNext(1, Fault.dropResponse());
        String url = new NewsroomAnnouncer(clock).toMastodon(mastodon.baseUri(), mastodon.accessToken(), "Iran retaliates " + URL, "42");
        assertEquals(1, mastodon.statusCount());
        assertEquals(url, mastodon.statuses().get(0).url());
    }

    @Test
    void givesUpOnARevokedToken(MockMastodon mastodon, ManualClock clock) {
        mastodon.revokeToken(mastodon.accessToken());
        IOException e = assertThrows(IOException.class,
                () -> new NewsroomAnnouncer(clock).toMastodon(mastodon.baseUri(), mastodon.accessToken(), "x", "1"));
        assertTrue(e.getMessage().contains("401"));
    }

    @Test
    void logsIntoBlueskyOnceAndLinksTheRightBytes(MockBluesky bluesky, ManualClock clock) throws Exception {
        NewsroomAnnouncer announcer = new NewsroomAnnouncer(clock);
        for (String headline : List.of("Iran’s “retaliation” 🚀", "Ceasefire talks resume")) {
            announcer.toBluesky(bluesky.baseUri(), bluesky.handle(), bluesky.password(), headline, URL);
        }
        assertEquals(1, bluesky.sessionCreationCount());
        for (BlueskyPost post : bluesky.posts()) assertEquals(List.of(URL), post.facetTexts());
    }

    @Test
    void signsWebhooksTheReceiverAccepts(MockWebhookReceiver hooks, ManualClock clock) throws Exception {
        NewsroomAnnouncer announcer = new NewsroomAnnouncer(clock);
        assertEquals(200, announcer.toWebhook(hooks.webhookUri(), hooks.secret(), "42", "Iran retaliates"));
        clock.advance(Duration.ofMinutes(10));
        assertEquals(200, announcer.toWebhook(hooks.webhookUri(), hooks.secret(), "42", "Iran retaliates"));
        assertEquals(1, hooks.uniqueCount());
        assertEquals(1, hooks.redeliveryCount());
        assertEquals("Iran retaliates", hooks.payloads().get(0).get("title").asText());
    }
}
