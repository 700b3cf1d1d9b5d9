package dev.herald.syndication.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys each network's accounts take in {@code herald.yaml}: which are required, which hold
 * credentials (and so must be {@code ${env:…}} / {@code ${sys:…}} references), which are URLs,
 * which are lists. Checked at load time so a typo fails before the first post, not at it.
 *
 * @param network the network's identifier
 * @param required keys every account of the network must have
 * @param optional keys it may have
 * @param secrets keys whose values are credential references
 * @param urls keys whose values are absolute http(s) URLs
 * @param lists keys whose values are lists
 * @param secretUrls URL keys whose value may instead be a credential reference (a webhook URL with
 *     a token in it is a credential)
 */
record NetworkSpec(String network, Set<String> required, Set<String> optional, Set<String> secrets, Set<String> urls, Set<String> lists,
        Set<String> secretUrls) {
    /** Keys every account takes, whatever its network. */
    static final Set<String> COMMON = Set.of("name", "network", "enabled", "template", "hashtags", "mentions", "articleTags", "maxHashtags", "slots");

    /** Networks Herald has a syndicator for. */
    static final Map<String, NetworkSpec> SUPPORTED = Map.of(
            "mastodon", new NetworkSpec("mastodon", Set.of("server", "token"), Set.of("visibility", "language"),
                    Set.of("token"), Set.of("server"), Set.of(), Set.of()),
            "bluesky", new NetworkSpec("bluesky", Set.of("handle", "password"), Set.of("service", "langs"),
                    Set.of("password"), Set.of("service"), Set.of("langs"), Set.of()),
            "webhook", new NetworkSpec("webhook", Set.of("url", "secrets"), Set.of(),
                    Set.of("secrets"), Set.of("url"), Set.of("secrets"), Set.of("url")));

    /** Networks on the roadmap: named so the error says "not yet" rather than "unknown". */
    static final List<String> PLANNED = List.of("x", "twitter", "linkedin", "facebook", "threads", "telegram", "discord", "slack", "websub");

    /** Every key an account of this network may have. */
    Set<String> allKeys() {
        Set<String> all = new TreeSet<>(COMMON);
        all.addAll(required);
        all.addAll(optional);
        return all;
    }
}
