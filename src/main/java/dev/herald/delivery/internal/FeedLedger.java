package dev.herald.delivery.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Remembers which entries of which feeds Herald has seen, so only new entries are shared. */
public interface FeedLedger {
    /** Whether {@code feedUrl} was read before (its first reading only seeds the ledger). */
    boolean seeded(String feedUrl);

    /** Of {@code entryIds}, those not yet seen for {@code feedUrl}. */
    Set<String> unseen(String feedUrl, Collection<String> entryIds);

    /** Records {@code entryIds} as seen for {@code feedUrl}, and the feed as seeded; forgets their resolutions. */
    void markSeen(String feedUrl, Collection<String> entryIds, Instant now);

    /**
     * The article URL an unseen entry was resolved to before, by a poll that did not get as far as
     * marking it seen; empty when there was none.
     */
    Optional<URI> resolution(String feedUrl, String entryId);

    /** Remembers that {@code entryId} is shared as {@code articleUrl}, before it is shared; a first resolution stays. */
    void resolved(String feedUrl, String entryId, URI articleUrl, Instant now);
}
