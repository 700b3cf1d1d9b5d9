package dev.herald.cli;

import dev.herald.delivery.CredentialStores;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.config.AccountSettings;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald worker}: sends due shares until stopped (Ctrl-C, SIGTERM, or {@link #stop()}).
 * Several workers, on one machine or many, may share a PostgreSQL database; each share is sent once.
 */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Send due shares until stopped.")
public final class WorkerCommand implements Callable<Integer> {
    /** Builds the configured accounts' syndicators from a configuration file. */
    @FunctionalInterface
    public interface SyndicatorLoader {
        /** The syndicators of the enabled accounts in {@code config}. */
        List<Syndicator> load(Path config);
    }

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "herald.yaml", description = "Configuration listing the accounts (default ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "16", description = "Shares sent at once (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--node", paramLabel = "NAME", description = "This worker's name, unique among workers sharing the database (default host-pid).")
    String node;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "1000", description = "How often to look for due shares (default ${DEFAULT-VALUE} ms).")
    long pollMillis;

    private final SyndicatorLoader loader;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /**
     * The command as the CLI runs it: syndicators for the enabled accounts of {@code --config},
     * credentials read from the environment and system properties.
     */
    public WorkerCommand() {
        this.loader = null;
    }

    /** The command with syndicators from {@code loader}. */
    public WorkerCommand(SyndicatorLoader loader) {
        this.loader = java.util.Objects.requireNonNull(loader, "loader");
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (DeliveryDatabase db = database.open()) {
            List<Syndicator> syndicators = loader != null ? loader.load(config) : loadFromConfiguration(config, db);
            Map<String, String> credentials = credentials(config, syndicators);
            Delivery.Builder builder = Delivery.builder(db).syndicators(syndicators).threads(threads)
                    .pollingInterval(Duration.ofMillis(pollMillis));
            credentials.forEach(builder::credentials);
            // An account that failed auth with these same credentials is asked once whether the
            // network takes them now (a token re-enabled on the network's side, say).
            Map<String, Syndicator> byAccount = new HashMap<>();
            for (Syndicator s : syndicators) byAccount.put(s.account(), s);
            builder.credentialVerifier(account -> byAccount.containsKey(account)
                    && byAccount.get(account).check().status() == CredentialCheck.Status.OK);
            if (node != null) builder.node(node);
            Delivery delivery = builder.build().start();
            Thread hook = new Thread(this::stop, "herald-worker-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            out.printf("worker %s sending for %s from %s%n", delivery.node(), delivery.client().accounts(), db);
            out.flush();
            try {
                stopped.await();
            } finally {
                delivery.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting through this hook
                }
                out.printf("worker %s stopped: %s%n", delivery.node(), delivery.client().stats().counters());
                out.flush();
            }
        }
        return 0;
    }

    /** Asks a running worker to finish its in-flight sends and return. */
    public void stop() {
        stopped.countDown();
    }

    /**
     * Each sending account's credential material, read from the configuration with the credentials
     * resolved from the environment: a worker started with other credentials than those that
     * failed clears the account's auth failure. Accounts whose credentials cannot be resolved here
     * (a loader that builds syndicators another way) are left out.
     */
    private static Map<String, String> credentials(Path config, List<Syndicator> syndicators) {
        if (!Files.isRegularFile(config)) return Map.of();
        SyndicationConfig cfg = SyndicationConfig.load(config);
        Map<String, String> out = new HashMap<>();
        for (Syndicator s : syndicators) {
            cfg.enabledAccounts().stream().filter(a -> a.name().equals(s.account())).findFirst()
                    .flatMap(a -> credentialMaterial(a, SecretSource.environment()))
                    .ifPresent(m -> out.put(s.account(), m));
        }
        return out;
    }

    /**
     * What identifies an account's credentials: its network and every setting, credential
     * references resolved by {@code secrets}; empty when one cannot be resolved.
     */
    static Optional<String> credentialMaterial(AccountSettings account, SecretSource secrets) {
        StringBuilder b = new StringBuilder(account.network());
        for (String key : new TreeSet<>(account.settings().keySet())) {
            b.append('\n').append(key).append('=');
            for (String value : account.settings().get(key).values()) {
                String v = value;
                if (Secret.isReference(value)) {
                    try {
                        v = secrets.resolve(value).value();
                    } catch (IllegalArgumentException unset) {
                        return Optional.empty();
                    }
                }
                // Length-prefixed, so no two different lists of values run together into one string.
                b.append(v.length()).append(':').append(v).append(';');
            }
        }
        return Optional.of(b.toString());
    }

    /**
     * The configured accounts' syndicators; with a {@code credentials: key:}, they read and renew
     * their tokens in the database's credential store, and a renewal clears an auth failure.
     */
    private static List<Syndicator> loadFromConfiguration(Path config, DeliveryDatabase db) {
        // One transport for the worker's life: the JVM's exit closes its pooled connections.
        SyndicationConfig loaded = SyndicationConfig.load(config);
        HttpTransport http = HttpTransport.builder().fetchPolicy(loaded.fetchPolicy()).build();
        Clock clock = Clock.systemUTC();
        TokenStore tokens = CredentialStores.tokens(db, loaded, SecretSource.environment(), clock);
        return new SyndicatorFactory(http, clock, SecretSource.environment(), tokens).createAll(loaded);
    }
}
