package dev.herald.cli;

import dev.herald.delivery.AccountStatus;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.JdbcCredentialStore;
import dev.herald.delivery.StoredCredential;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * {@code herald accounts [status]|reset NAME…}: each account's network, whether it may send and
 * when its stored token expires (warning within 14 days of a needed sign-in), and clearing an
 * account whose credentials were refused once they are fixed.
 */
@Command(name = "accounts", mixinStandardHelpOptions = true,
        description = "List each account: network, whether it may send, when its token expires; reset an account whose credentials were refused.",
        subcommands = {AccountsCommand.Status.class, AccountsCommand.Reset.class})
public final class AccountsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    ConfigOption config = new ConfigOption();

    private final Clock clock;

    /** The command as the CLI runs it: the same as {@code accounts status}. */
    public AccountsCommand() {
        this(Clock.systemUTC());
    }

    /** The command telling how long tokens have left by {@code clock}. */
    public AccountsCommand(Clock clock) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() {
        return status(spec, database, config, clock);
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

        @picocli.CommandLine.ParentCommand
        AccountsCommand parent;

        @Override
        public Integer call() {
            return status(spec, database, config, parent == null ? Clock.systemUTC() : parent.clock);
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

    private static int status(CommandSpec spec, DatabaseOptions database, ConfigOption config, Clock clock) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<SyndicationConfig> cfg = config.load();
        Map<String, String> networks = ConfigOption.networks(cfg);
        ShareLines lines = new ShareLines(ConfigOption.zones(cfg), null);
        try (DeliveryDatabase db = database.open()) {
            List<AccountStatus> all = client(db, cfg).accountStatuses();
            Map<String, StoredCredential> tokens = new java.util.HashMap<>();
            for (StoredCredential c : JdbcCredentialStore.list(db)) tokens.put(c.account(), c);
            for (AccountStatus a : all) {
                String network = networks.getOrDefault(a.name(), "not in configuration");
                String since = a.changedAt() == null ? "" : "  since " + lines.time(a.changedAt(), a.name());
                String why = a.message() == null ? "" : "  — " + ShareLines.oneLine(a.message());
                out.printf("%-12s %-20s %-11s%s%s%n", a.name(), "(" + network + ")", a.state(), since, why);
                if (a.authFailed()) out.printf("%-12s fix its credentials (or sign in: herald auth %s), then: herald accounts reset %s%n", "", a.name(), a.name());
                StoredCredential token = tokens.get(a.name());
                if (token != null) out.printf("%-12s %s%n", "", token(token, a.name(), lines, clock.instant()));
            }
            if (all.isEmpty()) out.println("no accounts: none configured (--config) and none recorded in the database");
        }
        out.flush();
        return 0;
    }

    /** How long the account's stored token lasts, with a warning within {@link #WARN_WITHIN} of the sign-in it needs. */
    static String token(StoredCredential token, String account, ShareLines lines, Instant now) {
        Instant by = token.signInBy();
        if (by == null) {
            return token.renewable() ? "token: renewed automatically with the stored refresh token (last written " + lines.time(token.updatedAt(), account) + ")"
                    : "token: stored " + lines.time(token.updatedAt(), account) + ", no expiry known";
        }
        String what = token.renewable() ? "refresh token" : "token";
        if (!now.isBefore(by)) return "WARNING: " + what + " expired " + lines.time(by, account) + "; sign in again: herald auth " + account;
        long days = Duration.between(now, by).toDays();
        String left = days == 0 ? "less than a day" : days == 1 ? "1 day" : days + " days";
        String line = what + " expires " + lines.time(by, account) + " (in " + left + ")";
        return Duration.between(now, by).compareTo(WARN_WITHIN) < 0 ? "WARNING: " + line + "; sign in again before then: herald auth " + account
                : line;
    }

    /** How close to a token's end {@code herald accounts} starts warning. */
    static final Duration WARN_WITHIN = Duration.ofDays(14);
}
