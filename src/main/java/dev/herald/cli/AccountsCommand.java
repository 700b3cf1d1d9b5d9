package dev.herald.cli;

import dev.herald.delivery.AccountStatus;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald accounts [status]|reset NAME…}: whether each account may send, and clearing an
 * account whose credentials were refused once they are fixed.
 */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "Show whether each account may send; reset an account whose credentials were refused.",
        subcommands = {AccountsCommand.Status.class, AccountsCommand.Reset.class})
public final class AccountsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    ConfigOption config = new ConfigOption();

    /** The command as the CLI runs it: the same as {@code accounts status}. */
    public AccountsCommand() {}

    @Override
    public Integer call() {
        return status(spec, database, config);
    }

    /** {@code accounts status}. */
    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show each account's state (the default).")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Mixin
        ConfigOption config = new ConfigOption();

        @Override
        public Integer call() {
            return status(spec, database, config);
        }
    }

    /** {@code accounts reset NAME…}. */
    @Command(name = "reset", mixinStandardHelpOptions = true,
            description = "Clear the auth-failed state of accounts whose credentials were fixed; their waiting shares resume.")
    static final class Reset implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseOptions database = new DatabaseOptions();

        @Mixin
        ConfigOption config = new ConfigOption();

        @Parameters(paramLabel = "NAME", arity = "1..*", description = "Account names.")
        List<String> names;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<SyndicationConfig> cfg = config.load();
            try (DeliveryDatabase db = database.open()) {
                DeliveryClient client = client(db, cfg);
                for (String name : names) {
                    boolean wasFailed = client.account(name).authFailed();
                    int woken = client.resetAccount(name);
                    out.printf("%s  %s; %d waiting share(s) resume%n", name,
                            wasFailed ? "auth failure cleared" : "was not auth-failed", woken);
                }
            }
            out.flush();
            return 0;
        }
    }

    private static DeliveryClient client(DeliveryDatabase db, Optional<SyndicationConfig> cfg) {
        return Delivery.client(db, ConfigOption.networks(cfg), ConfigOption.slots(cfg), Clock.systemUTC());
    }

    private static int status(CommandSpec spec, DatabaseOptions database, ConfigOption config) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<SyndicationConfig> cfg = config.load();
        Map<String, String> networks = ConfigOption.networks(cfg);
        ShareLines lines = new ShareLines(ConfigOption.zones(cfg), null);
        try (DeliveryDatabase db = database.open()) {
            List<AccountStatus> all = client(db, cfg).accountStatuses();
            for (AccountStatus a : all) {
                String network = networks.getOrDefault(a.name(), "not in configuration");
                String since = a.changedAt() == null ? "" : "  since " + lines.time(a.changedAt(), a.name());
                String why = a.message() == null ? "" : "  — " + ShareLines.oneLine(a.message());
                out.printf("%-12s %-20s %-11s%s%s%n", a.name(), "(" + network + ")", a.state(), since, why);
                if (a.authFailed()) out.printf("%-12s fix its credentials, then: herald accounts reset %s%n", "", a.name());
            }
            if (all.isEmpty()) out.println("no accounts: none configured (--config) and none recorded in the database");
        }
        out.flush();
        return 0;
    }
}
