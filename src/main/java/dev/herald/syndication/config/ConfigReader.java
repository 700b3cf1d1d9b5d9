package dev.herald.syndication.config;

import dev.herald.syndication.QueueSlots;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Walks a {@code herald.yaml} node tree into a {@link SyndicationConfig}, checking as it goes and remembering lines. */
final class ConfigReader {
    // "console" is read by herald-console (its users and zone); accounts ignore it.
    private static final Set<String> TOP_LEVEL = Set.of("site", "defaults", "accounts", "fetch", "credentials", "console");
    private static final Set<String> TEMPLATE_KEYS = Set.of("template", "hashtags", "mentions", "articleTags", "maxHashtags");
    private static final Set<String> SITE_KEYS = Set.of("name", "url", "defaultImage", "twitter", "locale", "logo");

    private final String source;
    private final NetworkRegistry registry;

    ConfigReader(String source, NetworkRegistry registry) {
        this.source = source;
        this.registry = registry;
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
        SyndicationConfig config = new SyndicationConfig(source, site, accounts, registry, top.containsKey("fetch") ? fetch(top.get("fetch")) : FetchPolicy.PUBLIC_ONLY);
        return top.containsKey("credentials") ? credentials(config, top.get("credentials")) : config;
    }

    /** {@code credentials: key: ${env:…}, keyVersion: N}: the key the credential store seals tokens with. */
    private SyndicationConfig credentials(SyndicationConfig config, NodeTuple credentials) {
        Set<String> known = Set.of("key", "keyVersion");
        Map<String, NodeTuple> keys = map(credentials.getValueNode(), "credentials");
        for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
            if (!known.contains(e.getKey())) throw unknownKey(e.getValue(), e.getKey(), "in credentials", known);
        }
        int line = line(credentials.getValueNode());
        if (!keys.containsKey("key")) throw new ConfigException(source, line, "credentials: missing 'key' (a reference such as ${env:HERALD_CREDENTIALS_KEY})");
        Setting key = setting("key", keys.get("key"));
        if (!Secret.isReference(key.value())) {
            throw new ConfigException(source, key.line(), "credentials: key must be a reference such as ${env:HERALD_CREDENTIALS_KEY}, not a literal value");
        }
        int version = 1;
        if (keys.containsKey("keyVersion")) {
            Setting v = setting("keyVersion", keys.get("keyVersion"));
            try {
                version = Integer.parseInt(v.value().strip());
            } catch (NumberFormatException e) {
                version = 0;
            }
            if (version < 1) throw new ConfigException(source, v.line(), "credentials: keyVersion must be a whole number of at least 1");
        }
        return config.withCredentialKey(key.value().strip(), version);
    }

    /** {@code fetch: allow: [...]}: the hosts and networks fetches may reach besides public addresses. */
    private FetchPolicy fetch(NodeTuple fetch) {
        Map<String, NodeTuple> keys = map(fetch.getValueNode(), "fetch");
        for (Map.Entry<String, NodeTuple> e : keys.entrySet()) {
            if (!e.getKey().equals("allow")) throw unknownKey(e.getValue(), e.getKey(), "in fetch", Set.of("allow"));
        }
        if (!keys.containsKey("allow")) return FetchPolicy.PUBLIC_ONLY;
        Setting allow = setting("allow", keys.get("allow"));
        try {
            return new FetchPolicy(allow.values());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, allow.line(), "fetch: " + e.getMessage());
        }
    }

    private AccountSettings account(Node node, Map<String, Setting> defaults) {
        Map<String, NodeTuple> keys = map(node, "an account");
        int line = line(node);
        String name = required(keys, "name", line, "an account");
        String where = "account '" + name + "'";
        String written = required(keys, "network", line, where).toLowerCase(Locale.ROOT);
        NetworkProvider provider = registry.find(written).orElse(null);
        if (provider == null) {
            int at = line(keys.get("network").getValueNode());
            String known = String.join(", ", registry.names());
            throw new ConfigException(source, at, where + ": unknown network '" + written + "'; supported: " + known);
        }
        String network = provider.name();
        NetworkSpec spec = provider.settings();
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
        if (spec.urls().contains(s.key()) && !(spec.secretUrls().contains(s.key()) && Secret.isReference(s.value()))) {
            String problem = SyndicationConfig.urlProblem(s.value());
            if (problem != null) throw new ConfigException(source, s.line(), where + ": '" + s.key() + "' " + problem + ": " + s.value());
        }
        List<String> choices = spec.choices().get(s.key());
        if (choices != null && !choices.contains(s.value())) {
            String allowed = choices.size() == 1 ? choices.get(0)
                    : String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
            throw new ConfigException(source, s.line(), where + ": " + s.key() + " must be " + allowed + ", not '" + s.value() + "'");
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
