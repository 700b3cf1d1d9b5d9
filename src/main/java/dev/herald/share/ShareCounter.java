package dev.herald.share;

import dev.herald.buttons.Network;
import dev.herald.buttons.ShareCounts;
import java.net.URI;

/**
 * Counts shares per page and network. The share endpoint records each share it redirects; the
 * buttons read the counts back through {@link ShareCounts}. Implementations are thread-safe.
 */
public interface ShareCounter extends ShareCounts {
    /** Records one share of {@code url} to {@code network}. */
    void record(URI url, Network network);
}
