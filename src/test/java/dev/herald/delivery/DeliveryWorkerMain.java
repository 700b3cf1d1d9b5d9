package dev.herald.delivery;

import dev.herald.delivery.internal.JdbcDeliveryStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A delivery worker in its own JVM, for the crash and cluster proofs: sends the outbox's shares to
 * a webhook and exits 0 once no share is pending. Arguments: JDBC URL (or the path of an embedded H2
 * database, opened with its password file), user, webhook URL, node name;
 * the webhook secret comes in the environment variable {@link WorkerProcess#SECRET_VARIABLE}.
 */
public final class DeliveryWorkerMain {
    private DeliveryWorkerMain() {}

    /** Runs the worker. */
    public static void main(String[] args) {
        String jdbcUrl = args[0];
        String user = args[1];
        URI webhook = URI.create(args[2]);
        String node = args[3];
        DeliveryDatabase db = jdbcUrl.startsWith("jdbc:") ? DeliveryDatabase.open(jdbcUrl, user, "") : DeliveryDatabase.h2(Path.of(jdbcUrl));
        Delivery delivery = Delivery.builder(db)
                .syndicators(List.of(TestWebhooks.syndicator("hook", webhook, System.getenv(WorkerProcess.SECRET_VARIABLE))))
                .node(node)
                .threads(8)
                .pollingInterval(Duration.ofMillis(100))
                // A killed node's in-flight shares go back to work after about 2 s.
                .heartbeat(Duration.ofMillis(500), 4)
                // A transient HTTP hiccup must not park a share for minutes past the test's bound.
                .retryPolicy(new RetryPolicy(20, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2), 0.2))
                .build()
                .start();
        JdbcDeliveryStore store = new JdbcDeliveryStore(db);
        ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
        watch.scheduleWithFixedDelay(() -> {
            Map<ShareState, Long> counts = store.countByState();
            long pending = counts.getOrDefault(ShareState.SCHEDULED, 0L) + counts.getOrDefault(ShareState.FAILED, 0L)
                    + counts.getOrDefault(ShareState.SENDING, 0L);
            if (pending == 0) {
                System.out.println(node + " idle: " + counts + " " + delivery.client().stats().counters());
                delivery.close();
                db.close();
                System.exit(0);
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
    }
}
