package dev.herald.delivery.internal;

import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryException;
import dev.herald.delivery.FeedEntry;
import dev.herald.delivery.Feeds;
import dev.herald.delivery.Share;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.ArticlePages;
import dev.herald.syndication.HttpTransport;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shares the new entries of RSS/Atom feeds: each poll reads a feed and publishes every entry not
 * seen before to every account. The first poll of a feed only remembers its entries, so adding a
 * feed never floods the accounts with its back catalogue.
 *
 * <p>With {@link ArticlePages}, each new entry's page is fetched and resolved exactly as the filter
 * resolves it, so a feed-triggered post carries the page's own card (image, description, canonical
 * URL) rather than the little a feed entry says; a page that cannot be read is shared with the
 * entry's own title, summary and link, and a warning says so. Without it, the entry alone is shared.
 *
 * <p>Exactly once still holds if a poll dies half-way: an entry is published before it is marked
 * seen, and publishing the same article again is a no-op.
 */
public final class FeedWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FeedWatcher.class);
    private static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.1";

    private final DeliveryClient client;
    private final FeedLedger ledger;
    private final Clock clock;
    private final HttpTransport http;
    private final ArticlePages pages;

    /**
     * A watcher that publishes through {@code client}, remembers entries in {@code ledger}, and
     * reads feeds on public addresses only, through a transport shared by such watchers.
     */
    public FeedWatcher(DeliveryClient client, FeedLedger ledger, Clock clock) {
        this(client, ledger, clock, PublicFetches.TRANSPORT);
    }

    /**
     * A watcher that reads feeds with {@code http}'s guarded {@link HttpTransport#fetch}: redirects
     * are followed, but no hop may reach a loopback, private or metadata address its
     * {@link dev.herald.syndication.FetchPolicy} does not allow (list an internal feed host there).
     */
    public FeedWatcher(DeliveryClient client, FeedLedger ledger, Clock clock, HttpTransport http) {
        this(client, ledger, clock, http, null);
    }

    /**
     * As {@link #FeedWatcher(DeliveryClient, FeedLedger, Clock, HttpTransport)}, resolving each new
     * entry's page with {@code pages} (the filter's pipeline) before it is shared; {@code null} shares
     * the entry alone.
     */
    public FeedWatcher(DeliveryClient client, FeedLedger ledger, Clock clock, HttpTransport http, ArticlePages pages) {
        this.client = Validate.notNull(client, "client");
        this.ledger = Validate.notNull(ledger, "ledger");
        this.clock = Validate.notNull(clock, "clock");
        this.http = Validate.notNull(http, "http");
        this.pages = pages;
    }

    /** Created on first use only; lives as long as the JVM, like the pooled client it replaces. */
    private static final class PublicFetches {
        static final HttpTransport TRANSPORT = HttpTransport.create();
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
        List<FeedEntry> entries = fetch(feed);
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
            published.addAll(client.publish(article(key, e)));
            ledger.markSeen(key, List.of(e.id()), clock.instant());
        }
        return new Poll(entries.size(), false, published);
    }

    /**
     * The entry's page as the filter resolves it, else (no pages, or a page that cannot be read) the
     * entry itself; under the URL an earlier, interrupted poll resolved it to, if there was one. The
     * share's key is made from that URL, so a page that answered then and fails now (or moved its
     * canonical URL) cannot make a second share of the same entry.
     */
    private ArticleMeta article(String feed, FeedEntry e) {
        ArticleMeta article = e.article();
        if (pages != null) {
            try {
                article = pages.fetch(e.article().url());
            } catch (IOException | IllegalArgumentException ex) {
                LOG.warn("Feed entry {}: its page could not be resolved ({}); shared with the feed's own title, summary and link",
                        e.article().url(), ex.getMessage());
            }
        }
        Optional<URI> before = ledger.resolution(feed, e.id());
        if (before.isPresent()) return before.get().equals(article.url()) ? article : article.toBuilder().url(before.get()).build();
        ledger.resolved(feed, e.id(), article.url(), clock.instant());
        return article;
    }

    private List<FeedEntry> fetch(URI feed) {
        try {
            HttpTransport.Fetched fetched = http.fetch(feed, ACCEPT, MAX_BYTES);
            if (fetched.reply().status() != 200) {
                throw new DeliveryException("feed " + feed + " answered HTTP " + fetched.reply().status());
            }
            return Feeds.parse(fetched.reply().body(), fetched.reply().header("Content-Type"));
        } catch (IOException e) {
            throw new DeliveryException("cannot read feed " + feed + ": " + e.getMessage(), e);
        }
    }
}
