package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.AccountState;
import dev.herald.delivery.internal.AttemptResult;
import dev.herald.delivery.internal.ClaimResult;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The queue and account commands as a person uses them, on a real H2 file database: what exists
 * is reported and left alone, past times are refused, shares are named by short ids and shown
 * with headlines in the account's zone, accounts are reset.
 */
class QueueCommandsIT {
    /** Friday 14 March 2025, 12:00 in Berlin. */
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
                  - name: sky
                    network: bluesky
                    handle: news.example
                    password: ${env:HERALD_TEST_UNSET_PASSWORD}
                """);
        db = dir.resolve("data/herald").toString();
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = HeraldCli.withErrorHandling(new CommandLine(command)).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Run schedule(String... args) {
        List<String> all = new ArrayList<>(List.of("--db", db, "--config", config.toString(), "--url", "https://news.example/a",
                "--title", "Harbour reopens after the storm"));
        all.addAll(List.of(args));
        return run(new ScheduleCommand(CLOCK), all.toArray(String[]::new));
    }

    Run queue(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--db", db, "--config", config.toString()));
        return run(new QueueCommand(), all.toArray(String[]::new));
    }

    String shortIdOf(Run r, String account) {
        return r.out().lines().filter(l -> l.contains(" " + account + " ")).findFirst().orElseThrow().split("\\s+")[0];
    }

    void withStore(Consumer<JdbcDeliveryStore> work) {
        try (DeliveryDatabase opened = DeliveryDatabase.h2(Path.of(db))) {
            dev.herald.delivery.internal.Migrations.migrate(opened);
            work.accept(new JdbcDeliveryStore(opened));
        }
    }

    @Test
    void schedulingAgainShowsWhatExistsExitsOneAndMovesItOnlyWithReschedule() {
        Run first = schedule("--account", "main", "--at", "2025-03-20T09:00", "--zone", "Europe/Berlin");
        assertEquals(0, first.exit(), first.err());
        assertTrue(first.out().contains("scheduled") && first.out().contains("due 2025-03-20 09:00 CET"), first.out());

        Run again = schedule("--account", "main", "--at", "2025-03-21T09:00", "--zone", "Europe/Berlin");
        assertEquals(1, again.exit());
        assertTrue(again.out().contains("exists") && again.out().contains("due 2025-03-20 09:00 CET"), again.out());
        assertTrue(again.err().contains("--reschedule"), again.err());

        Run moved = schedule("--account", "main", "--at", "2025-03-21T09:00", "--zone", "Europe/Berlin", "--reschedule");
        assertEquals(0, moved.exit(), moved.err());
        assertTrue(moved.out().contains("rescheduled") && moved.out().contains("due 2025-03-21 09:00 CET"), moved.out());
    }

    @Test
    void aCancelledShareCanBeScheduledAgain() {
        String id = shortIdOf(schedule("--account", "main", "--at", "2025-03-20T10:00:00Z"), "main");
        assertEquals(0, queue("cancel", id).exit());
        Run again = schedule("--account", "main", "--at", "2025-03-22T10:00:00Z");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("scheduled again") && again.out().contains("SCHEDULED"), again.out());
    }

    @Test
    void aPastTimeIsRefusedPointingAtNow() {
        Run past = schedule("--account", "main", "--at", "2025-03-14T09:00:00Z");
        assertEquals(2, past.exit());
        assertTrue(past.err().contains("in the past") && past.err().contains("--now"), past.err());
        assertFalse(past.err().contains("Usage:"), "a usage error is one message, not the whole help");
        withStore(store -> assertEquals(0, store.countByState().size(), "nothing was scheduled"));
        Run now = schedule("--account", "main", "--now");
        assertEquals(0, now.exit(), now.err());
        assertTrue(now.out().contains("due 2025-03-14 12:00 CET"), now.out());
    }

    @Test
    void queueListShowsShortIdsHeadlinesAndTimesInTheAccountsZoneWithCaseInsensitiveStates() {
        schedule("--at", "2025-03-30T02:30", "--zone", "Europe/Berlin");
        Run list = queue("list", "--state", "scheduled,Failed");
        assertEquals(0, list.exit(), list.err());
        String mainLine = list.out().lines().filter(l -> l.contains(" main ")).findFirst().orElseThrow();
        assertTrue(mainLine.matches("[0-9a-f]{12}  main .*"), mainLine);
        assertTrue(mainLine.contains("due 2025-03-30 03:30 CEST"), "the account's slot zone: " + mainLine);
        assertTrue(mainLine.contains("'Harbour reopens after the storm'"), mainLine);
        Run utc = queue("list", "--zone", "UTC", "--account", "sky");
        assertTrue(utc.out().contains("due 2025-03-30 01:30 UTC"), utc.out());
        Run bad = queue("list", "--state", "waiting");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("scheduled, sending, posted"), bad.err());
    }

    @Test
    void queueRescheduleMovesAShareNamedByAPrefixAndRefusesAPastTime() {
        String id = shortIdOf(schedule("--account", "main", "--at", "2025-03-20T10:00:00Z"), "main");
        Run moved = queue("reschedule", id.substring(0, 8), "--at", "2099-06-01T09:00", "--zone", "Europe/Berlin");
        assertEquals(0, moved.exit(), moved.err());
        assertTrue(moved.out().contains("rescheduled") && moved.out().contains("due 2099-06-01 09:00 CEST"), moved.out());
        Run past = queue("reschedule", id, "--at", "2001-01-01T00:00:00Z");
        assertEquals(2, past.exit());
        assertTrue(past.err().contains("--now"), past.err());
        Run next = queue("reschedule", id, "--next");
        assertEquals(0, next.exit(), next.err());
        assertTrue(next.out().matches("(?s).*due \\d{4}-\\d{2}-\\d{2} (09|13):00 CES?T.*"), "a Berlin slot: " + next.out());
        Run none = queue("reschedule", id);
        assertEquals(2, none.exit(), "one of --at, --next, --now is required");
    }

    @Test
    void idsThatAreTooShortUnknownOrAmbiguousAreClearErrors() throws Exception {
        Run s = schedule("--at", "2025-03-20T10:00:00Z");
        String main = shortIdOf(s, "main");
        String sky = shortIdOf(s, "sky");
        Run shortOne = queue("cancel", main.substring(0, 6));
        assertEquals(1, shortOne.exit());
        assertTrue(shortOne.err().contains("at least 8"), shortOne.err());
        Run unknown = queue("cancel", "00000000");
        assertTrue(unknown.err().contains("no share has an id starting with 00000000"), unknown.err());
        // Two ids sharing an 8-character prefix, made by hand: real ones would take about 2^32 shares.
        try (DeliveryDatabase opened = DeliveryDatabase.h2(Path.of(db)); var c = opened.getConnection(); var st = c.createStatement()) {
            st.executeUpdate("UPDATE herald_share SET id = CONCAT('feedbeef', SUBSTRING(id, 9))");
        }
        Run ambiguous = queue("show", "feedbeef");
        assertEquals(2, ambiguous.exit());
        assertTrue(ambiguous.err().contains("ambiguous") && ambiguous.err().contains("feedbeef" + main.substring(8)), ambiguous.err());
        Run one = queue("show", "feedbeef" + sky.substring(8, 12));
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().contains("account   sky (bluesky)"), one.out());
    }

    @Test
    void queueRetryTakesAFailedShareAndSendsItNow() {
        String id = shortIdOf(schedule("--account", "main", "--now"), "main");
        withStore(store -> {
            Share s = store.findByPrefix(id, 1).get(0);
            Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), Instant.now(), "n", List.of())).share();
            store.recordAttempt(s.id(), c.version(), new AttemptResult(ShareState.FAILED, Instant.parse("2099-01-01T00:00:00Z"), 3,
                    "transient", "503 Service Unavailable", null, null), Instant.now());
        });
        Run retry = queue("retry", id);
        assertEquals(0, retry.exit(), retry.out() + retry.err());
        assertTrue(retry.out().contains("queued again"), retry.out());
        withStore(store -> {
            Share s = store.findByPrefix(id, 1).get(0);
            assertEquals(ShareState.SCHEDULED, s.state());
            assertEquals(0, s.failures());
            assertTrue(s.dueAt().isBefore(Instant.now().plusSeconds(1)), "due now, not in 2099");
        });
    }

    @Test
    void anUncertainShareIsShownWithWhatToDoAndConfirmedWithItsLinkInTheAuditLog() {
        String id = shortIdOf(schedule("--account", "main", "--now"), "main");
        withStore(store -> {
            Share s = store.findByPrefix(id, 1).get(0);
            Share c = ((ClaimResult.Claimed) store.claim(s.id(), s.version(), Instant.now(), "n", List.of())).share();
            store.recordAttempt(s.id(), c.version(), new AttemptResult(ShareState.UNCERTAIN, null, 1, "uncertain",
                    "the request was sent but the connection was dropped", null, null), Instant.now());
        });
        Run listed = queue("list", "--state", "Uncertain");
        assertEquals(0, listed.exit(), listed.err());
        assertTrue(listed.out().contains(id) && listed.out().contains("UNCERTAIN"), listed.out());
        Run shown = queue("show", id);
        assertTrue(shown.out().contains("herald queue confirm " + id) && shown.out().contains("herald queue retry " + id), shown.out());
        assertTrue(shown.out().contains("#1") && shown.out().contains("uncertain"), "the history lists the attempt: " + shown.out());

        Run badUrl = queue("confirm", id, "--url", "javascript:alert(1)");
        assertEquals(2, badUrl.exit(), badUrl.out());
        Run confirmed = queue("confirm", id, "--url", "https://mastodon.example/@news/42");
        assertEquals(0, confirmed.exit(), confirmed.out() + confirmed.err());
        assertTrue(confirmed.out().contains("confirmed as posted"), confirmed.out());
        Run again = queue("confirm", id);
        assertEquals(1, again.exit(), "a posted share is not confirmed twice: " + again.out());
        withStore(store -> {
            Share s = store.findByPrefix(id, 1).get(0);
            assertEquals(ShareState.POSTED, s.state());
            assertEquals(java.net.URI.create("https://mastodon.example/@news/42"), s.remoteUrl());
            dev.herald.delivery.AuditEntry last = store.auditLog(1).get(0);
            assertEquals(List.of("cli:" + System.getProperty("user.name"), "confirm", s.id()),
                    List.of(last.actor(), last.action(), last.target()));
        });
    }

    @Test
    void aSharesOwnTextIsCheckedAgainstTheNetworkAndShownInFull() {
        Run tooLong = schedule("--account", "sky", "--at", "2025-03-20T10:00:00Z", "--text", "x".repeat(301));
        assertEquals(2, tooLong.exit());
        assertTrue(tooLong.err().contains("too long") && tooLong.err().contains("300"), tooLong.err());
        Run ok = schedule("--account", "sky", "--at", "2025-03-20T10:00:00Z", "--text", "Harbour open again: https://news.example/a");
        assertEquals(0, ok.exit(), ok.err());
        Run show = queue("show", shortIdOf(ok, "sky"));
        assertTrue(show.out().contains("Harbour open again: https://news.example/a"), show.out());
        assertTrue(queue("list").out().contains("[own text]"));
    }

    @Test
    void accountsShowsAnAuthFailedAccountAndResetClearsIt() {
        withStore(store -> store.setAccount("main", AccountState.AUTH_FAILED, "authentication failed: 401 The access token is invalid",
                Instant.parse("2025-03-14T10:00:00Z")));
        Run status = run(new AccountsCommand(), "--db", db, "--config", config.toString());
        assertEquals(0, status.exit(), status.err());
        assertTrue(status.out().contains("main") && status.out().contains("AUTH_FAILED") && status.out().contains("since 2025-03-14 11:00 CET"),
                status.out());
        assertTrue(status.out().contains("herald accounts reset main"), status.out());
        assertTrue(status.out().lines().anyMatch(l -> l.startsWith("sky ") && l.contains("ACTIVE")), status.out());

        Run reset = run(new AccountsCommand(), "reset", "main", "--db", db, "--config", config.toString());
        assertEquals(0, reset.exit(), reset.err());
        assertTrue(reset.out().contains("auth failure cleared"), reset.out());
        withStore(store -> assertFalse(store.account("main").authFailed()));
        Run unknown = run(new AccountsCommand(), "reset", "nope", "--db", db, "--config", config.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown account 'nope'"), unknown.err());
    }

    @Test
    void configDefaultsToHeraldYamlForEveryCommandThatReadsIt() {
        for (Object command : List.of(new PreviewCommand(), new PostCommand(), new ScheduleCommand(), new WorkerCommand())) {
            CommandLine.Model.OptionSpec option = new CommandLine(command).getCommandSpec().findOption("--config");
            assertEquals("herald.yaml", option.defaultValue(), command.getClass().getSimpleName());
            assertFalse(option.required(), command.getClass().getSimpleName());
        }
        assertEquals(Path.of("herald.yaml"), ConfigOption.DEFAULT);
    }

    @Test
    void workerCredentialMaterialChangesWithTheTokenAndIsAbsentWhenItCannotBeResolved() {
        var cfg = dev.herald.syndication.config.SyndicationConfig.load(config);
        var main = cfg.account("main");
        var old = WorkerCommand.credentialMaterial(main, ref -> new dev.herald.syndication.Secret(ref, "old-token"));
        var fresh = WorkerCommand.credentialMaterial(main, ref -> new dev.herald.syndication.Secret(ref, "new-token"));
        assertTrue(old.isPresent() && fresh.isPresent());
        assertFalse(old.equals(fresh));
        assertEquals(old, WorkerCommand.credentialMaterial(main, ref -> new dev.herald.syndication.Secret(ref, "old-token")));
        assertTrue(WorkerCommand.credentialMaterial(main, ref -> {
            throw new IllegalArgumentException("environment variable HERALD_TEST_UNSET_TOKEN is not set");
        }).isEmpty());
    }

    @Test
    void theWorkerCommandLogsOneLinePerSend() throws Exception {
        try (dev.herald.testkit.MockWebhookReceiver receiver = new dev.herald.testkit.MockWebhookReceiver().start()) {
            Path hookConfig = dir.resolve("hook.yaml");
            Files.writeString(hookConfig, """
                    accounts:
                      - name: hook
                        network: webhook
                        url: %s
                        secrets: ["${env:HERALD_TEST_HOOK_SECRET}"]
                    """.formatted(receiver.webhookUri()));
            Run s = run(new ScheduleCommand(), "--db", db, "--config", hookConfig.toString(), "--url", "https://news.example/w",
                    "--title", "Worker headline", "--now");
            assertEquals(0, s.exit(), s.err());
            String id = shortIdOf(s, "hook");
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = dir.resolve("worker.log");
            ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                    HeraldCli.class.getName(), "worker", "--db", db, "--config", hookConfig.toString(), "--poll-ms", "100", "--node", "w1")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            pb.environment().put("HERALD_TEST_HOOK_SECRET", receiver.secret());
            Process worker = pb.start();
            String seen;
            try (java.nio.file.WatchService watch = dir.getFileSystem().newWatchService()) {
                dir.register(watch, java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY);
                assertTrue(receiver.awaitUnique(1, Duration.ofSeconds(90)), "the worker sent nothing: " + Files.readString(log));
                // The line follows the delivery by a moment: wait for the log to change, not for a time.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                seen = Files.readString(log);
                while (seen.lines().noneMatch(l -> l.contains(id)) && System.nanoTime() < deadline) {
                    java.nio.file.WatchKey key = watch.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                    seen = Files.readString(log);
                }
            } finally {
                worker.destroy(); // SIGTERM: the worker's shutdown hook stops it
                assertTrue(worker.waitFor(60, TimeUnit.SECONDS), "the worker did not stop");
            }
            List<String> lines = seen.lines().filter(l -> l.contains(id)).toList();
            assertEquals(1, lines.size(), seen);
            assertTrue(lines.get(0).contains("'Worker headline' to hook posted"), seen);
            assertFalse(seen.contains("WARN"), "no library start-up warnings: " + seen);
        }
    }

    @Test
    void theCliPrintsNoStartUpWarningsOfTheDatabaseLibraries() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), HeraldCli.class.getName(),
                "queue", "list", "--db", db, "--config", config.toString())
                .redirectErrorStream(false).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the CLI did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("0 share(s)"), out);
        assertFalse(err.contains("WARN"), err);
    }
}
