package dev.herald.syndication.config;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.internal.GuardedSyndicator;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one {@link Syndicator} per account of a {@link SyndicationConfig}, by its network's
 * {@link NetworkProvider} (from the configuration's {@link SyndicationConfig#registry() registry}),
 * resolving credentials as it goes: a reference to a variable that is not set is a
 * {@link ConfigException} naming the line, raised before anything is sent. Every syndicator comes
 * behind the {@link GuardedSyndicator} guard, masking the account's credentials.
 */
public final class SyndicatorFactory {
    /**
     * Where a Bluesky account lives when its file does not say: the main PDS entryway.
     *
     * @deprecated the Bluesky network's own default, {@code BlueskyAccount.DEFAULT_SERVICE}; kept for source compatibility
     */
    @Deprecated
    public static final URI DEFAULT_BLUESKY_SERVICE = URI.create("https://bsky.social");

    private final NetworkContext context;
    private final SecretSource secrets;

    /** A factory whose syndicators share {@code http} and {@code clock}, keeping renewed tokens in memory. */
    public SyndicatorFactory(HttpTransport http, Clock clock, SecretSource secrets) {
        this(http, clock, secrets, TokenStore.inMemory());
    }

    /**
     * A factory whose syndicators share {@code http} and {@code clock} and read and write changing
     * tokens in {@code tokens} (the delivery database's credential store, so every node uses the
     * newest).
     */
    public SyndicatorFactory(HttpTransport http, Clock clock, SecretSource secrets, TokenStore tokens) {
        this.context = new NetworkContext(http, clock, tokens);
        this.secrets = Validate.notNull(secrets, "secrets");
    }

    /** Syndicators for every enabled account, in file order. */
    public List<Syndicator> createAll(SyndicationConfig config) {
        List<Syndicator> out = new ArrayList<>();
        for (AccountSettings a : config.enabledAccounts()) out.add(create(config, a));
        return out;
    }

    /** The syndicator for {@code account} of {@code config}. */
    public Syndicator create(SyndicationConfig config, AccountSettings account) {
        NetworkProvider provider = config.registry().find(account.network())
                .orElseThrow(() -> new ConfigException(config.source(), account.line(), "no syndicator for network '" + account.network() + "'"));
        AccountSetup setup = new AccountSetup(config.source(), account, secrets);
        try {
            return GuardedSyndicator.guard(provider.create(setup, context), setup.resolved());
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source(), account.line(), "account '" + account.name() + "': " + e.getMessage());
        }
    }
}
