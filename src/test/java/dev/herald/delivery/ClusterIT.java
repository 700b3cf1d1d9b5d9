package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.meta.ArticleMeta;
import dev.herald.testkit.MockWebhookReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two worker JVMs on one PostgreSQL deliver 10,000 shares: each is sent exactly once, and both nodes work. */
class ClusterIT {
    static final int SHARES = 10_000;

    @TempDir
    Path dir;

    @Test
    void twoNodesOnOnePostgresSendEveryShareExactlyOnce() throws Exception {
        String url = TestDatabases.newPostgresUrl();
        Path log = dir.resolve("nodes.log");
        try (MockWebhookReceiver receiver = MockWebhookReceiver.builder().start(); DeliveryDatabase db = DeliveryDatabase.open(url, "postgres", "")) {
            DeliveryClient client = Delivery.client(db, Map.of("hook", "webhook"));
            Set<String> expected = new HashSet<>();
            for (int chunk = 0; chunk < SHARES / 1_000; chunk++) {
                List<ShareRequest> requests = new ArrayList<>();
                for (int i = chunk * 1_000; i < (chunk + 1) * 1_000; i++) {
                    requests.add(ShareRequest.of(ArticleMeta.builder().url("https://news.example/c/" + i).title("C " + i).build(), "hook"));
                }
                client.scheduleAll(requests).forEach(s -> expected.add(s.id()));
            }
            assertEquals(SHARES, expected.size());

            Process a = WorkerProcess.start(log, receiver.secret(), url, "postgres", receiver.webhookUri().toString(), "node-a");
            Process b = WorkerProcess.start(log, receiver.secret(), url, "postgres", receiver.webhookUri().toString(), "node-b");
            boolean done = a.waitFor(150, TimeUnit.SECONDS) & b.waitFor(30, TimeUnit.SECONDS);
            if (!done) {
                a.destroyForcibly();
                b.destroyForcibly();
            }
            assertTrue(done, "nodes did not finish: " + new JdbcDeliveryStore(db).countByState() + "\n" + Files.readString(log));
            assertEquals(0, a.exitValue(), Files.readString(log));
            assertEquals(0, b.exitValue(), Files.readString(log));

            assertEquals(expected, receiver.ids(), "every share received");
            assertEquals(SHARES, receiver.deliveryCount(), "no share sent twice");
            assertEquals(Map.of(ShareState.POSTED, (long) SHARES), new JdbcDeliveryStore(db).countByState());
            Map<String, Long> byNode = new HashMap<>();
            try (Connection c = db.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT claimed_by, count(*) FROM herald_share GROUP BY claimed_by")) {
                while (rs.next()) byNode.put(rs.getString(1), rs.getLong(2));
            }
            System.out.println("ClusterIT: shares per node " + byNode);
            assertEquals(Set.of("node-a", "node-b"), byNode.keySet());
            assertTrue(byNode.get("node-a") > 0 && byNode.get("node-b") > 0, "both nodes sent shares: " + byNode);
        }
    }
}
