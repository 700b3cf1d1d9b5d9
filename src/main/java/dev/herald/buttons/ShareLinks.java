package dev.herald.buttons;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.net.IDN;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Builds the URL a share goes to: each network's intent URL, the link to the site's own share
 * endpoint, and the Mastodon redirect target. The share buttons, the share endpoint and the
 * {@code <herald:shareUrl>} tag all use these methods, so a share looks the same however it starts.
 *
 * <p>Every query value is percent-encoded as UTF-8 with RFC 3986's unreserved set (a space becomes
 * {@code %20}, never {@code +}); {@code mailto:} links follow RFC 6068. Texts are shortened to each network's limit at a word boundary. Every URL
 * returned is absolute {@code https} (or the page's own scheme) or {@code mailto}.
 */
public final class ShareLinks {
    /** The query parameter of an endpoint link that carries the page URL. */
    public static final String PARAM_URL = "url";
    /** The query parameter of an endpoint link that carries the headline. */
    public static final String PARAM_TEXT = "text";
    /** The query parameter of an endpoint link that carries the image URL (Pinterest only). */
    public static final String PARAM_MEDIA = "media";

    static final int X_LIMIT = 280;
    static final int BLUESKY_LIMIT = 300;
    static final int MASTODON_LIMIT = 500;
    static final int THREADS_LIMIT = 500;
    static final int REDDIT_TITLE_LIMIT = 300;
    static final int HACKER_NEWS_TITLE_LIMIT = 80;
    static final int PINTEREST_DESCRIPTION_LIMIT = 500;
    /** Bound on the headline passed to the endpoint, which rejects unbounded parameters. */
    static final int ENDPOINT_TEXT_LIMIT = 500;
    private static final int MAX_HASHTAGS = 3;

    private static final Pattern HASHTAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private ShareLinks() {}

    /**
     * Percent-encodes {@code value} as UTF-8 for a URL query value or path segment: everything but
     * {@code A-Z a-z 0-9 - . _ ~} is encoded, a space as {@code %20}.
     */
    public static String encode(String value) {
        Validate.notNull(value, "value");
        // URLEncoder does form encoding; these three differences make it RFC 3986's.
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    /**
     * Returns the URL that shares {@code meta} directly on {@code network}, built from the page URL
     * exactly as given (tag it with {@link Utm#tag} first if wanted). For {@link Network#COPY} and
     * {@link Network#SHARE} that is the page URL itself.
     *
     * <p>Empty when the article has no URL, when the network has no static intent URL
     * ({@link Network#MASTODON}: use {@link #mastodonIntent}), or when the network needs something the
     * article lacks ({@link Network#PINTEREST} without an image).
     */
    public static Optional<URI> intent(Network network, ArticleMeta meta) {
        Validate.notNull(network, "network");
        Validate.notNull(meta, "meta");
        if (meta.url() == null) return Optional.empty();
        String url = meta.url().toASCIIString();
        String headline = headline(meta);
        String built;
        switch (network) {
            case FACEBOOK:
                built = "https://www.facebook.com/sharer/sharer.php?u=" + encode(url);
                break;
            case X:
                built = x(meta, url, headline);
                break;
            case LINKEDIN:
                built = "https://www.linkedin.com/sharing/share-offsite/?url=" + encode(url);
                break;
            case REDDIT:
                built = "https://www.reddit.com/submit?url=" + encode(url)
                        + optional("title", headline, t -> ShareText.fit(t, REDDIT_TITLE_LIMIT, ShareLinks::codePoints));
                break;
            case BLUESKY:
                built = "https://bsky.app/intent/compose?text=" + encode(
                        withUrl(headline, url, BLUESKY_LIMIT - ShareText.graphemeCount(url) - 1, ShareText::graphemeCount));
                break;
            case THREADS:
                built = "https://www.threads.net/intent/post?"
                        + (headline == null ? "" : "text=" + encode(ShareText.fit(headline, THREADS_LIMIT - codePoints(url) - 1, ShareLinks::codePoints)) + "&")
                        + "url=" + encode(url);
                break;
            case MASTODON:
                return Optional.empty();
            case WHATSAPP:
                built = "https://api.whatsapp.com/send?text=" + encode(headline == null ? url : headline + " " + url);
                break;
            case TELEGRAM:
                built = "https://t.me/share/url?url=" + encode(url) + optional("text", headline, t -> t);
                break;
            case PINTEREST:
                if (meta.image() == null) return Optional.empty();
                built = "https://www.pinterest.com/pin/create/link/?url=" + encode(url)
                        + "&media=" + encode(meta.image().url().toASCIIString())
                        + optional("description", headline, t -> ShareText.fit(t, PINTEREST_DESCRIPTION_LIMIT, ShareLinks::codePoints));
                break;
            case HACKER_NEWS:
                built = "https://news.ycombinator.com/submitlink?u=" + encode(url)
                        + optional("t", headline, t -> ShareText.fit(t, HACKER_NEWS_TITLE_LIMIT, ShareLinks::codePoints));
                break;
            case EMAIL:
                built = mailto(meta, url, headline);
                break;
            case COPY:
            case SHARE:
                return Optional.of(meta.url());
            default:
                throw new AssertionError(network);
        }
        return Optional.of(URI.create(built));
    }

    /**
     * Returns {@code https://{instance}/share?text=…}: the share page of the reader's own Mastodon (or
     * other fediverse) server, with the headline and link as the post's text, shortened to Mastodon's
     * 500 characters (where any link counts as 23).
     *
     * @param instance the server's host name, optionally with {@code :port}; an internationalised name
     *     is converted to punycode. IP literals, user info, paths and anything else are rejected.
     * @throws IllegalArgumentException when {@code instance} is not a host name, or the article has no URL
     */
    public static URI mastodonIntent(String instance, ArticleMeta meta) {
        Validate.notNull(meta, "meta");
        Validate.isTrue(meta.url() != null, "meta", "must have a URL to share");
        String host = instanceHost(instance);
        String text = withUrl(headline(meta), meta.url().toASCIIString(),
                MASTODON_LIMIT - ShareText.MASTODON_URL_WEIGHT - 1, ShareLinks::codePoints);
        return URI.create("https://" + host + "/share?text=" + encode(text));
    }

    /**
     * Returns what a share button for {@code network} links to under {@code options}: the site's share
     * endpoint when one is configured (see {@link ButtonOptions#endpoint()}), else the network's intent
     * URL with UTM parameters added when enabled. This is also what {@code <herald:shareUrl>} prints.
     *
     * <p>Empty when {@link #intent} would be, except that {@link Network#MASTODON} has a link whenever
     * an endpoint is configured. {@link Network#EMAIL}, {@link Network#COPY} and {@link Network#SHARE}
     * never go through the endpoint: a redirect to {@code mailto:} is unreliable across browsers and the
     * other two stay on the page.
     */
    public static Optional<URI> href(Network network, ArticleMeta meta, ButtonOptions options) {
        Validate.notNull(network, "network");
        Validate.notNull(meta, "meta");
        Validate.notNull(options, "options");
        if (meta.url() == null) return Optional.empty();
        if (network == Network.PINTEREST && meta.image() == null) return Optional.empty();
        if (options.endpoint() != null && network.isDestination() && network != Network.EMAIL) {
            return Optional.of(endpointLink(options.endpointFor(meta.url()), network, meta));
        }
        if (network == Network.MASTODON) return Optional.empty();
        ArticleMeta shared = options.utm() == null ? meta
                : meta.toBuilder().url(options.utm().tag(meta.url(), network)).build();
        return intent(network, shared);
    }

    /**
     * Returns {@code {endpoint}/{network id}?url=…&text=…} (plus {@code &media=…} for Pinterest): the
     * link to the site's own share endpoint, which counts the share, adds UTM parameters when the site
     * enables them, and redirects to the network. The page URL is passed untagged so that counts
     * are per article, not per campaign.
     *
     * @param endpoint the endpoint's absolute http(s) base URL, such as {@code https://example.com/share}
     */
    public static URI endpointLink(URI endpoint, Network network, ArticleMeta meta) {
        Validate.httpUrl(endpoint, "endpoint");
        Validate.notNull(network, "network");
        Validate.notNull(meta, "meta");
        Validate.isTrue(meta.url() != null, "meta", "must have a URL to share");
        String base = endpoint.toASCIIString();
        Validate.isTrue(base.indexOf('?') < 0 && base.indexOf('#') < 0, "endpoint", "must not have a query or fragment");
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        String headline = headline(meta);
        StringBuilder b = new StringBuilder(base).append('/').append(network.id())
                .append('?').append(PARAM_URL).append('=').append(encode(meta.url().toASCIIString()));
        if (headline != null && network.takesText()) {
            b.append('&').append(PARAM_TEXT).append('=')
                    .append(encode(ShareText.fit(headline, ENDPOINT_TEXT_LIMIT, ShareText::graphemeCount)));
        }
        if (network == Network.PINTEREST && meta.image() != null) {
            b.append('&').append(PARAM_MEDIA).append('=').append(encode(meta.image().url().toASCIIString()));
        }
        return URI.create(b.toString());
    }

    /** The text a share leads with: the title, else the site's name; {@code null} when neither is known. */
    static String headline(ArticleMeta meta) {
        return meta.title() != null ? meta.title() : meta.siteName();
    }

    private static String x(ArticleMeta meta, String url, String headline) {
        int budget = X_LIMIT - ShareText.X_URL_WEIGHT;
        String via = meta.twitterSite() == null ? null : meta.twitterSite().substring(1);
        if (via != null) budget -= ShareText.xWeight(" via @" + via);
        List<String> tags = hashtags(meta.tags());
        String text = headline;
        if (text != null) {
            budget -= 1; // the space X puts between the text and the link
            // Hashtags go first when space runs out: the headline is what readers see.
            while (!tags.isEmpty() && ShareText.xWeight(text) > budget - hashtagWeight(tags)) {
                tags.remove(tags.size() - 1);
            }
            text = ShareText.fit(text, budget - hashtagWeight(tags), ShareText::xWeight);
        }
        StringBuilder b = new StringBuilder("https://x.com/intent/tweet?");
        if (text != null && !text.isEmpty()) b.append("text=").append(encode(text)).append('&');
        b.append("url=").append(encode(url));
        if (via != null) b.append("&via=").append(encode(via));
        if (!tags.isEmpty()) b.append("&hashtags=").append(encode(String.join(",", tags)));
        return b.toString();
    }

    /** Tags usable as hashtags as they are (letters, digits, underscore; at least one letter), at most three. */
    private static List<String> hashtags(List<String> tags) {
        List<String> out = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.startsWith("#") ? tag.substring(1) : tag;
            if (HASHTAG.matcher(t).matches() && out.stream().noneMatch(t::equalsIgnoreCase)) out.add(t);
            if (out.size() == MAX_HASHTAGS) break;
        }
        return out;
    }

    private static int hashtagWeight(List<String> tags) {
        int w = 0;
        for (String t : tags) w += ShareText.xWeight(" #" + t);
        return w;
    }

    private static String mailto(ArticleMeta meta, String url, String headline) {
        // The headline is the subject and the link the body: the reader writes the rest. A summary in
        // the body would repeat 200-300 characters, percent-encoded, in every page view's HTML.
        // RFC 6068: an empty "to" is allowed and every non-unreserved character may be percent-encoded.
        return "mailto:?" + (headline == null ? "" : "subject=" + encode(headline) + "&") + "body=" + encode(url);
    }

    private static String withUrl(String headline, String url, int headlineBudget, java.util.function.ToIntFunction<String> measure) {
        if (headline == null) return url;
        String fitted = ShareText.fit(headline, headlineBudget, measure);
        return fitted.isEmpty() ? url : fitted + " " + url;
    }

    private static String optional(String name, String value, java.util.function.UnaryOperator<String> shape) {
        if (value == null) return "";
        String v = shape.apply(value);
        return v.isEmpty() ? "" : "&" + name + "=" + encode(v);
    }

    private static int codePoints(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Validates a fediverse server name and returns it in ASCII (punycode), lower-case. */
    static String instanceHost(String instance) {
        Validate.notBlank(instance, "instance");
        String v = instance.strip();
        String port = null;
        int colon = v.lastIndexOf(':');
        if (colon >= 0) {
            port = v.substring(colon + 1);
            v = v.substring(0, colon);
            Validate.isTrue(port.matches("[1-9][0-9]{0,4}") && Integer.parseInt(port) <= 65535,
                    "instance", "must be a host name with an optional port 1-65535: " + Validate.abbreviate(instance));
        }
        String ascii;
        try {
            ascii = IDN.toASCII(v, 0).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("instance must be a host name such as mastodon.social: " + Validate.abbreviate(instance));
        }
        if (ascii.endsWith(".")) ascii = ascii.substring(0, ascii.length() - 1);
        String[] labels = ascii.split("\\.", -1);
        boolean ok = ascii.length() <= 253 && labels.length >= 2;
        for (String label : labels) ok &= LABEL.matcher(label).matches();
        // An all-numeric last label means an IPv4 literal (or nonsense), never a real server name.
        ok &= ok && !labels[labels.length - 1].matches("[0-9]+");
        Validate.isTrue(ok, "instance", "must be a host name such as mastodon.social: " + Validate.abbreviate(instance));
        return port == null ? ascii : ascii + ":" + port;
    }
}
