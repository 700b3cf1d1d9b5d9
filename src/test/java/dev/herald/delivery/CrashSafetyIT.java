package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.meta.ArticleMeta;
import dev.herald.testkit.MockWebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker JVM delivering 1,000 shares over HTTP is killed with SIGKILL at random points, several
 * times, and restarted; in the end every share reached the receiver and none was processed twice.
 */
class CrashSafetyIT {
    static final int SHARES = 1_000;
    static final int KILLS = 5;

    @TempDir
    Path dir;

    /** What is still pending, and the scheduler's view of it, for a failure message. */
    static String diagnose(Path dbPath) throws Exception {
        StringBuilder out = new StringBuilder();
        try (DeliveryDatabase db = DeliveryDatabase.h2(dbPath)) {
            JdbcDeliveryStore store = new JdbcDeliveryStore(db);
            out.append(store.countByState()).append('\n');
            for (Share s : store.list(ShareQuery.inStates(20, ShareState.SCHEDULED, ShareState.FAILED, ShareState.SENDING))) {
                out.append(s.id()).append(' ').append(s.state()).append(" due ").append(s.dueAt()).append(" v").append(s.version())
                        .append(" attempts ").append(s.attempts()).append(" by ").append(s.claimedBy()).append(" ").append(s.lastMessage()).append('\n');
            }
            try (var c = db.getConnection(); var st = c.createStatement();
                    var rs = st.executeQuery("SELECT task_instance, execution_time, picked, picked_by, last_heartbeat, version FROM herald_scheduled_tasks ORDER BY execution_time FETCH FIRST 20 ROWS ONLY")) {
                while (rs.next()) {
                    out.append("exec ").append(rs.getString(1)).append(' ').append(rs.getString(2)).append(" picked=").append(rs.getBoolean(3))
                            .append(' ').append(rs.getString(4)).append(" hb ").append(rs.getString(5)).append(" v").append(rs.getLong(6)).append('\n');
                }
            }
        }
        return out.toString();
    }

    @Test
    void everyShareIsReceivedExactlyOnceAcrossRepeatedKills() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Path dbPath = dir.resolve("herald");
        Path log = dir.resolve("workers.log");
        try (MockWebhookReceiver receiver = MockWebhookReceiver.builder().start()) {
            Set<String> expected;
            try (DeliveryDatabase db = DeliveryDatabase.h2(dbPath)) {
                DeliveryClient client = Delivery.client(db, Map.of("hook", "webhook"));
                List<ShareRequest> requests = new ArrayList<>();
                for (int i = 0; i < SHARES; i++) {
                    requests.add(ShareRequest.of(ArticleMeta.builder().url("https://news.example/a/" + i).title("A " + i).build(), "hook"));
                }
                expected = client.scheduleAll(requests).stream().map(Share::id).collect(Collectors.toSet());
            }
            assertEquals(SHARES, expected.size());

            String url = dbPath.toString(); // the worker opens it with its password file
            int kills = 0;
            for (int run = 0; run < KILLS; run++) {
                Process worker = WorkerProcess.start(log, receiver.secret(), url, "sa", receiver.webhookUri().toString(), "crash-node-" + run);
                int target = receiver.deliveryCount() + 40 + random.nextInt(200);
                boolean reached = receiver.awaitDeliveries(target, Duration.ofSeconds(60), worker::isAlive);
                if (!reached && !worker.isAlive()) break; // finished everything before this kill point
                worker.destroyForcibly();
                assertTrue(worker.waitFor(30, TimeUnit.SECONDS));
                kills++;
            }
            Process last = WorkerProcess.start(log, receiver.secret(), url, "sa", receiver.webhookUri().toString(), "crash-node-final");
            if (!last.waitFor(90, TimeUnit.SECONDS)) {
                last.destroyForcibly();
                last.waitFor(30, TimeUnit.SECONDS);
                throw new AssertionError("the last worker did not finish: " + diagnose(dbPath) + "\n" + Files.readString(log));
            }
            assertEquals(0, last.exitValue(), Files.readString(log));

            String report = "seed " + seed + ", kills " + kills + ", deliveries " + receiver.deliveryCount() + ", repeats " + receiver.redeliveryCount();
            System.out.println("CrashSafetyIT: " + report);
            assertTrue(kills >= 3, "the worker was killed only " + kills + " times: " + report);
            assertEquals(expected, receiver.ids(), "every share received, no other key: " + report);
            try (DeliveryDatabase db = DeliveryDatabase.h2(dbPath)) {
                assertEquals(Map.of(ShareState.POSTED, (long) SHARES), new JdbcDeliveryStore(db).countByState(), report);
            }
        }
    }
}
