package dev.herald.delivery;

import dev.herald.bench.DeliveryBenchmark;
import dev.herald.bench.LoopbackWebhookReceiver;
import dev.herald.meta.internal.ArticleCodec;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A measurement of a design Herald does not use, for the decision issue #5's benchmark goal asks
 * for: what if due shares were claimed and their outcomes written in batches (one statement per
 * batch) instead of through one db-scheduler execution per share (pick, claim, outcome, delete)?
 * Not a worker: no quotas, auth states, retries, crash recovery or cluster coordination, only the
 * database and HTTP work of the happy path, against raw posts to the same receiver in the same run.
 * Not a test; run it by hand:
 * {@code java -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.herald.delivery.BatchedClaimSketch [batch] [shares] [threads]}.
 */
public final class BatchedClaimSketch {
    private BatchedClaimSketch() {}

    /** A claimed share: what sending it and recording its outcome need. */
    private record Claim(String id, long version, Post post) {}

    /** A sent share's outcome, for the batched write. */
    private record Sent(String id, long version, String remoteId) {}

    /** Prints raw posts/s, batched durable posts/s and their ratio. */
    public static void main(String[] args) throws Exception {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int shares = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        try (LoopbackWebhookReceiver receiver = new LoopbackWebhookReceiver()) {
            Syndicator syndicator = TestWebhooks.syndicator("hook", URI.create(receiver.url()));
            DeliveryBenchmark.raw(syndicator, 2_000, threads, "warm-");
            double rawRate = DeliveryBenchmark.raw(syndicator, shares, threads, "raw-");
            Path dir = Files.createTempDirectory("herald-sketch");
            try (DeliveryDatabase db = DeliveryDatabase.h2(dir.resolve("herald"))) {
                DeliveryClient client = Delivery.client(db, Map.of("hook", "webhook"));
                DeliveryBenchmark.scheduleBurst(client, "hook", shares, Instant.now());
                long t0 = System.nanoTime();
                drain(db, syndicator, shares, batch, threads);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf("batch=%d shares=%d threads=%d: raw %.0f posts/s, batched claims %.0f posts/s (%.2f s), ratio %.2f;"
                        + " received %d (repeats %d)%n", batch, shares, threads, rawRate, shares / seconds, seconds,
                        shares / seconds / rawRate, receiver.total(), receiver.repeats());
            }
        }
    }

    /** Claims due shares a batch at a time, sends them on {@code threads}, and writes outcomes a batch at a time. */
    private static void drain(DeliveryDatabase db, Syndicator syndicator, int shares, int batch, int threads) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        BlockingQueue<Sent> outcomes = new LinkedBlockingQueue<>();
        Semaphore inFlight = new Semaphore(threads * 2);
        Thread recorder = new Thread(() -> record(db, outcomes, shares, batch));
        recorder.start();
        int claimed = 0;
        try (Connection c = db.getConnection();
                // Only SCHEDULED (the sketch has no retries): one state lets H2 read the (state, due_at) index in order.
                PreparedStatement due = c.prepareStatement("SELECT id FROM herald_share WHERE state = 'SCHEDULED'"
                        + " AND due_at <= ? ORDER BY due_at FETCH FIRST ? ROWS ONLY")) {
            while (claimed < shares) {
                inFlight.acquire(batch);
                due.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
                due.setInt(2, batch);
                List<String> ids = new ArrayList<>();
                try (ResultSet rs = due.executeQuery()) {
                    while (rs.next()) ids.add(rs.getString(1));
                }
                List<Claim> claims = claim(c, ids);
                inFlight.release(batch - claims.size());
                claimed += claims.size();
                for (Claim claim : claims) {
                    senders.execute(() -> {
                        Outcome outcome = syndicator.send(claim.post());
                        outcomes.add(new Sent(claim.id(), claim.version(), outcome instanceof Outcome.Posted p ? p.remoteId() : null));
                        inFlight.release();
                    });
                }
            }
        }
        recorder.join();
        senders.shutdown();
        if (!senders.awaitTermination(1, TimeUnit.MINUTES)) throw new IllegalStateException("senders did not stop");
    }

    /** One statement claims the listed shares and returns what sending them needs: id, version, post. */
    private static List<Claim> claim(Connection c, List<String> ids) throws SQLException {
        List<Claim> out = new ArrayList<>();
        if (ids.isEmpty()) return out;
        String in = "?,".repeat(ids.size() - 1) + "?";
        try (PreparedStatement ps = c.prepareStatement("SELECT id, version, article_json, account, revision FROM FINAL TABLE ("
                + "UPDATE herald_share SET state = 'SENDING', attempts = attempts + 1, claimed_by = 'sketch', version = version + 1"
                + " WHERE id IN (" + in + ") AND state IN ('SCHEDULED', 'FAILED'))")) {
            for (int k = 0; k < ids.size(); k++) ps.setString(k + 1, ids.get(k));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Post post = new Post(ArticleCodec.read(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(1));
                    out.add(new Claim(rs.getString(1), rs.getLong(2), post));
                }
            }
        }
        return out;
    }

    /** Writes outcomes as they come, up to {@code batch} in one JDBC batch and transaction. */
    private static void record(DeliveryDatabase db, BlockingQueue<Sent> outcomes, int shares, int batch) {
        int recorded = 0;
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE herald_share SET state = 'POSTED', last_outcome = 'posted',"
                        + " remote_id = ?, posted_at = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ? AND state = 'SENDING'")) {
            c.setAutoCommit(false);
            while (recorded < shares) {
                List<Sent> got = new ArrayList<>();
                got.add(outcomes.take());
                outcomes.drainTo(got, batch - 1);
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                for (Sent sent : got) {
                    ps.setString(1, sent.remoteId());
                    ps.setObject(2, now);
                    ps.setObject(3, now);
                    ps.setString(4, sent.id());
                    ps.setLong(5, sent.version());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                recorded += got.size();
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException("recording outcomes failed", e);
        }
    }
}
