package dev.herald.delivery;

import dev.herald.syndication.TokenStore;
import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Opens the credential store that {@code herald.yaml}'s {@code credentials: key:} names: one way for
 * the CLI's commands, the console and Spring Boot alike.
 */
public final class CredentialStores {
    private CredentialStores() {}

    /**
     * The store on {@code db} (migrated) sealed with the configured key, resolved by {@code secrets};
     * empty when the configuration names no key.
     *
     * @throws ConfigException when the key reference names nothing set or is not a usable key
     */
    public static Optional<CredentialStore> open(DataSource db, SyndicationConfig config, SecretSource secrets, Clock clock) {
        if (config.credentialKey().isEmpty()) return Optional.empty();
        String reference = config.credentialKey().get();
        try {
            CredentialKey key = CredentialKey.of(config.credentialKeyVersion(), secrets.resolve(reference));
            return Optional.of(new JdbcCredentialStore(db, key, clock));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source(), 0, "credentials: " + e.getMessage());
        }
    }

    /**
     * The tokens a command's syndicators use: with a {@code credentials: key:}, the store on {@code db}
     * (its schema migrated first), telling the outbox when an auth-failed account's tokens are renewed
     * so its waiting shares resume; without one, tokens held in memory for the life of the process.
     *
     * @throws ConfigException when the key reference names nothing set or is not a usable key
     */
    public static TokenStore tokens(DataSource db, SyndicationConfig config, SecretSource secrets, Clock clock) {
        if (config.credentialKey().isEmpty()) return TokenStore.inMemory();
        // The client migrates the schema, so the credential table is there before it is read.
        DeliveryClient client = Delivery.client(db, config.networks(), config.queueSlots(), clock);
        return clearingAuthFailures(open(db, config, secrets, clock).orElseThrow(), client);
    }

    /**
     * {@code store} telling {@code client} when an auth-failed account's tokens were renewed, so its
     * waiting shares resume; accounts that were not failed are left alone.
     */
    public static TokenStore clearingAuthFailures(TokenStore store, DeliveryClient client) {
        return store.notifying(account -> {
            if (client.account(account).authFailed()) client.credentialsChanged(account);
        });
    }
}
