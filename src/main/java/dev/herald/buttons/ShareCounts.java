package dev.herald.buttons;

import java.net.URI;
import java.util.Map;

/**
 * Supplies how often an article has been shared on each network, for the buttons to show next to
 * each network's name.
 *
 * <p>Herald's share endpoint counts the shares it redirects; its store implements this interface.
 * The renderer calls it once per rendered bar, so implementations should answer from memory or a
 * cache. Networks missing from the map show no count. An exception thrown here never breaks the
 * page: the bar is rendered without counts.
 */
@FunctionalInterface
public interface ShareCounts {
    /** Shows no counts. */
    ShareCounts NONE = url -> Map.of();

    /** Returns the number of shares of {@code url} per network; absent networks show no count. */
    Map<Network, Long> counts(URI url);
}
