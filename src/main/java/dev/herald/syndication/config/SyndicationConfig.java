package dev.herald.syndication.config;

import dev.herald.delivery.QueueSlots;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
    private static final Set<String> TOP_LEVEL = Set.of("site", "defaults", "accounts");
    private static final Set<String> TEMPLATE_KEYS = Set.of("template", "hashtags", "mentions", "articleTags", "maxHashtags");
    private static final Set<String> SITE_KEYS = Set.of("name", "url", "defaultImage", "twitter", "locale", "logo");
    private static final int MAX_BYTES = 1024 * 1024;

    private final String source;
    private final Map<String, String> site;
    private final List<AccountSettings> accounts;

    private SyndicationConfig(String source, Map<String, String> site, List<AccountSettings> accounts) {
        this.source = source;
        this.site = Map.copyOf(site);
        this.accounts = List.copyOf(accounts);
    }

    /** Reads and checks {@code file}. */
    public static SyndicationConfig load(Path file) {
        String name = file.toString();
        try {
            if (Files.size(file) > MAX_BYTES) throw new ConfigException(name, 0, "file is larger than 1 MB; is it the right file?");
            return parse(Files.readString(file, StandardCharsets.UTF_8), name);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, "file not found");
        } catch (MalformedInputException e) {
            throw new ConfigException(name, 0, "not UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Parses and checks YAML text.
     *
     * @param source the name errors give the file
     */
    public static SyndicationConfig parse(String yaml, String source) {
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
        return new Reader(source).read(root);
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
     * This configuration with account {@code name}'s base URL replaced (a Mastodon {@code server}, a
     * Bluesky {@code service}, a webhook {@code url}): for a staging server, or for a test that runs
     * the site's own {@code herald.yaml} against the test kit's fakes.
     *
     * @throws IllegalArgumentException when there is no such account or {@code url} is not absolute http(s)
     */
    public SyndicationConfig withBaseUrl(String name, URI url) {
        AccountSettings a = account(name);
        String problem = urlProblem(String.valueOf(url));
        if (problem != null) throw new IllegalArgumentException("base URL of '" + name + "' " + problem + ": " + url);
        String key = NetworkSpec.SUPPORTED.get(a.network()).urls().iterator().next();
        Map<String, Setting> settings = new LinkedHashMap<>(a.settings());
        Setting old = settings.get(key);
        settings.put(key, new Setting(key, List.of(url.toString()), false, old == null ? a.line() : old.line()));
        List<AccountSettings> changed = new ArrayList<>();
        for (AccountSettings each : accounts) {
            changed.add(each != a ? each : new AccountSettings(a.name(), a.network(), a.enabled(), a.template(), a.slots(), settings, a.line()));
        }
        return new SyndicationConfig(source, site, changed);
    }

    /** The account called {@code name}. */
    public AccountSettings account(String name) {
        for (AccountSettings a : accounts) if (a.name().equals(name)) return a;
        throw new ConfigException(source, 0, "no account named '" + name + "'; accounts: "
                + String.join(", ", accounts.stream().map(AccountSettings::name).toList()));
    }

    /** Walks the node tree, remembering lines. */
    private static final class Reader {
        private final String source;

        Reader(String source) {
            this.source = source;
        }

        SyndicationConfig read(Node root) {
            if (root == null) throw new ConfigException(source, 0, "the file is empty; it needs an 'accounts:' list");
            Map<String, NodeTuple> top = map(root, "the file");
            for (Map.Entry<String, NodeTuple> e : top.entrySet()) {
                if (!TOP_LEVEL.contains(e.getKey())) throw unknownKey(e.getValue(), e.getKey(), "at the top level", TOP_LEVEL);
            }
            Map<String, String> site = new LinkedHashMap<>();
            if (top.containsKey("site")) {
                for (Map.Entry<String, NodeTuple> e : map(top.get("site").getValueNode(), "site").entrySet()) {
                    if (!SITE_KEYS.contains(e.getKey())) throw unknownKey(e.getValue(), e.getKey(), "in site", SITE_KEYS);
                    site.put(e.getKey(), scalar(e.getValue().getValueNode(), "site." + e.getKey()));
                }
            }
            Map<String, Setting> defaults = new LinkedHashMap<>();
            if (top.containsKey("defaults")) {
                for (Map.Entry<String, NodeTuple> e : map(top.get("defaults").getValueNode(), "defaults").entrySet()) {
                    if (!TEMPLATE_KEYS.contains(e.getKey())) throw unknownKey(e.getValue(), e.getKey(), "in defaults", TEMPLATE_KEYS);
                    defaults.put(e.getKey(), setting(e.getKey(), e.getValue()));
                }
            }
            if (!top.containsKey("accounts")) throw new ConfigException(source, line(root), "no 'accounts:' list");
            Node list = top.get("accounts").getValueNode();
            if (!(list instanceof SequenceNode seq)) throw new ConfigException(source, line(list), "'accounts' must be a list (items start with '- ')");
            List<AccountSettings> accounts = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (Node item : seq.getValue()) {
                AccountSettings account = account(item, defaults);
                if (!names.add(account.name())) throw new ConfigException(source, account.line(), "a second account named '" + account.name() + "'; names must be unique");
                accounts.add(account);
            }
            return new SyndicationConfig(source, site, accounts);
        }

        private AccountSettings account(Node node, Map<String, Setting> defaults) {
            Map<String, NodeTuple> keys = map(node, "an account");
            int line = line(node);
            String name = required(keys, "name", line, "an account");
            String where = "account '" + name + "'";
            String network = required(keys, "network", line, where).toLowerCase(Locale.ROOT);
            NetworkSpec spec = NetworkSpec.SUPPORTED.get(network);
            if (spec == null) {
                int at = line(keys.get("network").getValueNode());
                String known = String.join(", ", NetworkSpec.SUPPORTED.keySet().stream().sorted().toList());
                if (NetworkSpec.PLANNED.contains(network)) {
                    throw new ConfigException(source, at, where + ": network '" + network + "' is not supported yet; supported: " + known);
                }
                throw new ConfigException(source, at, where + ": unknown network '" + network + "'; supported: " + known);
            }
            Map<String, Setting> settings = new LinkedHashMap<>(defaults);
            for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
                if (!spec.allKeys().contains(e.getKey())) {
                    ConfigException unknown = unknownKey(e.getValue(), e.getKey(), "for a " + network + " account", spec.allKeys());
                    throw new ConfigException(source, unknown.line(), where + ": " + unknown.getMessage().substring(unknown.getMessage().indexOf("unknown key")));
                }
                settings.put(e.getKey(), setting(e.getKey(), e.getValue()));
            }
            for (String key : spec.required()) {
                if (!settings.containsKey(key)) throw new ConfigException(source, line, where + ": missing '" + key + "' (a " + network + " account needs " + String.join(", ", spec.required().stream().sorted().toList()) + ")");
            }
            for (Setting s : settings.values()) check(spec, s, where);
            boolean enabled = bool(settings.get("enabled"), true, where);
            MessageTemplate template = template(settings, where);
            Setting slots = settings.get("slots");
            if (slots != null) {
                try {
                    QueueSlots.parse(slots.value());
                } catch (IllegalArgumentException e) {
                    throw new ConfigException(source, slots.line(), where + ": slots: " + e.getMessage());
                }
            }
            Map<String, Setting> own = new LinkedHashMap<>(settings);
            own.keySet().removeAll(NetworkSpec.COMMON);
            return new AccountSettings(name, network, enabled, template, slots == null ? null : slots.value(), own, line);
        }

        private void check(NetworkSpec spec, Setting s, String where) {
            boolean wantsList = spec.lists().contains(s.key()) || s.key().equals("hashtags") || s.key().equals("mentions");
            if (s.list() && !wantsList) { // a list key given one scalar value is a list of one
                throw new ConfigException(source, s.line(), where + ": '" + s.key() + "' takes a single value, not a list");
            }
            if (spec.secrets().contains(s.key())) {
                for (String v : s.values()) {
                    if (!Secret.isReference(v)) {
                        throw new ConfigException(source, s.line(), where + ": '" + s.key() + "' must be a reference such as ${env:"
                                + spec.network().toUpperCase(Locale.ROOT) + "_" + s.key().toUpperCase(Locale.ROOT)
                                + "} or ${sys:name}; credentials are never written into the file");
                    }
                }
            }
            if (spec.urls().contains(s.key())) {
                String problem = urlProblem(s.value());
                if (problem != null) throw new ConfigException(source, s.line(), where + ": '" + s.key() + "' " + problem + ": " + s.value());
            }
            if (s.key().equals("visibility") && !Set.of("public", "unlisted", "private", "direct").contains(s.value())) {
                throw new ConfigException(source, s.line(), where + ": visibility must be public, unlisted, private or direct, not '" + s.value() + "'");
            }
        }

        private MessageTemplate template(Map<String, Setting> settings, String where) {
            MessageTemplate d = MessageTemplate.defaults();
            Setting pattern = settings.get("template");
            Setting max = settings.get("maxHashtags");
            int maxHashtags = d.maxHashtags();
            if (max != null) {
                try {
                    maxHashtags = Integer.parseInt(max.value().strip());
                    if (maxHashtags < 0) throw new NumberFormatException();
                } catch (NumberFormatException e) {
                    throw new ConfigException(source, max.line(), where + ": maxHashtags must be a whole number, 0 or more");
                }
            }
            try {
                return new MessageTemplate(pattern == null ? d.pattern() : pattern.value(), values(settings.get("hashtags")),
                        values(settings.get("mentions")), bool(settings.get("articleTags"), d.articleTags(), where), maxHashtags);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source, pattern == null ? 0 : pattern.line(), where + ": template: " + e.getMessage());
            }
        }

        private boolean bool(Setting s, boolean fallback, String where) {
            if (s == null) return fallback;
            return switch (s.value().strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> true;
                case "false", "no", "off" -> false;
                default -> throw new ConfigException(source, s.line(), where + ": '" + s.key() + "' must be true or false, not '" + s.value() + "'");
            };
        }

        private static List<String> values(Setting s) {
            return s == null ? List.of() : s.values();
        }

        private Setting setting(String key, NodeTuple tuple) {
            Node v = tuple.getValueNode();
            int line = line(tuple.getKeyNode());
            if (v instanceof SequenceNode seq) {
                List<String> values = new ArrayList<>();
                for (Node item : seq.getValue()) values.add(scalar(item, key));
                return new Setting(key, values, true, line);
            }
            return new Setting(key, List.of(scalar(v, key)), false, line);
        }

        private String required(Map<String, NodeTuple> keys, String key, int line, String where) {
            NodeTuple t = keys.get(key);
            if (t == null) throw new ConfigException(source, line, where + " has no '" + key + "'");
            String value = scalar(t.getValueNode(), key).strip();
            if (value.isEmpty()) throw new ConfigException(source, line(t.getValueNode()), where + ": '" + key + "' is empty");
            return value;
        }

        private Map<String, NodeTuple> map(Node node, String what) {
            if (!(node instanceof MappingNode m)) throw new ConfigException(source, line(node), what + " must be a mapping of 'key: value' lines");
            Map<String, NodeTuple> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                String key = scalar(t.getKeyNode(), "a key");
                if (out.put(key, t) != null) throw new ConfigException(source, line(t.getKeyNode()), "'" + key + "' appears twice in " + what);
            }
            return out;
        }

        private String scalar(Node node, String what) {
            if (!(node instanceof ScalarNode s)) throw new ConfigException(source, line(node), "'" + what + "' must be a single value");
            return s.getValue();
        }

        private ConfigException unknownKey(NodeTuple t, String key, String where, Set<String> known) {
            return new ConfigException(source, line(t.getKeyNode()), "unknown key '" + key + "' " + where + "; known: "
                    + String.join(", ", known.stream().sorted().toList()));
        }

        private static int line(Node node) {
            return node == null || node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        }
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
