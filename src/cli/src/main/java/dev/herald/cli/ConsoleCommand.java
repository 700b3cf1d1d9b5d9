package dev.herald.cli;

import dev.herald.console.Console;
import dev.herald.console.ConsoleServer;
import dev.herald.console.ConsoleUsers;
import dev.herald.console.PageReader;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.syndication.TokenStore;
import dev.herald.delivery.CredentialStores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code herald console}: the marketing console in a browser, on the delivery database (the
 * embedded one by default), for the users listed in {@code herald.yaml}'s {@code console:} section.
 * It schedules; a running worker (the app's, or {@code herald worker}, or {@code --worker}) sends.
 */
@Command(name = "console", mixinStandardHelpOptions = true, subcommands = ConsoleCommand.HashPassword.class,
        description = {"Serve the marketing console (compose, calendar, history, accounts) in a browser.",
            "Users and their roles are in herald.yaml's console: section; 'herald console hash-password' makes a password hash."})
public final class ConsoleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "herald.yaml", description = "Configuration with the accounts and console users (default ${DEFAULT-VALUE}).")
    Path config;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; anything else belongs behind https).")
    String host;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8081", description = "Port (default ${DEFAULT-VALUE}; 0 for any free port).")
    int port;

    @Option(names = "--feed", paramLabel = "URL", description = "The site's RSS or Atom feed: its recent articles are offered on the compose page.")
    URI feed;

    @Option(names = "--worker", description = "Also send due shares from this process (needs the accounts' credentials).")
    boolean worker;

    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile ConsoleServer server;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SyndicationConfig cfg = SyndicationConfig.load(config);
        ConsoleUsers users = ConsoleUsers.load(config);
        HttpTransport http = HttpTransport.builder().fetchPolicy(cfg.fetchPolicy()).build();
        try (DeliveryDatabase db = database.open()) {
            // Tokens signed in with herald auth, and renewed ones, come from the credential store when
            // herald.yaml names its key, so checks and sends use the newest and renewals are kept.
            TokenStore tokens = CredentialStores.open(db, cfg, SecretSource.environment(), Clock.systemUTC())
                    .<TokenStore>map(store -> store).orElseGet(TokenStore::inMemory);
            List<Syndicator> syndicators;
            try {
                syndicators = new SyndicatorFactory(http, Clock.systemUTC(), SecretSource.environment(), tokens).createAll(cfg);
            } catch (ConfigException missingCredential) {
                if (worker) throw new ParameterException(spec.commandLine(), "--worker needs every account's credentials: " + missingCredential.getMessage());
                // Previews need no credentials; checking them does, and says so when clicked.
                syndicators = new SyndicatorFactory(http, Clock.systemUTC(), SecretSource.placeholders(), tokens).createAll(cfg);
                spec.commandLine().getErr().println("herald: credentials are not all set here (" + missingCredential.getMessage()
                        + "); previews work, credential checks will fail");
            }
            Delivery delivery = null;
            DeliveryClient client;
            if (worker) {
                Delivery.Builder b = Delivery.builder(db).syndicators(syndicators);
                cfg.queueSlots().forEach(b::slots);
                delivery = b.build().start();
                client = delivery.client();
            } else {
                client = Delivery.client(db, cfg.networks(), cfg.queueSlots(), Clock.systemUTC());
            }
            Console.Builder console = Console.builder(client).syndicators(syndicators).slots(cfg.queueSlots()).authenticator(users)
                    .pages(new PageReader(http, cfg.siteProperties())).zone(users.zone());
            if (feed != null) console.feed(feed);
            try {
                server = ConsoleServer.start(console.build(), host, port);
                Thread hook = new Thread(this::stop, "herald-console-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                out.printf("console on %s for %d user(s)%s; Ctrl-C stops it%n", server.uri(), users.size(), worker ? ", sending due shares" : "");
                out.flush();
                stopped.await();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already exiting through this hook
                }
            } finally {
                if (server != null) server.close();
                if (delivery != null) delivery.close();
                try {
                    http.close();
                } catch (IOException ignored) {
                    // nothing left to send on it
                }
            }
        }
        return 0;
    }

    /** Where the running console is served, once it has started; for tests. */
    URI uri() {
        return server == null ? null : server.uri();
    }

    /** Stops a running console. */
    public void stop() {
        stopped.countDown();
    }

    /** {@code herald console hash-password}: reads a password (twice at a terminal, once from standard input) and prints its bcrypt hash. */
    @Command(name = "hash-password", mixinStandardHelpOptions = true,
            description = "Print a bcrypt hash of a password, for a console user's password: key in herald.yaml.")
    static final class HashPassword implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            java.io.Console terminal = System.console();
            String password;
            if (terminal != null) {
                char[] first = terminal.readPassword("Password: ");
                char[] again = terminal.readPassword("Again: ");
                if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                    throw new IllegalArgumentException("the two passwords differ");
                }
                password = new String(first);
            } else {
                BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
                password = in.readLine();
                if (password == null) throw new IllegalArgumentException("no password on standard input");
            }
            spec.commandLine().getOut().println(ConsoleUsers.hash(password));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
