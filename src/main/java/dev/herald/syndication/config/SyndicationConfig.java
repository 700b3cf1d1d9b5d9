package dev.herald.syndication.config;

import dev.herald.syndication.QueueSlots;
import dev.herald.internal.Validate;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.NetworkRegistry;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A parsed and checked {@code herald.yaml}:
 *
 * <pre>{@code
 * site:                        # optional: the page half's site settings, for `herald post`
 *   name: The Meridian Ledger
 *   url: https://ledger.example
 * defaults:                    # optional: template keys every account inherits
 *   template: "{headline}\n\n{summary}\n\n{url}\n\n{hashtags}"
 *   hashtags: [news]
 * fetch:                       # optional: non-public hosts article pages, images and feeds may come from
 *   allow: [images.internal, 10.20.0.0/16]
 * credentials:                 # optional: the key sealing renewed and signed-in tokens in the database
 *   key: ${env:HERALD_CREDENTIALS_KEY}
 * accounts:
 *   - name: ledger-mastodon
 *     network: mastodon
 *     server: https://mastodon.social
 *     token: ${env:MASTODON_TOKEN}
 * }</pre>
 *
 * <p>Everything but the credentials is checked when the file is read, and every mistake is a
 * {@link ConfigException} naming the file and line: an unknown network or key, a missing required
 * key, a bad URL, a literal credential, an unknown template placeholder, a bad queue-slot spec, a
 * duplicate account name. Credentials are resolved only by {@link SyndicatorFactory}, so a machine
 * that only schedules shares needs none of them.
 */
public final class SyndicationConfig {
    private static final int MAX_BYTES = 1024 * 1024;

    private final String source;
    private final Map<String, String> site;
    private final List<AccountSettings> accounts;
    private final NetworkRegistry registry;
    private final FetchPolicy fetchPolicy;

    private String credentialKey;
    private int credentialKeyVersion = 1;

    SyndicationConfig(String source, Map<String, String> site, List<AccountSettings> accounts, NetworkRegistry registry, FetchPolicy fetchPolicy) {
        this.source = source;
        this.site = Map.copyOf(site);
        this.accounts = List.copyOf(accounts);
        this.registry = registry;
        this.fetchPolicy = fetchPolicy;
    }

    /** This configuration with the credential store's key reference and version. */
    SyndicationConfig withCredentialKey(String reference, int version) {
        SyndicationConfig c = new SyndicationConfig(source, site, accounts, registry, fetchPolicy);
        c.credentialKey = reference;
        c.credentialKeyVersion = version;
        return c;
    }

    /**
     * The reference to the key the credential store seals tokens with ({@code credentials: key:}),
     * never the key itself; empty when the file names none (tokens then live in memory only).
     */
    public Optional<String> credentialKey() {
        return Optional.ofNullable(credentialKey);
    }

    /** The version of that key ({@code credentials: keyVersion:}, 1 unless given), stored with every sealed row. */
    public int credentialKeyVersion() {
        return credentialKeyVersion;
    }

    /** Reads and checks {@code file} against the {@linkplain NetworkRegistry#installed() installed} networks. */
    public static SyndicationConfig load(Path file) {
        return load(file, NetworkRegistry.installed());
    }

