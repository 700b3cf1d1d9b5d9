package dev.herald.buttons;

import dev.herald.internal.Validate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A place a reader can share an article to, identified in configuration, URLs and markup by its
 * lower-case {@link #id()}.
 *
 * <p>Most networks are reached through a static intent URL (see {@link ShareLinks}). Three are
 * different: {@link #MASTODON} has no central site, so it needs Herald's first-party share endpoint
 * to ask for the reader's own server; {@link #COPY} and {@link #SHARE} are actions on the page
 * itself (copy the link, open the device's share sheet) rather than places.
 */
public enum Network {
    /** Facebook's sharer. */
    FACEBOOK("facebook"),
    /** X (formerly Twitter) post intent. */
    X("x", "twitter"),
    /** LinkedIn's share-offsite page. */
    LINKEDIN("linkedin"),
    /** Reddit's submit page. */
    REDDIT("reddit"),
    /** Bluesky's compose intent. */
    BLUESKY("bluesky", "bsky"),
    /** Threads' post intent. */
    THREADS("threads"),
    /** Mastodon and the rest of the fediverse, through the site's share endpoint. */
    MASTODON("mastodon", "fediverse"),
    /** WhatsApp's send page. */
    WHATSAPP("whatsapp"),
    /** Telegram's share page. */
    TELEGRAM("telegram"),
    /** Pinterest's pin builder; needs an image. */
    PINTEREST("pinterest"),
    /** Hacker News' submit page. */
    HACKER_NEWS("hackernews", "hacker-news", "hn"),
    /** An e-mail in the reader's own mail program ({@code mailto:}). */
    EMAIL("email", "mail", "e-mail"),
    /** Copies the article's link; without JavaScript a plain link readers can copy. */
    COPY("copy", "copy-link", "copylink"),
    /** The device's native share sheet (Web Share API); shown only where the browser supports it. */
    SHARE("share", "web-share", "webshare", "native");

    private static final Map<String, Network> BY_NAME = Arrays.stream(values())
            .flatMap(n -> n.names.stream().map(name -> Map.entry(name, n)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final List<Network> DEFAULTS = List.of(FACEBOOK, X, LINKEDIN, BLUESKY, MASTODON, WHATSAPP, EMAIL, COPY, SHARE);

    private final String id;
    private final List<String> names;

    Network(String id, String... aliases) {
        this.id = id;
        List<String> all = new ArrayList<>();
        all.add(id);
        all.addAll(List.of(aliases));
        this.names = List.copyOf(all);
    }

    /** The network's identifier: lower-case ASCII, used in configuration, URLs and {@code data-network}. */
    public String id() {
        return id;
    }

    /**
     * The class of the network's button in the bar, {@code hs-} and a two-letter code
     * ({@code hs-fb}, {@code hs-x}, {@code hs-hn}): short, because a bar repeats it once per button on
     * every page view, and prefixed, so that a site's own {@code .x} or {@code .li} rules miss it.
     */
    public String cssClass() {
        return switch (this) {
            case FACEBOOK -> "hs-fb";
            case X -> "hs-x";
            case LINKEDIN -> "hs-li";
            case REDDIT -> "hs-rd";
            case BLUESKY -> "hs-bs";
            case THREADS -> "hs-th";
            case MASTODON -> "hs-ma";
            case WHATSAPP -> "hs-wa";
            case TELEGRAM -> "hs-tg";
            case PINTEREST -> "hs-pi";
            case HACKER_NEWS -> "hs-hn";
            case EMAIL -> "hs-em";
            case COPY -> "hs-cp";
            case SHARE -> "hs-sh";
        };
    }

    /** Whether sharing here leaves the page for another site (false for {@link #COPY} and {@link #SHARE}). */
    public boolean isDestination() {
        return this != COPY && this != SHARE;
    }

    /**
     * Whether the network's share page takes a text (the headline) along with the link; false for
     * Facebook's sharer and LinkedIn's share-offsite, which read only the link and the page's own tags.
     */
    public boolean takesText() {
        return this != FACEBOOK && this != LINKEDIN;
    }

    /** The network's id. */
    @Override
    public String toString() {
        return id;
    }

    /** The networks shown when a site selects none: the widely used ones, Web Share and copy-link. */
    public static List<Network> defaults() {
        return DEFAULTS;
    }

    /**
     * Returns the network named {@code name}: its id or a common alias ({@code twitter}, {@code hn},
     * {@code mail}, {@code copy-link}, {@code web-share}), ignoring case and surrounding space.
     *
     * @throws IllegalArgumentException naming the value and listing every valid id when it is unknown
     */
    public static Network of(String name) {
        Validate.notNull(name, "network");
        Network n = BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
        if (n == null) {
            throw new IllegalArgumentException("unknown share network '" + Validate.abbreviate(name.strip())
                    + "'; valid networks are: " + validIds());
        }
        return n;
    }

    /**
     * Parses the configuration form of a network list, such as {@code "facebook, x,linkedin"}, keeping
     * its order. Entries are separated by commas and/or whitespace; empty entries are skipped, so a
     * blank string yields an empty list.
     *
     * @throws IllegalArgumentException naming the first unknown or repeated network, listing the valid ids
     */
    public static List<Network> parseList(String list) {
        Validate.notNull(list, "networks");
        Set<Network> seen = EnumSet.noneOf(Network.class);
        List<Network> out = new ArrayList<>();
        for (String part : list.split("[,\\s]+")) {
            if (part.isEmpty()) continue;
            Network n = of(part);
            if (!seen.add(n)) {
                throw new IllegalArgumentException("share network '" + part + "' is listed twice in '"
                        + Validate.abbreviate(list) + "'");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    /** Every valid id, comma-separated, in declaration order. */
    static String validIds() {
        return Arrays.stream(values()).map(Network::id).collect(Collectors.joining(", "));
    }
}
