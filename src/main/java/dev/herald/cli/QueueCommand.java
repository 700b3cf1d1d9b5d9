package dev.herald.cli;

import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald queue list|show|cancel|retry|confirm|reschedule}: looks at and manages the delivery
 * queue, dead letters and uncertain shares included. Every change is written to the audit log as
 * {@code cli:} and the operating-system user. Shares are named by their id or any unique prefix of 8 or more of its
 * characters, as {@code list} shows them.
 */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "List, show, cancel, retry, confirm and reschedule shares in the delivery queue.",
        subcommands = {QueueCommand.ListShares.class, QueueCommand.ShowShare.class, QueueCommand.CancelShares.class,
            QueueCommand.RetryShares.class, QueueCommand.ConfirmShares.class, QueueCommand.RescheduleShare.class})
public final class QueueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The command as the CLI runs it. */
    public QueueCommand() {}

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    /** The options every queue subcommand takes: the database, the configuration, the zone times are shown in. */
    static final class Common {
        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Mixin
        ConfigOption config = new ConfigOption();

        @Option(names = "--zone", paramLabel = "ZONE",
                description = "Show times in this zone (default: each account's slot zone, else this machine's); with --at, its local time's zone.")
        String zone;

        Optional<SyndicationConfig> cfg;

        Optional<SyndicationConfig> cfg() {
            if (cfg == null) cfg = config.load();
            return cfg;
        }

        ShareLines lines(CommandSpec spec) {
            ZoneId z = null;
            if (zone != null) {
                try {
                    z = SendTimes.zone(zone);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            }
            return new ShareLines(ConfigOption.zones(cfg()), z);
        }

        DeliveryClient client(DeliveryDatabase db, Clock clock) {
            return Delivery.client(db, ConfigOption.networks(cfg()), ConfigOption.slots(cfg()), clock).as(cliActor());
        }
    }

    /** {@code queue list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List shares, by due time, with their headlines.")
    static final class ListShares implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Option(names = "--state", split = ",", paramLabel = "STATE",
                description = "Only these states, in any case: scheduled, sending, posted, failed, dead, cancelled, uncertain (default: every state).")
        List<String> states = new ArrayList<>();

        @Option(names = "--account", paramLabel = "NAME", description = "Only this account.")
        String account;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N shares (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Set<ShareState> wanted = states(spec, states);
            if (limit < 1) throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
            ShareLines lines = common.lines(spec);
            try (DeliveryDatabase db = common.database.open()) {
                DeliveryClient client = common.client(db, Clock.systemUTC());
                List<Share> shares = client.list(new ShareQuery(wanted, account, limit));
                for (Share s : shares) out.println(lines.line(s));
                out.printf("%d share(s); totals: %s%n", shares.size(), client.stats().shares());
            }
            out.flush();
            return 0;
        }
    }

    /** {@code queue show ID}. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show one share in full, with its own text if it has one.")
    static final class ShowShare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ID", description = "A share id, or a unique prefix of 8 or more characters.")
        String id;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ShareLines lines = common.lines(spec);
            try (DeliveryDatabase db = common.database.open()) {
                Share s = common.client(db, Clock.systemUTC()).resolve(id);
                String a = s.account();
                out.printf("id        %s%n", s.id());
                out.printf("account   %s (%s)%n", a, s.network());
                out.printf("state     %s%n", s.state());
                out.printf("headline  %s%n", ShareLines.oneLine(s.headline()));
                out.printf("article   %s%s%n", s.articleUrl(), s.revision().isEmpty() ? "" : "  revision " + s.revision());
                out.printf("due       %s%n", lines.time(s.dueAt(), a));
                if (s.slotAt() != null) out.printf("slot      %s%n", lines.time(s.slotAt(), a));
                if (s.occurrence() > 0) out.printf("re-share  %d%n", s.occurrence());
                out.printf("attempts  %d (failures in a row: %d)%n", s.attempts(), s.failures());
                if (s.lastMessage() != null) out.printf("last      %s%s%n", s.lastOutcome() == null ? "" : s.lastOutcome() + ": ",
                        ShareLines.oneLine(s.lastMessage()));
                if (s.postedAt() != null) out.printf("posted    %s%n", lines.time(s.postedAt(), a));
                if (s.remoteUrl() != null) out.printf("post      %s%n", s.remoteUrl());
                out.printf("text      %s%n", s.text() == null ? "(composed from the article by the account's template)" : "");
                if (s.text() != null) out.println(s.text());
                if (s.state() == ShareState.UNCERTAIN) {
                    out.printf("next      check the account: 'herald queue confirm %s [--url URL]' if the post is there, 'herald queue retry %s' if not%n",
                            s.shortId(), s.shortId());
                }
                var attempts = common.client(db, Clock.systemUTC()).attempts(s.id());
                if (!attempts.isEmpty()) out.println("history");
                for (var at : attempts) {
                    out.printf("  #%d  %s  %-12s %s%s%n", at.number(), lines.time(at.at(), a), at.outcome(),
                            at.message() == null ? "" : ShareLines.oneLine(at.message()), at.remoteUrl() == null ? "" : "  " + at.remoteUrl());
                }
            }
            out.flush();
            return 0;
        }
    }

    /** {@code queue cancel ID…}. */
    @Command(name = "cancel", mixinStandardHelpOptions = true, description = "Withdraw shares not yet being sent.")
    static final class CancelShares implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Share ids, or unique prefixes of 8 or more characters.")
        List<String> ids;

        @Override
        public Integer call() {
            return each(spec, common, ids, (client, s) -> client.cancel(s.id()) ? "cancelled"
                    : null, "not cancelled: only scheduled or failed shares can be");
        }
    }

    /** {@code queue retry ID…}. */
    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = "Send failed, dead, cancelled or uncertain shares again now (for an uncertain one: you checked, the post is not there).")
    static final class RetryShares implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Share ids, or unique prefixes of 8 or more characters.")
        List<String> ids;

        @Override
        public Integer call() {
            return each(spec, common, ids, (client, s) -> client.retry(s.id()) ? "queued again, due now" : null,
                    "not retried: only failed, dead, cancelled or uncertain shares are");
        }
    }

    /** {@code queue confirm ID… [--url URL]}. */
    @Command(name = "confirm", mixinStandardHelpOptions = true,
            description = "Mark uncertain (or dead) shares as posted: you checked, the post is on the account. Never sent again.")
    static final class ConfirmShares implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Option(names = "--url", paramLabel = "URL", description = "The post's address, kept with the share (one share only).")
        String url;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Share ids, or unique prefixes of 8 or more characters.")
        List<String> ids;

        @Override
        public Integer call() {
            java.net.URI link = null;
            if (url != null) {
                if (ids.size() != 1) throw new ParameterException(spec.commandLine(), "--url names one post: give one share id with it");
                try {
                    link = new java.net.URI(url.strip());
                } catch (java.net.URISyntaxException e) {
                    throw new ParameterException(spec.commandLine(), "--url is not a URL: " + e.getReason());
                }
                if (!link.isAbsolute() || !List.of("http", "https").contains(String.valueOf(link.getScheme()).toLowerCase(Locale.ROOT))) {
                    throw new ParameterException(spec.commandLine(), "--url must be an absolute http(s) URL");
                }
            }
            java.net.URI remote = link;
            return each(spec, common, ids, (client, s) -> client.confirm(s.id(), remote) ? "confirmed as posted" : null,
                    "not confirmed: only uncertain or dead shares can be");
        }
    }

    /** {@code queue reschedule ID --at … [--zone …] | --next | --now}. */
    @Command(name = "reschedule", mixinStandardHelpOptions = true,
            description = "Move a share not yet sent to another time; a cancelled or dead share is scheduled again.")
    static final class RescheduleShare implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Common common = new Common();

        @Parameters(paramLabel = "ID", description = "A share id, or a unique prefix of 8 or more characters.")
        String id;

        @ArgGroup(exclusive = true, multiplicity = "1")
        When when = new When();

        /** Where to move it: exactly one of these. */
        static final class When {
            @Option(names = "--at", paramLabel = "TIME",
                    description = "An instant (2025-03-30T09:00:00Z) or, with --zone, a local time (2025-03-30T02:30). Past times are refused.")
            String at;

            @Option(names = "--next", description = "The account's next free queue slot (the account needs 'slots' in --config).")
            boolean next;

            @Option(names = "--now", description = "Send at once.")
            boolean now;
        }

        private final Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ShareLines lines = common.lines(spec);
            SendTime target = null;
            if (when.at != null) {
                try {
                    target = SendTimes.parse(when.at, common.zone);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            } else if (when.now) {
                target = SendTime.now();
            }
            try (DeliveryDatabase db = common.database.open()) {
                DeliveryClient client = common.client(db, clock);
                Share s = client.resolve(id);
                if (when.at != null) {
                    try {
                        SendTimes.notPast(target, clock, lines, s.account());
                    } catch (IllegalArgumentException e) {
                        throw new ParameterException(spec.commandLine(), e.getMessage());
                    }
                }
                boolean moved;
                if (when.next) {
                    if (!client.accounts().contains(s.account())) {
                        throw new ParameterException(spec.commandLine(), "--next needs account '" + s.account()
                                + "' and its slots in the configuration (--config)");
                    }
                    moved = client.rescheduleNext(s.id()).isPresent();
                } else {
                    moved = client.reschedule(s.id(), target);
                }
                Share now = client.find(s.id()).orElseThrow();
                if (!moved) {
                    spec.commandLine().getErr().printf("herald: %s is %s and cannot be moved%s%n", s.shortId(), now.state(),
                            now.state() == ShareState.POSTED ? " (a new --revision shares the article again)" : "");
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                out.printf("%s  %-12s rescheduled  due %s  %s%n", now.shortId(), now.account(), lines.time(now.dueAt(), now.account()),
                        ShareLines.quoted(now.headline()));
            }
            out.flush();
            return 0;
        }
    }

    /** Who the audit log names for a change made from the command line: {@code cli:} and the operating-system user. */
    static String cliActor() {
        String user = System.getProperty("user.name", "");
        return "cli:" + (user.isBlank() ? "unknown" : user);
    }

    /** Case-insensitive share states, with a clear error naming the valid ones. */
    static Set<ShareState> states(CommandSpec spec, List<String> names) {
        Set<ShareState> out = EnumSet.noneOf(ShareState.class);
        for (String name : names) {
            if (name.isBlank()) continue;
            try {
                out.add(ShareState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--state '" + name + "' is not one of "
                        + Arrays.stream(ShareState.values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }

    private interface Action {
        /** What was done, or {@code null} when the share was not in a state for it. */
        String apply(DeliveryClient client, Share share);
    }

    /** Applies {@code action} to each id; exit 0 when all succeeded, 1 when any was refused, unknown or ambiguous. */
    private static int each(CommandSpec spec, Common common, List<String> ids, Action action, String refused) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ShareLines lines = common.lines(spec);
        int failed = 0;
        try (DeliveryDatabase db = common.database.open()) {
            DeliveryClient client = common.client(db, Clock.systemUTC());
            for (String id : ids) {
                Share s;
                try {
                    s = client.resolve(id);
                } catch (IllegalArgumentException e) {
                    failed++;
                    err.printf("herald: %s%n", e.getMessage());
                    continue;
                }
                String done = action.apply(client, s);
                Share now = client.find(s.id()).orElse(s);
                if (done == null) {
                    failed++;
                    out.printf("%s  %-12s %s (it is %s)  %s%n", s.shortId(), s.account(), refused, now.state(), ShareLines.quoted(s.headline()));
                } else {
                    out.printf("%s  %-12s %s  %s%n", s.shortId(), s.account(), done, ShareLines.quoted(s.headline()));
                }
            }
        }
        out.flush();
        err.flush();
        return failed == 0 ? 0 : 1;
    }
}
