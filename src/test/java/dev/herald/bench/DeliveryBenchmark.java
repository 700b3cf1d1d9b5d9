package dev.herald.bench;

import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.TestWebhooks;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareRequest;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throughput of the durable path against raw HTTP posts to the same receiver in the same run, and
 * the lag to drain a burst of shares that all fall due at once, on the embedded H2 default.
 * Not a test: run it by hand (see docs/benchmarks-delivery.md) and read the ratios.
 *
 * <p>Arguments: shares (default 10000), threads (default 16).
 */
public final class DeliveryBenchmark {
    private DeliveryBenchmark() {}

    /** Runs both measurements and prints a summary. */
    public static void main(String[] args) throws Exception {
        int shares = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        // "outbox-only" replaces the HTTP call with an in-memory answer, to see the database's share of the cost.
        boolean outboxOnly = args.length > 2 && args[2].equals("outbox-only");
        try (LoopbackWebhookReceiver receiver = new LoopbackWebhookReceiver()) {
            URI url = URI.create(receiver.url());
            Syndicator syndicator = TestWebhooks.syndicator("hook", url);

            // Warm both paths' JIT and connections on a throwaway run.
            raw(syndicator, 2_000, threads, "warm-");
            double rawRate = raw(syndicator, shares, threads, "raw-");

            Path dir = Files.createTempDirectory("herald-bench");
            try (DeliveryDatabase db = DeliveryDatabase.h2(dir.resolve("herald"))) {
                Delivery delivery = Delivery.builder(db)
                        .syndicators(List.of(outboxOnly ? new InstantSyndicator("hook") : syndicator))
                        .threads(threads)
                        .pollingInterval(Duration.ofMillis(100))
                        .build();
                DeliveryClient client = delivery.client();
                Instant due = Instant.now().plusSeconds(30);
                long t0 = System.nanoTime();
                scheduleBurst(client, "hook", shares, due);
                double scheduleSeconds = (System.nanoTime() - t0) / 1e9;
                delivery.start();
                int before = receiver.total();
                while (client.stats().count(ShareState.POSTED) < shares) {
                    // Checking twice a second costs the drain nothing measurable.
                    Thread.sleep(500);
                }
                delivery.close();
                List<Share> posted = client.list(ShareQuery.inStates(shares, ShareState.POSTED));
                long[] lagMs = posted.stream().mapToLong(s -> Duration.between(due, s.postedAt()).toMillis()).sorted().toArray();
                Instant last = posted.stream().map(Share::postedAt).max(Instant::compareTo).orElseThrow();
                Instant first = posted.stream().map(Share::postedAt).min(Instant::compareTo).orElseThrow();
                double drainSeconds = Duration.between(first, last).toMillis() / 1e3;
                double durableRate = shares / Math.max(drainSeconds, 1e-3);
                System.out.printf("shares=%d threads=%d cores=%d%n", shares, threads, Runtime.getRuntime().availableProcessors());
                System.out.printf("scheduling %d shares (outbox rows + executions): %.1f s (%.0f/s)%n", shares, scheduleSeconds, shares / scheduleSeconds);
                System.out.printf("raw HTTP posts/s:      %.0f%n", rawRate);
                System.out.printf("durable posts/s:       %.0f  (first to last send %.2f s)%n", durableRate, drainSeconds);
                System.out.printf("ratio durable/raw:     %.2f%n", durableRate / rawRate);
                System.out.printf("lag after due: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
                        pct(lagMs, 50), pct(lagMs, 90), pct(lagMs, 99), lagMs[lagMs.length - 1]);
                System.out.printf("deliveries received: %d (repeats %d)%n", receiver.total() - before, receiver.repeats());
            }
        }
    }

    /** Schedules {@code shares} distinct articles to {@code account}, all due at {@code due}, a thousand per call. */
    public static void scheduleBurst(DeliveryClient client, String account, int shares, Instant due) {
        for (int chunk = 0; chunk < shares; chunk += 1_000) {
            List<ShareRequest> requests = new ArrayList<>();
            for (int i = chunk; i < Math.min(shares, chunk + 1_000); i++) {
                ArticleMeta a = ArticleMeta.builder().url("https://news.example/bench/" + i).title("B " + i).build();
                // A due time reached while a long burst is still being scheduled would be refused as past.
                requests.add(ShareRequest.of(a, account).at(due.isAfter(Instant.now()) ? SendTime.at(due) : SendTime.now()));
            }
            client.scheduleAll(requests);
        }
    }

    /**
     * Posts {@code count} distinct articles straight through {@code syndicator} (account "hook") on
     * {@code threads} threads, no outbox: the baseline of the delivery benchmarks. Returns posts/s.
     */
    public static double raw(Syndicator syndicator, int count, int threads, String prefix) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    ArticleMeta a = ArticleMeta.builder().url("https://news.example/" + prefix + i).title("R " + i).build();
                    if (!syndicator.send(Post.of(a, "hook", "")).delivered()) throw new IllegalStateException("raw post failed");
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.MINUTES)) throw new IllegalStateException("raw posts did not finish");
        return count / ((System.nanoTime() - t0) / 1e9);
    }

    private static long pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