    /** Reads and checks {@code file} against the networks of {@code registry}. */
    public static SyndicationConfig load(Path file, NetworkRegistry registry) {
        Validate.notNull(registry, "registry");
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) throw new ConfigException(name, 0, "file is larger than 1 MB; is it the right file?");
            return parse(Files.readString(file, StandardCharsets.UTF_8), name, registry);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "file not found");
        } catch (MalformedInputException e) {
            throw new ConfigException(name, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Parses and checks YAML text against the {@linkplain NetworkRegistry#installed() installed} networks.
     *
     * @param source the name errors give the file
     */
    public static SyndicationConfig parse(String yaml, String source) {
        return parse(yaml, source, NetworkRegistry.installed());
    }

    /**
     * Parses and checks YAML text against the networks of {@code registry}.
     *
     * @param source the name errors give the file
     */
    public static SyndicationConfig parse(String yaml, String source, NetworkRegistry registry) {
        Validate.notNull(registry, "registry");
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setMaxAliasesForCollections(20); // no billion-laughs expansion
            options.setAllowRecursiveKeys(false);
            root = new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String text = line > 0 ? yaml.lines().skip(line - 1).findFirst().orElse("") : "";
            // "${" is a flow-mapping brace inside [ ]: the most likely mistake in this file.
            String hint = text.matches(".*\\[[^\\]]*\\$\\{.*") ? " (quote references inside [ ]: [\"${env:NAME}\"], or list them one per line)" : "";
            throw new ConfigException(source, line, "not valid YAML: " + e.getProblem() + hint);
        } catch (YAMLException e) {
            throw new ConfigException(source, 0, "not valid YAML: " + e.getMessage());
        }
        return new ConfigReader(source, registry).read(root);
    }

    /** The networks this configuration was checked against, and whose providers build its syndicators. */
    public NetworkRegistry registry() {
        return registry;
    }

    /** The file's name as given. */
    public String source() {
        return source;
    }

    /**
     * The {@code site:} block as the page half's configuration keys ({@code herald.site.name}...),
     * so {@code herald post} resolves an article the way the filter would.
     */
    public Map<String, String> siteProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        site.forEach((k, v) -> out.put("herald.site." + k, v));
        return out;
    }

    /**
     * Which non-public hosts and networks fetches of article pages, images and feeds may reach: the
     * {@code fetch: allow:} list, empty (public addresses only) when the file has none.
     */
    public FetchPolicy fetchPolicy() {
        return fetchPolicy;
    }

    /** Every account, enabled or not, in file order. */
    public List<AccountSettings> accounts() {
        return accounts;
    }

    /** The enabled accounts, in file order. */
    public List<AccountSettings> enabledAccounts() {
        return accounts.stream().filter(AccountSettings::enabled).toList();
    }

    /** The enabled accounts' networks by account name, in file order: what scheduling needs. */
    public Map<String, String> networks() {
        Map<String, String> out = new LinkedHashMap<>();
        for (AccountSettings a : enabledAccounts()) out.put(a.name(), a.network());
        return out;
    }

    /** The queue slots of the enabled accounts that have them, by account name. */
    public Map<String, QueueSlots> queueSlots() {
        Map<String, QueueSlots> out = new LinkedHashMap<>();
        for (AccountSettings a : enabledAccounts()) if (a.slots() != null) out.put(a.name(), QueueSlots.parse(a.slots()));
        return out;
    }

    /**
     * This configuration with account {@code name}'s base URL replaced (the key its network declares
     * as {@link NetworkSpec#baseUrl()}: a Mastodon {@code server}, a Bluesky {@code service}, a
     * webhook {@code url}): for a staging server, or for a test that runs
     * the site's own {@code herald.yaml} against the test kit's fakes.
     *
     * @throws IllegalArgumentException when there is no such account, {@code url} is not absolute
     *     http(s), or the account's network has no base URL
     */
    public SyndicationConfig withBaseUrl(String name, URI url) {
        AccountSettings a = account(name);
        String key = registry.get(a.network()).settings().baseUrl();
        if (key == null) throw new IllegalArgumentException("account '" + name + "': network " + a.network() + " has no base URL setting");
        return withUrl(name, key, url);
    }

    /**
     * This configuration with URL setting {@code key} of account {@code name} set to {@code url}: for
     * a network with a second endpoint besides its {@link NetworkSpec#baseUrl() base URL} (a Slack
     * bot's {@code api} beside a webhook's {@code url}), which a test points at a fake.
     *
     * @throws IllegalArgumentException when there is no such account, {@code url} is not absolute
     *     http(s), or {@code key} is not one of the network's URL settings
     */
    public SyndicationConfig withUrl(String name, String key, URI url) {
        AccountSettings a = account(name);
        String problem = urlProblem(String.valueOf(url));
        if (problem != null) throw new IllegalArgumentException("base URL of '" + name + "' " + problem + ": " + url);
        if (!registry.get(a.network()).settings().urls().contains(key)) {
            throw new IllegalArgumentException("account '" + name + "': '" + key + "' is not a URL setting of " + a.network());
        }
        Map<String, Setting> settings = new LinkedHashMap<>(a.settings());
        Setting old = settings.get(key);
        settings.put(key, new Setting(key, List.of(url.toString()), false, old == null ? a.line() : old.line()));
        List<AccountSettings> changed = new ArrayList<>();
        for (AccountSettings each : accounts) {
            changed.add(each != a ? each : new AccountSettings(a.name(), a.network(), a.enabled(), a.template(), a.slots(), settings, a.line()));
        }
        SyndicationConfig out = new SyndicationConfig(source, site, changed, registry, fetchPolicy);
        return credentialKey == null ? out : out.withCredentialKey(credentialKey, credentialKeyVersion);
    }

    /** The account called {@code name}. */
    public AccountSettings account(String name) {
        for (AccountSettings a : accounts) if (a.name().equals(name)) return a;
        throw new ConfigException(source, 0, "no account named '" + name + "'; accounts: "
                + String.join(", ", accounts.stream().map(AccountSettings::name).toList()));
    }

    /** Why {@code value} is not an absolute http(s) URL with a host, or {@code null} when it is one. */
    static String urlProblem(String value) {
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) return "must be an absolute http(s) URL";
            if (uri.getHost() == null) return "has no host";
            return null;
        } catch (URISyntaxException e) {
            return "is not a valid URL (" + e.getReason() + ")";
        }
    }
}
