package dev.herald.spring;

import dev.herald.internal.Validate;
import dev.herald.syndication.config.SyndicationConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code herald.yaml}'s content given as Spring properties under {@code herald.syndication}:
 * {@code site}, {@code defaults} and {@code accounts}, with herald.yaml's own key names, for
 * example in {@code application.yaml}:
 *
 * <pre>{@code
 * herald:
 *   syndication:
 *     accounts:
 *       - name: newsroom-mastodon
 *         network: mastodon
 *         server: https://mastodon.social
 *         token: ${env:MASTODON_TOKEN}
 * }</pre>
 *
 * <p>Values are taken as written: Spring does not resolve {@code ${env:…}} and {@code ${sys:…}},
 * Herald does, when the accounts are built, so a credential is never copied into the environment.
 * The result is checked exactly as a {@code herald.yaml} file is.
 */
public final class SyndicationProperties {
    /** The prefix of the settings. */
    public static final String PREFIX = "herald.syndication.";
    private static final List<String> SECTIONS = List.of("site", "defaults", "accounts");
    private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private SyndicationProperties() {}

    /** Whether {@code key} is one of these settings (not {@code herald.syndication.config}). */
    public static boolean isSetting(String key) {
        if (!key.startsWith(PREFIX)) return false;
        String rest = key.substring(PREFIX.length());
        for (String section : SECTIONS) {
            if (rest.startsWith(section + ".") || rest.startsWith(section + "[")) return true;
        }
        return false;
    }

    /**
     * The configuration the properties give, or {@code null} when there are none.
     *
     * @throws dev.herald.syndication.config.ConfigException naming the problem, as for a herald.yaml file
     */
    public static SyndicationConfig read(ConfigurableEnvironment environment) {
        Validate.notNull(environment, "environment");
        Map<String, Object> raw = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names) || source instanceof SystemEnvironmentPropertySource) continue;
            for (String name : names.getPropertyNames()) {
                // Unresolved, as written: Herald resolves ${env:…} references itself.
                if (isSetting(name) && !raw.containsKey(name)) raw.put(name, source.getProperty(name));
            }
        }
        if (raw.isEmpty()) return null;
        Map<String, Object> tree = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) put(tree, e.getKey().substring(PREFIX.length()), String.valueOf(e.getValue()));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return SyndicationConfig.parse(new Yaml(options).dump(tree), "Spring properties herald.syndication.*");
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String path, String value) {
        Object node = tree;
        String[] steps = path.split("\\.(?![^\\[]*])");
        for (int i = 0; i < steps.length; i++) {
            Matcher m = STEP.matcher(steps[i]);
            if (!m.matches()) throw new IllegalArgumentException("cannot read the property " + PREFIX + path);
            List<Integer> indexes = new ArrayList<>();
            Matcher ix = INDEX.matcher(m.group(2));
            while (ix.find()) indexes.add(Integer.parseInt(ix.group(1)));
            boolean last = i == steps.length - 1;
            Map<String, Object> map = (Map<String, Object>) node;
            if (indexes.isEmpty()) {
                if (last) {
                    map.put(m.group(1), value);
                } else {
                    node = map.computeIfAbsent(m.group(1), k -> new LinkedHashMap<String, Object>());
                }
                continue;
            }
            Object list = map.computeIfAbsent(m.group(1), k -> new ArrayList<Object>());
            for (int k = 0; k < indexes.size(); k++) {
                List<Object> l = (List<Object>) list;
                int at = indexes.get(k);
                while (l.size() <= at) l.add(null);
                boolean end = k == indexes.size() - 1;
                if (end && last) {
                    l.set(at, value);
                } else if (end) {
                    if (l.get(at) == null) l.set(at, new LinkedHashMap<String, Object>());
                    list = l.get(at);
                } else {
                    if (l.get(at) == null) l.set(at, new ArrayList<Object>());
                    list = l.get(at);
                }
            }
            node = list;
        }
    }
}
