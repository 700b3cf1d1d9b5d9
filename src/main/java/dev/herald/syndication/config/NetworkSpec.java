package dev.herald.syndication.config;

import dev.herald.internal.Validate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys a network's accounts take in {@code herald.yaml}: which are required, which hold
 * credentials (and so must be {@code ${env:…}} / {@code ${sys:…}} references), which are URLs,
 * which are lists, which take one of a few values. Checked at load time so a typo fails before the
 * first post, not at it. A {@link dev.herald.syndication.NetworkProvider} declares one; build it with
 * {@link #builder(String)}.
 *
 * @param network the network's canonical name
 * @param required keys every account of the network must have
 * @param optional keys it may have
 * @param secrets keys whose values are credential references
 * @param urls keys whose values are absolute http(s) URLs
 * @param lists keys whose values are lists
 * @param secretUrls URL keys whose value may instead be a credential reference (a webhook URL with
 *     a token in it is a credential)
 * @param choices keys that take one of a fixed set of values, with the values in the order an error lists them
 * @param baseUrl the URL key that says where the network's API is (a Mastodon {@code server}), which
 *     {@link SyndicationConfig#withBaseUrl} replaces; {@code null} when there is none
 */
public record NetworkSpec(String network, Set<String> required, Set<String> optional, Set<String> secrets, Set<String> urls, Set<String> lists,
        Set<String> secretUrls, Map<String, List<String>> choices, String baseUrl) {
    /** Keys every account takes, whatever its network; a network cannot declare them. */
    public static final Set<String> COMMON = Set.of("name", "network", "enabled", "template", "hashtags", "mentions", "articleTags", "maxHashtags", "slots");

    /** Copies every part and checks that each key named is one of the network's own keys. */
    public NetworkSpec {
        Validate.notBlank(network, "network");
        required = Set.copyOf(required);
        optional = Set.copyOf(optional);
        secrets = Set.copyOf(secrets);
        urls = Set.copyOf(urls);
        lists = Set.copyOf(lists);
        secretUrls = Set.copyOf(secretUrls);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        choices.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        choices = java.util.Collections.unmodifiableMap(copy);
        for (String key : required) Validate.isTrue(!optional.contains(key), "settings of " + network, "'" + key + "' is both required and optional");
        Set<String> own = new TreeSet<>(required);
        own.addAll(optional);
        for (String key : own) Validate.isTrue(!COMMON.contains(key), "settings of " + network, "'" + key + "' is a key every account has");
        for (Set<String> subset : List.of(secrets, urls, lists, secretUrls, choices.keySet())) {
            for (String key : subset) Validate.isTrue(own.contains(key), "settings of " + network, "'" + key + "' is neither required nor optional");
        }
        for (String key : secretUrls) Validate.isTrue(urls.contains(key), "settings of " + network, "secret URL '" + key + "' is not a URL key");
        Validate.isTrue(baseUrl == null || urls.contains(baseUrl), "settings of " + network, "base URL key '" + baseUrl + "' is not a URL key");
    }

    /** A builder for the settings of {@code network}. */
    public static Builder builder(String network) {
        return new Builder(network);
    }

    /** Every key an account of this network may have, the common ones included. */
    public Set<String> allKeys() {
        Set<String> all = new TreeSet<>(COMMON);
        all.addAll(required);
        all.addAll(optional);
        return all;
    }

    /** Collects a {@link NetworkSpec}; every method adds to what is there. */
    public static final class Builder {
        private final String network;
        private final Set<String> required = new LinkedHashSet<>();
        private final Set<String> optional = new LinkedHashSet<>();
        private final Set<String> secrets = new LinkedHashSet<>();
        private final Set<String> urls = new LinkedHashSet<>();
        private final Set<String> lists = new LinkedHashSet<>();
        private final Set<String> secretUrls = new LinkedHashSet<>();
        private final Map<String, List<String>> choices = new LinkedHashMap<>();
        private String baseUrl;

        private Builder(String network) {
            this.network = network;
        }

        /** Keys every account must have. */
        public Builder required(String... keys) {
            required.addAll(List.of(keys));
            return this;
        }

        /** Keys an account may have. */
        public Builder optional(String... keys) {
            optional.addAll(List.of(keys));
            return this;
        }

        /** Keys (required or optional) whose values are credential references. */
        public Builder secrets(String... keys) {
            secrets.addAll(List.of(keys));
            return this;
        }

        /** Keys whose values are absolute http(s) URLs. */
        public Builder urls(String... keys) {
            urls.addAll(List.of(keys));
            return this;
        }

        /** URL keys whose value may instead be a credential reference; implies {@link #urls}. */
        public Builder secretUrls(String... keys) {
            urls.addAll(List.of(keys));
            secretUrls.addAll(List.of(keys));
            return this;
        }

        /** Keys whose values are lists (a single value is a list of one). */
        public Builder lists(String... keys) {
            lists.addAll(List.of(keys));
            return this;
        }

        /** A key that takes one of {@code values}. */
        public Builder choice(String key, String... values) {
            choices.put(key, List.of(values));
            return this;
        }

        /** The URL key that says where the network's API is; implies {@link #urls}. */
        public Builder baseUrl(String key) {
            urls.add(key);
            baseUrl = key;
            return this;
        }

        /** The settings as collected. */
        public NetworkSpec build() {
            return new NetworkSpec(network, required, optional, secrets, urls, lists, secretUrls, choices, baseUrl);
        }
    }
}
