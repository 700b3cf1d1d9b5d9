package dev.herald.cli;

import dev.herald.delivery.CredentialKey;
import dev.herald.delivery.CredentialStore;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.JdbcCredentialStore;
import dev.herald.syndication.TokenStore;
import dev.herald.syndication.config.ConfigException;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;

/** Opens the credential store that {@code herald.yaml}'s {@code credentials: key:} names, for the commands that use it. */
final class CredentialStores {
    private CredentialStores() {}

    /**
     * The store on {@code db} (migrated) sealed with the configured key, resolved by {@code secrets};
     * empty when the configuration names no key.
     *
     * @throws ConfigException when the key reference names nothing set or is not a usable key
     */
    static Optional<CredentialStore> open(DataSource db, SyndicationConfig config, SecretSource secrets, Clock clock) {
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
     * {@code store} telling {@code client} when an auth-failed account's tokens were renewed, so its
     * waiting shares resume; accounts that were not failed are left alone.
     */
    static TokenStore clearingAuthFailures(TokenStore store, DeliveryClient client) {
        return store.notifying(account -> {
            if (client.account(account).authFailed()) client.credentialsChanged(account);
        });
    }
}
