package dev.herald.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.buttons.Network;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryShareCounterTest {
    private static final URI STORM = URI.create("https://news.example/articles/storm");

    @Test
    void aFloodOfInventedUrlsDoesNotWipeTheCountsOfPagesReadersShare() {
        MemoryShareCounter counter = new MemoryShareCounter(1000);
        for (int i = 0; i < 5; i++) counter.record(STORM, Network.MASTODON);
        for (int i = 0; i < 12_000; i++) counter.record(URI.create("https://news.example/articles/x" + i), Network.X);
        assertEquals(Map.of(Network.MASTODON, 5L), counter.counts(STORM));
    }

    @Test
    void aPageSharedOnceIsCountedUntilNewcomersPushItOut() {
        MemoryShareCounter counter = new MemoryShareCounter(100);
        counter.record(STORM, Network.X);
        assertEquals(Map.of(Network.X, 1L), counter.counts(STORM));
        for (int i = 0; i < 100; i++) counter.record(URI.create("https://news.example/articles/x" + i), Network.X);
        assertTrue(counter.counts(STORM).isEmpty());
    }

    @Test
    void theByteBudgetBoundsHowManyLongUrlsAreKept() {
        MemoryShareCounter counter = MemoryShareCounter.withBudget(1024 * 1024);
        String tail = "a".repeat(2000);
        for (int i = 0; i < 5_000; i++) {
            URI u = URI.create("https://news.example/" + i + tail);
            counter.record(u, Network.X);
            counter.record(u, Network.X);
        }
        int kept = 0;
        for (int i = 0; i < 5_000; i++) if (!counter.counts(URI.create("https://news.example/" + i + tail)).isEmpty()) kept++;
        long perPage = MemoryShareCounter.cost(URI.create("https://news.example/0" + tail));
        assertTrue(kept * perPage <= 1024 * 1024, "kept " + kept + " pages of " + perPage + " bytes");
        assertTrue(kept > 50, "kept " + kept);
    }
}
