package dev.herald.spring;

import dev.herald.internal.Validate;
import dev.herald.page.HeraldConfig;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Reads Herald's {@code herald.*} settings from a Spring {@link ConfigurableEnvironment}, with
 * Spring Boot's relaxed names: {@code herald.site.default-image}, {@code herald.site.defaultImage}
 * and the environment variable {@code HERALD_SITE_DEFAULTIMAGE} are one key.
 *
 * <p>The keys {@link HeraldConfig.Keys} lists configure the page half; the keys here switch the
 * auto-configured pieces. Any other {@code herald.*} key in a properties or YAML file is refused,
 * naming it, so a misspelt key cannot be silently ignored (environment variables and system
 * properties that merely start with {@code HERALD_} or {@code herald.} are left alone).
 */
public final class HeraldProperties {
    /** {@code true} (default) to register the filter; {@code false} leaves it out. */
    public static final String FILTER_ENABLED = "herald.filter.enabled";
    /** The filter's order among the app's filters (default: late, so security and compression wrap it). */
    public static final String FILTER_ORDER = "herald.filter.order";
    /** {@code true} (default) to record Herald's metrics in the app's Micrometer registry. */
    public static final String METRICS_ENABLED = "herald.metrics.enabled";
    /** Where {@code herald.yaml} is, as a Spring resource location ({@code file:herald.yaml}, {@code classpath:herald.yaml}). */
    public static final String SYNDICATION_CONFIG = "herald.syndication.config";
    /** {@code true} (default) to run delivery when accounts are configured. */
    public static final String DELIVERY_ENABLED = "herald.delivery.enabled";
    /** The embedded H2 file delivery uses when the app has no durable DataSource (default {@code herald-data/herald}). */
    public static final String DELIVERY_DATABASE = "herald.delivery.database";
    /** How many shares this node sends at once (default 16). */
    public static final String DELIVERY_THREADS = "herald.delivery.threads";
    /** {@code true} to mount the marketing console (needs herald-console); off unless set. */
    public static final String CONSOLE_ENABLED = "herald.console.enabled";
    /** Where the console is mounted (default {@code /herald/console}). */
    public static final String CONSOLE_PATH = "herald.console.path";
    /** The app's roles, comma-separated, that make a user a console viewer (default {@code herald-viewer}). */
    public static final String CONSOLE_ROLES_VIEWER = "herald.console.roles.viewer";
    /** The app's roles, comma-separated, that make a user a console editor (default {@code herald-editor}). */
    public static final String CONSOLE_ROLES_EDITOR = "herald.console.roles.editor";
    /** The app's roles, comma-separated, that make a user a console admin (default {@code herald-admin}). */
    public static final String CONSOLE_ROLES_ADMIN = "herald.console.roles.admin";
    /** The site's RSS or Atom feed, whose recent articles the compose page offers (default none). */
    public static final String CONSOLE_FEED = "herald.console.feed";
    /** The time zone the console shows and takes times in (default UTC). */
    public static final String CONSOLE_ZONE = "herald.console.zone";
    /** Non-public hosts or networks, comma-separated, the console may read article pages from, beside herald.yaml's {@code fetch: allow:}. */
    public static final String CONSOLE_FETCH_ALLOW = "herald.console.fetch-allow";

    /** The keys of the auto-configuration itself. */
    public static final Set<String> SPRING_KEYS = Set.of(FILTER_ENABLED, FILTER_ORDER, METRICS_ENABLED, SYNDICATION_CONFIG,
            DELIVERY_ENABLED, DELIVERY_DATABASE, DELIVERY_THREADS, CONSOLE_ENABLED, CONSOLE_PATH, CONSOLE_ROLES_VIEWER,
            CONSOLE_ROLES_EDITOR, CONSOLE_ROLES_ADMIN, CONSOLE_FEED, CONSOLE_ZONE, CONSOLE_FETCH_ALLOW);

    private static final Map<String, String> CANONICAL = canonicalKeys();

    private HeraldProperties() {}

    /**
     * The page half's configuration from {@code environment}'s {@code herald.*} properties.
     *
     * @throws IllegalArgumentException naming the key and the value when one is invalid or unknown
     */
    public static HeraldConfig config(ConfigurableEnvironment environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : read(environment).entrySet()) {
            if (HeraldConfig.Keys.ALL.contains(e.getKey())) values.put(e.getKey(), e.getValue());
        }
        return HeraldConfig.fromProperties(values);
    }

    /**
     * Every {@code herald.*} setting in {@code environment}, under the key's official spelling,
     * the highest-precedence source winning.
     *
     * @throws IllegalArgumentException naming an unknown {@code herald.*} key and where it was set
     */
    public static Map<String, String> read(ConfigurableEnvironment environment) {
        Validate.notNull(environment, "environment");
        Map<String, String> out = new LinkedHashMap<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (!(source instanceof EnumerablePropertySource<?> names)) continue;
            boolean variables = source instanceof SystemEnvironmentPropertySource;
            // The JVM's and the process's own settings are shared with everything else: names there
            // that merely start with herald. are not a misspelt configuration.
            boolean shared = variables || StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName());
            for (String name : names.getPropertyNames()) {
                if (!variables && SyndicationProperties.isSetting(name)) continue; // herald.yaml's content, read there
                String key = officialKey(name, variables);
                if (key == null) {
                    if (!shared && name.startsWith("herald.")) {
                        throw new IllegalArgumentException("unknown configuration key " + name + " (in " + source.getName()
                                + "); known keys: " + String.join(", ", new TreeSet<>(CANONICAL.values())));
                    }
                    continue;
                }
                // Property sources come highest precedence first; the first value seen wins.
                if (!out.containsKey(key)) out.put(key, environment.getProperty(name));
            }
        }
        return out;
    }

    /** The official spelling of {@code name} when it is one of Herald's keys in any relaxed form, else {@code null}. */
    static String officialKey(String name, boolean environmentVariable) {
        String n = name.toLowerCase(Locale.ROOT);
        if (environmentVariable) n = n.replace('_', '.');
        if (!n.startsWith("herald.")) return null;
        return CANONICAL.get(canonical(n));
    }

    private static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "");
    }

    private static Map<String, String> canonicalKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : HeraldConfig.Keys.ALL) m.put(canonical(k), k);
        for (String k : SPRING_KEYS) m.put(canonical(k), k);
        return Map.copyOf(m);
    }
}
