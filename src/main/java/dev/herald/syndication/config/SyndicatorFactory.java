package dev.herald.syndication.config;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.bluesky.BlueskyAccount;
import dev.herald.syndication.bluesky.BlueskySyndicator;
import dev.herald.syndication.mastodon.MastodonAccount;
import dev.herald.syndication.mastodon.MastodonSyndicator;
import dev.herald.syndication.webhook.WebhookAccount;
import dev.herald.syndication.webhook.WebhookSyndicator;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one {@link Syndicator} per account of a {@link SyndicationConfig}, resolving credentials
 * as it goes: a reference to a variable that is not set is a {@link ConfigException} naming the
 * line, raised before anything is sent.
 */
public final class SyndicatorFactory {
    /** Where a Bluesky account lives when its file does not say: the main PDS entryway. */
    public static final URI DEFAULT_BLUESKY_SERVICE = URI.create("https://bsky.social");

    private final HttpTransport http;
    private final Clock clock;
    private final SecretSource secrets;

    /** A factory whose syndicators share {@code http} and {@code clock}. */
    public SyndicatorFactory(HttpTransport http, Clock clock, SecretSource secrets) {
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
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
        try {
            return switch (account.network()) {
                case "mastodon" -> new MastodonSyndicator(new MastodonAccount(account.name(), url(account, "server", null),
                        secret(config, account, "token"), account.template(), MastodonAccount.Visibility.of(account.value("visibility", "public")),
                        account.value("language", null)), http, clock);
                case "bluesky" -> new BlueskySyndicator(new BlueskyAccount(account.name(), url(account, "service", DEFAULT_BLUESKY_SERVICE),
                        account.value("handle", null), secret(config, account, "password"), account.template(),
                        account.setting("langs") == null ? List.of() : account.setting("langs").values()), http, clock);
                case "webhook" -> new WebhookSyndicator(new WebhookAccount(account.name(), secretUrl(config, account, "url"),
                        secrets(config, account, "secrets"), account.template()), http, clock);
                default -> throw new ConfigException(config.source(), account.line(), "no syndicator for network '" + account.network() + "'");
            };
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(config.source(), account.line(), "account '" + account.name() + "': " + e.getMessage());
        }
    }

    private static URI url(AccountSettings account, String key, URI fallback) {
        Setting s = account.setting(key);
        return s == null ? fallback : URI.create(s.value().strip());
    }

    /** A URL that may be given as a credential reference (a webhook URL with a token in it). */
    private URI secretUrl(SyndicationConfig config, AccountSettings account, String key) {
        Setting s = account.setting(key);
        if (!Secret.isReference(s.value())) return url(account, key, null);
        String value = secret(config, account, key).value();
        String problem = SyndicationConfig.urlProblem(value);
        // The value is a credential: the error says what is wrong with it, never what it is.
        if (problem != null) throw new ConfigException(config.source(), s.line(), "account '" + account.name() + "': " + key + ": " + s.value() + " " + problem);
        return URI.create(value.strip());
    }

    private Secret secret(SyndicationConfig config, AccountSettings account, String key) {
        return secrets(config, account, key).get(0);
    }

    private List<Secret> secrets(SyndicationConfig config, AccountSettings account, String key) {
        Setting s = account.setting(key);
        List<Secret> out = new ArrayList<>();
        for (String reference : s.values()) {
            try {
                out.add(secrets.resolve(reference));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(config.source(), s.line(), "account '" + account.name() + "': " + key + ": " + e.getMessage());
            }
        }
        return out;
    }
}
