package dev.herald.delivery;

import dev.herald.internal.Validate;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.TextRules;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long a share's own text may be on each network, keyed by
 * {@link dev.herald.syndication.Syndicator#network()}: checked when the share is scheduled, so a
 * text too long for its network is refused then rather than dying at send time.
 *
 * @param byNetwork the rules per network; networks not listed take any length
 */
public record TextLimits(Map<String, TextRules> byNetwork) {
    /**
     * Every installed network's own rules, as its provider declares them ({@link
     * NetworkProvider#textRules()}: X's weighted 280, Bluesky's 300 graphemes, Mastodon's default
     * instance limit of 500 …), under its name and each alias; a network added from a site's own jar
     * is included.
     */
    public static TextLimits defaults() {
        return of(NetworkRegistry.installed());
    }

    /** The rules each network of {@code registry} declares, under its name and each alias. */
    public static TextLimits of(NetworkRegistry registry) {
        Validate.notNull(registry, "registry");
        Map<String, TextRules> rules = new HashMap<>();
        for (NetworkProvider p : registry.providers()) {
            TextRules r = p.textRules();
            rules.put(p.name(), r);
            for (String alias : p.aliases()) rules.put(alias, r);
        }
        return new TextLimits(rules);
    }

    /** Copies the map with network names in lower case. */
    public TextLimits {
        Validate.notNull(byNetwork, "byNetwork");
        Map<String, TextRules> copy = new HashMap<>();
        byNetwork.forEach((k, v) -> copy.put(Validate.notBlank(k, "network").toLowerCase(Locale.ROOT), Validate.notNull(v, "rules")));
        byNetwork = Map.copyOf(copy);
    }

    /** A copy in which {@code network}'s texts are measured by {@code rules} (an instance with a higher limit, say). */
    public TextLimits with(String network, TextRules rules) {
        Map<String, TextRules> copy = new HashMap<>(byNetwork);
        copy.put(Validate.notBlank(network, "network").toLowerCase(Locale.ROOT), Validate.notNull(rules, "rules"));
        return new TextLimits(copy);
    }

    /** The rules for {@code network}: {@link TextRules#UNLIMITED} when it is not listed. */
    public TextRules of(String network) {
        return byNetwork.getOrDefault(network == null ? "" : network.toLowerCase(Locale.ROOT), TextRules.UNLIMITED);
    }

    /**
     * Checks {@code text} for {@code account} on {@code network}.
     *
     * @throws IllegalArgumentException saying by how much it is too long
     */
    public void check(String account, String network, String text) {
        if (text == null) return;
        TextRules rules = of(network);
        if (rules.fits(text)) return;
        int length = rules.length(text);
        String why = length > rules.maxLength()
                ? length + " characters as " + network + " counts them, over its limit of " + rules.maxLength()
                        + " by " + (length - rules.maxLength())
                : "over " + network + "'s limit of " + rules.maxBytes() + " bytes";
        throw new IllegalArgumentException("the text for '" + account + "' is too long: " + why);
    }
}
