package dev.herald.delivery.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/** Remembers which entries of which feeds Herald has seen, so only new entries are shared. */
public interface FeedLedger {
    /** Whether {@code feedUrl} was read before (its first reading only seeds the ledger). */
    boolean seeded(String feedUrl);

    /** Of {@code entryIds}, those not yet seen for {@code feedUrl}. */
    Set<String> unseen(String feedUrl, Collection<String> entryIds);

    /** Records {@code entryIds} as seen for {@code feedUrl}, and the feed as seeded. */
    void markSeen(String feedUrl, Collection<String> entryIds, Instant now);
}
