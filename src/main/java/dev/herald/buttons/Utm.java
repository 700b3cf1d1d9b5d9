package dev.herald.buttons;

import dev.herald.internal.Validate;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Campaign parameters added to the shared page URL, so the site's own analytics can tell which
 * network a visitor came from: {@code utm_source={network id}&utm_medium={medium}&utm_campaign={campaign}}.
 *
 * @param medium the {@code utm_medium} value, {@code social} by default
 * @param campaign the {@code utm_campaign} value, {@code share} by default
 */
public record Utm(String medium, String campaign) {
    /** {@code utm_medium=social&utm_campaign=share}. */
    public static final Utm DEFAULT = new Utm("social", "share");

    private static final Set<String> KEYS = Set.of("utm_source", "utm_medium", "utm_campaign");

    /** Requires both values to be non-blank single-line text of at most 100 characters. */
    public Utm {
        Validate.notBlank(medium, "utm medium");
        Validate.notBlank(campaign, "utm campaign");
        Validate.noLineBreaks(medium, "utm medium");
        Validate.noLineBreaks(campaign, "utm campaign");
        Validate.isTrue(medium.length() <= 100, "utm medium", "must be at most 100 characters");
        Validate.isTrue(campaign.length() <= 100, "utm campaign", "must be at most 100 characters");
        medium = medium.strip();
        campaign = campaign.strip();
    }

    /** The default medium with the given campaign. */
    public static Utm campaign(String campaign) {
        return new Utm(DEFAULT.medium, campaign);
    }

    /**
     * Returns {@code url} tagged for {@code network}. The page's own query parameters keep their order
     * and their exact encoding; {@code utm_source}, {@code utm_medium} and {@code utm_campaign}
     * already present are replaced rather than repeated; a fragment stays at the end, after the query.
     * Tagging a tagged URL again gives the same URL.
     */
    public URI tag(URI url, Network network) {
        Validate.httpUrl(url, "url");
        Validate.notNull(network, "network");
        String s = url.toASCIIString();
        int hash = s.indexOf('#');
        String fragment = hash < 0 ? "" : s.substring(hash);
        String beforeFragment = hash < 0 ? s : s.substring(0, hash);
        int q = beforeFragment.indexOf('?');
        String base = q < 0 ? beforeFragment : beforeFragment.substring(0, q);
        String query = q < 0 ? "" : beforeFragment.substring(q + 1);

        StringBuilder out = new StringBuilder(s.length() + 80).append(base).append('?');
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (KEYS.contains(key)) continue;
            out.append(pair).append('&');
        }
        out.append("utm_source=").append(ShareLinks.encode(network.id()))
                .append("&utm_medium=").append(ShareLinks.encode(medium))
                .append("&utm_campaign=").append(ShareLinks.encode(campaign))
                .append(fragment);
        return URI.create(out.toString());
    }

    /** {@code s} percent-decoded as UTF-8 ({@code +} kept as it is); {@code s} itself when malformed. */
    private static String decode(String s) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
