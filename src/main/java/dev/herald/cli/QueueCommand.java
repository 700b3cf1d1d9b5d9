package dev.herald.cli;

import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareState;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code herald queue list|cancel|retry}: looks at and manages the delivery queue, dead letters included. */
@Command(name = "queue", mixinStandardHelpOptions = true,
        description = "List, cancel and retry shares in the delivery queue.",
        subcommands = {QueueCommand.ListShares.class, QueueCommand.CancelShares.class, QueueCommand.RetryShares.class})
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

    static DeliveryClient client(DeliveryDatabase db) {
        return Delivery.client(db, Map.of());
    }

    /** {@code queue list}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List shares, by due time.")
    static final class ListShares implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Option(names = "--state", split = ",", paramLabel = "STATE",
                description = "Only these states: ${COMPLETION-CANDIDATES} (default: every state).")
        Set<ShareState> states = EnumSet.noneOf(ShareState.class);

        @Option(names = "--account", paramLabel = "NAME", description = "Only this account.")
        String account;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N shares (default ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (DeliveryDatabase db = database.open()) {
                DeliveryClient client = client(db);
                ShareQuery query = new ShareQuery(states, account, limit);
                List<Share> shares = client.list(query);
                for (Share s : shares) {
                    out.printf("%s  %-12s %-9s %-24s attempts %d  %s%s%n", s.id(), s.account(), s.state(), s.dueAt(), s.attempts(),
                            s.articleUrl(), s.lastMessage() == null ? "" : "  — " + oneLine(s.lastMessage()));
                }
                out.printf("%d share(s); totals: %s%n", shares.size(), client.stats().shares());
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
        DatabaseOptions database = new DatabaseOptions();

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Share ids, as 'queue list' prints them.")
        List<String> ids;

        @Override
        public Integer call() {
            return each(spec, database, ids, "cancelled", "not cancelled (sending, sent, dead, cancelled or unknown)",
                    DeliveryClient::cancel);
        }
    }

    /** {@code queue retry ID…}. */
    @Command(name = "retry", mixinStandardHelpOptions = true, description = "Send dead or cancelled shares again now.")
    static final class RetryShares implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Parameters(paramLabel = "ID", arity = "1..*", description = "Share ids, as 'queue list' prints them.")
        List<String> ids;

        @Override
        public Integer call() {
            return each(spec, database, ids, "queued again", "not retried (only dead or cancelled shares are)",
                    DeliveryClient::retry);
        }
    }

    private interface Action {
        boolean apply(DeliveryClient client, String id);
    }

    private static int each(CommandSpec spec, DatabaseOptions database, List<String> ids, String done, String refused, Action action) {
        PrintWriter out = spec.commandLine().getOut();
        int failed = 0;
        try (DeliveryDatabase db = database.open()) {
            DeliveryClient client = client(db);
            for (String id : ids) {
                boolean ok = action.apply(client, id);
                if (!ok) failed++;
                out.printf("%s  %s%n", id, ok ? done : refused);
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }
}
