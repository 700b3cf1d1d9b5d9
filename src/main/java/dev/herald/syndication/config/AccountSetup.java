package dev.herald.syndication.config;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * One account's checked settings as a {@link dev.herald.syndication.NetworkProvider} reads them to
 * build its syndicator: plain values, URLs, and credentials resolved on request. A credential
 * reference that names nothing set is a {@link ConfigException} naming the file and line.
 *
 * <p>Every credential resolved here is remembered, so the core can mask it in whatever an
 * unexpected failure of the account's syndicator says. Not thread-safe; used while building.
 */
public final class AccountSetup {
    private final String source;
    private final AccountSettings account;
    private final SecretSource secretSource;
    private final List<Secret> resolved = new ArrayList<>();

    /**
     * The settings of {@code account}, from the file named {@code source}, resolving credentials with
     * {@code secrets}.
     */
    public AccountSetup(String source, AccountSettings account, SecretSource secrets) {
        this.source = Validate.notNull(source, "source");
        this.account = Validate.notNull(account, "account");
        this.secretSource = Validate.notNull(secrets, "secrets");
    }

    /** The account's name. */
    public String name() {
        return account.name();
    }

    /** How the account's posts are worded. */
    public MessageTemplate template() {
        return account.template();
    }

    /** The account as {@code herald.yaml} lists it. */
    public AccountSettings settings() {
        return account;
    }

    /** The scalar value of {@code key}, or {@code fallback} when absent. */
    public String value(String key, String fallback) {
        return account.value(key, fallback);
    }

    /** The values of list key {@code key}; empty when absent. */
    public List<String> values(String key) {
        Setting s = account.setting(key);
        return s == null ? List.of() : s.values();
    }

    /** The URL under {@code key} (checked at load time), or {@code fallback} when absent. */
    public URI url(String key, URI fallback) {
        Setting s = account.setting(key);
        return s == null ? fallback : URI.create(s.value().strip());
    }

    /** The credential {@code key} refers to. */
    public Secret secret(String key) {
        return secrets(key).get(0);
    }

    /** The credentials list key {@code key} refers to, in file order. */
    public List<Secret> secrets(String key) {
        Setting s = required(key);
        List<Secret> out = new ArrayList<>();
        for (String reference : s.values()) {
            try {
                out.add(secretSource.resolve(reference));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source, s.line(), "account '" + account.name() + "': " + key + ": " + e.getMessage());
            }
        }
        resolved.addAll(out);
        return out;
    }

    /**
     * The URL under {@code key}, which may be written as a credential reference (a webhook URL with
     * a token in it). A referenced value that is not a URL is an error that names the reference,
     * never the value.
     */
    public URI secretUrl(String key) {
        Setting s = required(key);
        if (!Secret.isReference(s.value())) return url(key, null);
        String value = secret(key).value();
        String problem = SyndicationConfig.urlProblem(value);
        if (problem != null) throw new ConfigException(source, s.line(), "account '" + account.name() + "': " + key + ": " + s.value() + " " + problem);
        return URI.create(value.strip());
    }

    /** The credentials resolved so far: what the core masks in the account's unexpected failures. */
    List<Secret> resolved() {
        return List.copyOf(resolved);
    }

    private Setting required(String key) {
        Setting s = account.setting(key);
        if (s == null) throw new ConfigException(source, account.line(), "account '" + account.name() + "': missing '" + key + "'");
        return s;
    }
}
