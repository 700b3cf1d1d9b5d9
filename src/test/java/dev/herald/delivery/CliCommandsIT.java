package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.cli.QueueCommand;
import dev.herald.cli.ScheduleCommand;
import dev.herald.cli.WorkerCommand;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.herald.meta.ArticleMeta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code schedule}, {@code queue} and {@code worker} commands on a real H2 file database. */
class CliCommandsIT {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T11:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    Path config;
    String db;

    record Run(int exit, String out, String err) {}

    @BeforeEach
    void writeConfig() throws Exception {
        config = dir.resolve("herald.yaml");
        Files.writeString(config, """
                accounts:
                  - name: main
                    network: mastodon
                    server: https://mastodon.example
                    token: ${env:HERALD_TEST_UNSET_TOKEN}
                    slots: "Mon-Fri 09:00,13:00 Europe/Berlin"
                  - name: hook
                    network: webhook
                    url: https://hooks.example/herald
                    secrets: ["${env:HERALD_TEST_UNSET_SECRET}"]
                  - name: old
                    network: bluesky
                    handle: old.example
                    password: ${env:HERALD_TEST_UNSET_PASSWORD}
                    enabled: false
                """);
        db = dir.resolve("data/herald").toString();
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Run schedule(String... args) {
        String[] base = {"--db", db, "--config", config.toString(), "--url", "https://news.example/a", "--title", "A"};
        String[] all = new String[base.length + args.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(args, 0, all, base.length, args.length);
        return run(new ScheduleCommand(CLOCK), all);
    }

    @Test
    void scheduleTurnsALocalTimeIntoItsInstantAndQueueListShowsIt() {
        Run r = schedule("--account", "main", "--at", "2025-03-30T02:30", "--zone", "Europe/Berlin");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("due 2025-03-30 03:30 CEST"), r.out()); // shown in the account's slot zone
        Run list = run(new QueueCommand(), "list", "--db", db, "--state", "SCHEDULED");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("https://news.example/a"), list.out());
        assertTrue(list.out().contains("1 share(s)"), list.out());
    }

    @Test
    void scheduleReadsTheArticlesHeadlineAndSummaryFromItsPage() {
        String page = "https://ledger.example/articles/iran-retaliation.html";
        Run r = run(new ScheduleCommand(CLOCK), "--db", db, "--config", config.toString(), "--account", "main",
                "--at", "2025-03-20T10:00:00Z", "--url", page, "webapp/articles/iran-retaliation.html");
        assertEquals(0, r.exit(), r.err());
        String id = r.out().strip().split("\\s+")[0];
        try (DeliveryDatabase opened = DeliveryDatabase.h2(Path.of(db))) {
            ArticleMeta stored = new JdbcDeliveryStore(opened).findByPrefix(id, 2).get(0).article();
            assertEquals(page, stored.url().toString());
            assertTrue(stored.title().startsWith("Iran calls its missile strikes"), stored.title());
            assertTrue(stored.description().startsWith("Tehran fired 15 missiles"), stored.description());
        }
        Run neither = run(new ScheduleCommand(CLOCK), "--db", db, "--config", config.toString());
        assertEquals(2, neither.exit());
        assertTrue(neither.err().contains("give the article page"), neither.err());
    }

    @Test
    void scheduleWithoutAccountSharesToEveryEnabledAccount() {
        Run r = schedule("--at", "2025-03-20T10:00:00Z");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains(" main ") && r.out().contains(" hook "), r.out());
        assertTrue(!r.out().contains(" old "), r.out());
    }

    @Test
    void scheduleNextUsesTheAccountsQueueSlots() {
        Run r = schedule("--account", "main", "--next");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("due 2025-03-14 13:00 CET"), r.out()); // Friday 13:00 in Berlin
    }

    @Test
    void scheduleRefusesAnUnknownAccountNamingTheConfiguredOnes() {
        Run r = schedule("--account", "nope");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nope") && r.err().contains("main"), r.err());
    }

    @Test
    void scheduleRefusesATimeWithoutOffsetOrZone() {
        Run r = schedule("--at", "2025-03-30T02:30");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--zone"), r.err());
    }

    @Test
    void queueCancelThenRetrySendsACancelledShareAgain() {
        Run s = schedule("--account", "hook", "--at", "2025-03-20T10:00:00Z");
        String id = s.out().trim().split("\\s+")[0];
        assertEquals(0, run(new QueueCommand(), "cancel", "--db", db, id).exit());
        assertEquals(1, run(new QueueCommand(), "cancel", "--db", db, id).exit(), "a cancelled share cannot be cancelled again");
        Run retry = run(new QueueCommand(), "retry", "--db", db, id);
        assertEquals(0, retry.exit(), retry.out());
        assertTrue(run(new QueueCommand(), "list", "--db", db).out().contains("SCHEDULED"));
    }

    @Test
    void workerSendsDueSharesUntilStopped() throws Exception {
        CountDownLatch sent = new CountDownLatch(1);
        RecordingSyndicator hook = new RecordingSyndicator("hook", "webhook");
        Syndicator counting = new Syndicator() {
            @Override
            public String account() {
                return "hook";
            }

            @Override
            public String network() {
                return "webhook";
            }

            @Override
            public Outcome send(Post post) {
                Outcome o = hook.send(post);
                sent.countDown();
                return o;
            }
        };
        assertEquals(0, run(new ScheduleCommand(), "--db", db, "--config", config.toString(), "--url", "https://news.example/w",
                "--account", "hook").exit());
        WorkerCommand worker = new WorkerCommand(path -> List.of(counting));
        CompletableFuture<Run> running = CompletableFuture.supplyAsync(() -> run(worker, "--db", db, "--config", config.toString(),
                "--poll-ms", "50", "--node", "cli-test"));
        assertTrue(sent.await(60, TimeUnit.SECONDS), "the worker sent nothing");
        worker.stop();
        Run r = running.get(60, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("worker cli-test stopped"), r.out());
        assertEquals(1, hook.calls().size());
        assertEquals("https://news.example/w", hook.calls().get(0).article().url().toString());
    }
}
