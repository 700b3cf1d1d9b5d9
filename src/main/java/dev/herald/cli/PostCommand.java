package dev.herald.cli;

import dev.herald.delivery.CredentialStores;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code herald post}: sends one article to the configured accounts now, one line per account.
 * Exits 1 when any account did not get it (rate-limited, failed), so scripts notice.
 */
@Command(name = "post", mixinStandardHelpOptions = true,
        description = "Post an article to every enabled account (or --account ones) now; one line per account.")
public final class PostCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ArticleInput input = new ArticleInput();

    @Option(names = "--dry-run", description = "Send nothing to any account and read no credential: print each account's exact request instead.")
    boolean dryRun;

    @Option(names = "--revision", paramLabel = "REV", defaultValue = "",
            description = "The article's revision: a new revision is posted again, the same one never is.")
    String revision;

    /** Where the credential store is, when herald.yaml names a {@code credentials: key:}. */
    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    private final Clock clock;
    private final SecretSource secrets;

    /** The command as the CLI runs it: credentials from the environment and system properties. */
    public PostCommand() {
        this(Clock.systemUTC(), SecretSource.environment());
    }

    /** The command on {@code clock} with credentials from {@code secrets}; for tests and embedding. */
    public PostCommand(Clock clock, SecretSource secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        SyndicationConfig config = input.configuration();
        List<String> targets = input.targets(config);
        if (targets.isEmpty()) throw new IllegalArgumentException(config.source() + " has no enabled account");
        // With a credentials key, tokens from herald auth and rotated ones live in the database: read
        // them there, and store what a refresh renews (X's refresh token works once), as the worker does.
        boolean stored = !dryRun && config.credentialKey().isPresent();
        try (HttpTransport http = HttpTransport.builder().fetchPolicy(config.fetchPolicy()).build();
                DeliveryDatabase db = stored ? database.open() : null) {
            ArticleMeta article = input.resolve(config, http);
            TokenStore tokens = stored ? CredentialStores.tokens(db, config, secrets, clock) : TokenStore.inMemory();
            SyndicatorFactory factory = new SyndicatorFactory(http, clock, dryRun ? SecretSource.placeholders() : secrets, tokens);
            // Every credential is resolved before the first post, so a missing one sends nothing.
            List<Syndicator> syndicators = new ArrayList<>();
            for (String name : targets) syndicators.add(factory.create(config, config.account(name)));
            boolean allDelivered = true;
            for (Syndicator s : syndicators) {
                Post post = Post.of(article, s.account(), revision);
                if (dryRun) {
                    Previews.print(out, s.preview(post), true);
                    continue;
                }
                Outcome outcome;
                try {
                    outcome = s.send(post);
                } catch (RuntimeException e) {
                    // A syndicator's bug must not cost the accounts after it their post.
                    outcome = new Outcome.Transient("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
                }
                allDelivered &= outcome.delivered();
                out.printf("%-24s %-9s %s%n", s.account(), s.network(), outcome.describe());
                out.flush();
            }
            return allDelivered ? 0 : 1;
        }
    }
}
