package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed watcher against a feed served over HTTP, remembering entries in an H2 file database. */
class FeedWatcherIT {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T11:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    DeliveryDatabase db;
    DeliveryClient client;
    MockWebServer server;
    URI feed;

    /** The database the ledger lives in: an H2 file here, PostgreSQL in the subclass. */
    DeliveryDatabase newDatabase() {
        return TestDatabases.h2(dir);
    }

    @BeforeEach
    void start() throws IOException {
        db = newDatabase();
        client = Delivery.client(db, Map.of("main", "mastodon", "hook", "webhook"), CLOCK);
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
        feed = server.url("/feed.xml").uri();
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    static String rss(String... slugs) {
        StringBuilder items = new StringBuilder();
        for (String s : slugs) {
            items.append("<item><title>").append(s).append("</title><link>https://news.example/").append(s)
                    .append("</link><guid>").append(s).append("</guid></item>");
        }
        return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>";
    }

    void serve(String body) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/rss+xml").body(body).build());
    }

    @Test
    void theFirstPollOnlyRemembersTheFeedsEntries() {
        serve(rss("b", "a"));
        FeedWatcher.Poll poll = new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK).poll(feed);
        assertTrue(poll.seeded());
        assertEquals(List.of(), poll.published());
        assertEquals(Map.of(), client.stats().shares());
    }

    @Test
    void laterPollsShareOnlyNewEntriesToEveryAccountOldestFirst() {
        serve(rss("b", "a"));
        serve(rss("d", "c", "b", "a"));
        serve(rss("d", "c", "b", "a"));
        new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK).poll(feed);
        // A new watcher (a restart) still knows what was seen: the ledger is in the database.
        FeedWatcher.Poll second = new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK).poll(feed);
        assertEquals(List.of("https://news.example/c", "https://news.example/c", "https://news.example/d", "https://news.example/d"),
                second.published().stream().map(s -> s.articleUrl().toString()).toList());
        assertEquals(4, client.stats().count(ShareState.SCHEDULED));
        FeedWatcher.Poll third = new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK).poll(feed);
        assertEquals(List.of(), third.published());
        assertEquals(4, client.stats().count(ShareState.SCHEDULED));
    }

    @Test
    void aFeedThatFailsIsReportedWithItsStatus() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK).poll(feed));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }
}
