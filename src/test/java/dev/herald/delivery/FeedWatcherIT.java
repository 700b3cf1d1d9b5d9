package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.internal.FeedLedger;
import dev.herald.delivery.internal.FeedWatcher;
import dev.herald.delivery.internal.JdbcFeedLedger;
import dev.herald.syndication.ArticlePages;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpTransport;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** The feed server is on loopback: the watcher's transport allow-lists it, as a site lists an internal feed host. */
    HttpTransport http = HttpTransport.builder().fetchPolicy(FetchPolicy.allowing("127.0.0.0/8", "::1")).build();

    FeedWatcher watcher() {
        return new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK, http);
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
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
        FeedWatcher.Poll poll = watcher().poll(feed);
        assertTrue(poll.seeded());
        assertEquals(List.of(), poll.published());
        assertEquals(Map.of(), client.stats().shares());
    }

    @Test
    void laterPollsShareOnlyNewEntriesToEveryAccountOldestFirst() {
        serve(rss("b", "a"));
        serve(rss("d", "c", "b", "a"));
        serve(rss("d", "c", "b", "a"));
        watcher().poll(feed);
        // A new watcher (a restart) still knows what was seen: the ledger is in the database.
        FeedWatcher.Poll second = watcher().poll(feed);
        assertEquals(List.of("https://news.example/c", "https://news.example/c", "https://news.example/d", "https://news.example/d"),
                second.published().stream().map(s -> s.articleUrl().toString()).toList());
        assertEquals(4, client.stats().count(ShareState.SCHEDULED));
        FeedWatcher.Poll third = watcher().poll(feed);
        assertEquals(List.of(), third.published());
        assertEquals(4, client.stats().count(ShareState.SCHEDULED));
    }

    @Test
    void eachNewEntrysPageIsResolvedAsTheFilterDoesAndAnUnreadablePageFallsBackToTheEntry() {
        String base = server.url("/").toString();
        String items = "<item><title>Feed title C</title><link>" + base + "c</link><guid>c</guid></item>"
                + "<item><title>Feed title B</title><link>" + base + "b</link><description>Feed summary B</description><guid>b</guid></item>"
                + "<item><title>A</title><link>" + base + "a</link><guid>a</guid></item>";
        serve("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>" + base
                + "a</link><guid>a</guid></item></channel></rss>");
        serve("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>" + items + "</channel></rss>");
        // The older new entry (b) is shared first: its page says more than the feed does.
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "text/html; charset=utf-8").body("""
                <!doctype html><html lang="en"><head><title>Harbour reopens | The Ledger</title>
                <meta property="og:title" content="Harbour reopens after the storm">
                <meta name="description" content="The port authority lifted its closure at dawn.">
                <meta property="og:image" content="https://cdn.news.example/harbour.jpg">
                <link rel="canonical" href="https://news.example/harbour-reopens">
                </head><body><article><h1>Harbour reopens after the storm</h1><p>Ships moved again.</p></article></body></html>
                """).build());
        server.enqueue(new MockResponse.Builder().code(404).body("gone").build());
        ArticlePages pages = new ArticlePages(dev.herald.page.HeraldConfig.DEFAULTS, http);
        FeedWatcher watcher = new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK, http, pages);

        watcher.poll(feed);
        FeedWatcher.Poll poll = watcher.poll(feed);

        Share fromPage = poll.published().get(0);
        assertEquals(URI.create("https://news.example/harbour-reopens"), fromPage.articleUrl(), "the page's canonical URL");
        assertEquals("Harbour reopens after the storm", fromPage.article().title());
        assertEquals("The port authority lifted its closure at dawn.", fromPage.article().description());
        assertEquals(URI.create("https://cdn.news.example/harbour.jpg"), fromPage.article().image().url());

        Share fromEntry = poll.published().get(2);
        assertEquals(URI.create(base + "c"), fromEntry.articleUrl(), "a 404 page: the entry is shared as the feed gave it");
        assertEquals("Feed title C", fromEntry.article().title());
        assertEquals(4, poll.published().size(), "two entries to two accounts, nothing lost");
    }

    @Test
    void anEntryWhosePollDiedAfterSharingIsNotSharedAgainUnderItsFeedLinkWhenItsPageThenFails() {
        String base = server.url("/").toString();
        String withB = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>Feed title B</title><link>" + base
                + "b</link><guid>b</guid></item><item><title>A</title><link>" + base + "a</link><guid>a</guid></item></channel></rss>";
        serve("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title><link>" + base
                + "a</link><guid>a</guid></item></channel></rss>");
        serve(withB);
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "text/html; charset=utf-8").body(
                "<!doctype html><html><head><title>Harbour</title><link rel=\"canonical\" href=\"https://news.example/harbour-reopens\"></head>"
                        + "<body><article><h1>Harbour reopens after the storm</h1><p>Ships moved again.</p></article></body></html>").build());
        serve(withB);
        server.enqueue(new MockResponse.Builder().code(503).body("overloaded").build());
        ArticlePages pages = new ArticlePages(dev.herald.page.HeraldConfig.DEFAULTS, http);
        // The node dies between sharing entry b and marking it seen: the real ledger, stopped at that point.
        JdbcFeedLedger ledger = new JdbcFeedLedger(db);
        FeedLedger dying = new FeedLedger() {
            int marks;

            @Override
            public boolean seeded(String feedUrl) {
                return ledger.seeded(feedUrl);
            }

            @Override
            public Set<String> unseen(String feedUrl, Collection<String> entryIds) {
                return ledger.unseen(feedUrl, entryIds);
            }

            @Override
            public void markSeen(String feedUrl, Collection<String> entryIds, Instant now) {
                if (++marks == 2) throw new IllegalStateException("the node died here");
                ledger.markSeen(feedUrl, entryIds, now);
            }

            @Override
            public Optional<URI> resolution(String feedUrl, String entryId) {
                return ledger.resolution(feedUrl, entryId);
            }

            @Override
            public void resolved(String feedUrl, String entryId, URI articleUrl, Instant now) {
                ledger.resolved(feedUrl, entryId, articleUrl, now);
            }
        };
        FeedWatcher first = new FeedWatcher(client, dying, CLOCK, http, pages);
        first.poll(feed);
        assertThrows(IllegalStateException.class, () -> first.poll(feed));
        assertEquals(2, client.stats().count(ShareState.SCHEDULED), "entry b, shared to both accounts before the node died");

        FeedWatcher.Poll again = new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK, http, pages).poll(feed);

        assertEquals(2, client.stats().count(ShareState.SCHEDULED), "no second share under the feed's own link");
        assertEquals(List.of(URI.create("https://news.example/harbour-reopens")),
                again.published().stream().map(Share::articleUrl).distinct().toList(), "the URL the first poll resolved");
        assertEquals(Optional.empty(), ledger.resolution(feed.toString(), "b"), "forgotten once the entry is seen");
        assertEquals(Set.of(), ledger.unseen(feed.toString(), List.of("b")));
    }

    @Test
    void aFeedThatFailsIsReportedWithItsStatus() {
        server.enqueue(new MockResponse.Builder().code(503).build());
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> watcher().poll(feed));
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    void aFeedOnLoopbackIsNotFetchedUnlessAllowListed() {
        serve(rss("a"));
        DeliveryException e = assertThrows(DeliveryException.class, () -> new FeedWatcher(client, new JdbcFeedLedger(db), CLOCK).poll(feed));
        assertTrue(e.getMessage().contains("not a public address"), e.getMessage());
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void aFeedRedirectingToTheMetadataAddressIsRefused() {
        server.enqueue(new MockResponse.Builder().code(301).addHeader("Location", "http://169.254.169.254/latest/meta-data/").build());
        DeliveryException e = assertThrows(DeliveryException.class, () -> watcher().poll(feed));
        assertTrue(e.getMessage().contains("169.254.169.254") && e.getMessage().contains("not a public address"), e.getMessage());
    }

    @Test
    void aFeedIsDecodedWithTheCharsetItsXmlDeclarationNames() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><item><title>Caf\u00e9 cr\u00e8me</title>"
                + "<link>https://news.example/cafe</link><guid>cafe</guid></item></channel></rss>";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/rss+xml")
                .body(new okio.Buffer().write(xml.getBytes(StandardCharsets.ISO_8859_1))).build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("content-type", "application/xml; charset=windows-1252")
                .body(new okio.Buffer().write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                        + "<item><title>\u2018quoted\u2019 \u20ac5</title><link>https://news.example/q</link><guid>q</guid></item>"
                        + "<item><title>Caf\u00e9 cr\u00e8me</title><link>https://news.example/cafe</link><guid>cafe</guid></item>"
                        + "</channel></rss>").getBytes("windows-1252"))).build());
        watcher().poll(feed); // seeds with the Latin-1 entry
        FeedWatcher.Poll second = watcher().poll(feed);
        // The HTTP charset (windows-1252) wins over the document's claim of UTF-8, as RFC 7303 says.
        assertEquals(List.of("\u2018quoted\u2019 \u20ac5"), second.published().stream().map(s -> s.article().title()).distinct().toList());
    }
}
