package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the new entries of RSS/Atom feeds: each poll reads a feed and publishes every entry not
 * seen before to every account. The first poll of a feed only remembers its entries, so adding a
 * feed never floods the accounts with its back catalogue.
 *
 * <p>Exactly once still holds if a poll dies half-way: an entry is published before it is marked
 * seen, and publishing the same article again is a no-op.
 */
public final class FeedWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FeedWatcher.class);
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final DeliveryClient client;
    private final FeedLedger ledger;
    private final Clock clock;
    private final HttpClient http;

    /** A watcher that publishes through {@code client} and remembers entries in {@code ledger}. */
    public FeedWatcher(DeliveryClient client, FeedLedger ledger, Clock clock) {
        this.client = Validate.notNull(client, "client");
        this.ledger = Validate.notNull(ledger, "ledger");
        this.clock = Validate.notNull(clock, "clock");
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * What one poll did.
     *
     * @param entries entries in the feed
     * @param seeded whether this poll was the feed's first, which shares nothing
     * @param published the shares created for new entries
     */
    public record Poll(int entries, boolean seeded, List<Share> published) {
        /** Copies the list. */
        public Poll {
            published = List.copyOf(published);
        }
    }

    /** Reads {@code feed} and publishes its new entries, oldest first. */
    public Poll poll(URI feed) {
        Validate.httpUrl(feed, "feed");
        List<FeedEntry> entries = Feeds.parse(fetch(feed));
        String key = feed.toString();
        List<String> ids = entries.stream().map(FeedEntry::id).toList();
        if (!ledger.seeded(key)) {
            ledger.markSeen(key, ids, clock.instant());
            LOG.info("Feed {} seeded with {} entries; only later entries will be shared", key, ids.size());
            return new Poll(entries.size(), true, List.of());
        }
        Set<String> unseen = ledger.unseen(key, ids);
        List<FeedEntry> fresh = new ArrayList<>();
        for (FeedEntry e : entries) {
            if (unseen.contains(e.id())) fresh.add(e);
        }
        // Feeds list newest first; share in the order the entries were published.
        java.util.Collections.reverse(fresh);
        List<Share> published = new ArrayList<>();
        for (FeedEntry e : fresh) {
            published.addAll(client.publish(e.article()));
            ledger.markSeen(key, List.of(e.id()), clock.instant());
        }
        return new Poll(entries.size(), false, published);
    }

    private String fetch(URI feed) {
        HttpRequest request = HttpRequest.newBuilder(feed)
                .timeout(Duration.ofSeconds(30))
                .header("accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1")
                .header("user-agent", "Herald feed watcher")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new DeliveryException("feed " + feed + " answered HTTP " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) throw new DeliveryException("feed " + feed + " is larger than " + MAX_BYTES + " bytes");
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new DeliveryException("cannot read feed " + feed + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while reading feed " + feed, e);
        }
    }
}
