package dev.herald.page;

import dev.herald.buttons.ButtonOptions;
import dev.herald.buttons.Network;
import dev.herald.internal.Validate;
import dev.herald.meta.ImageMeta;
import dev.herald.meta.SiteDefaults;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How {@link ShareFilter} behaves on one site: site-wide metadata defaults, which paths it
 * rewrites, the share buttons, and its limits.
 *
 * <p>Build one with {@link #builder()} or read one from {@code herald.*} properties with
 * {@link #fromProperties(Map)}; every key is listed in {@link Keys}. Invalid values are rejected
 * when the configuration is built, naming the key and the value.
 *
 * @param enabled whether the filter rewrites anything; {@code false} passes every response through
 * @param site site-wide defaults (name, default image, X handle, locale, logo)
 * @param siteUrl the site's public origin ({@code https://news.example.com}); when set, page URLs are
 *     built from it instead of the request's Host, which a client controls; {@code null} to use the request
 * @param paths path patterns of the pages to rewrite (see {@link Keys#PATHS})
 * @param excludedPaths path patterns never rewritten, even when {@code paths} matches
 * @param buttons the share bar: networks, labels' language, UTM, endpoint, layout, heading, script, style
 * @param buttonPlacement where buttons go when the page has no placeholder (the first of {@code buttonPlacements})
 * @param maxBufferBytes the largest page rewritten; a larger body streams through unmodified
 * @param cacheSize how many rewrites are cached; 0 disables the cache
 * @param trustProxy whether {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} are believed
 * @param proxies when {@code trustProxy} is set, which hops of {@code X-Forwarded-For} are believed to
 *     name the client (the share endpoint's rate limit keys on it)
 * @param serverPorts ports besides 443 the share endpoint's Mastodon chooser may send a reader to
 * @param buttonPlacements every place buttons go when the page has no placeholder, such as after the
 *     headline and at the end of the article; {@code null} for just {@code buttonPlacement}
 * @param webSubHubs the WebSub hubs the filter advertises ({@code Link: <hub>; rel="hub"}) on the
 *     feeds and on the pages it rewrites; empty (the default) for none, and then nothing is added
 * @param webSubFeeds the site paths of the feeds ({@code /feed.xml}) that get the hub and
 *     {@code rel="self"} links; needs {@code webSubHubs}
 * @param siteImages the default image and logo given as site paths ({@code /img/card.png}) while
 *     {@code siteUrl} is unset: each page's own origin completes them (see {@link #siteFor})
 */
public record HeraldConfig(
        boolean enabled,
        SiteDefaults site,
        URI siteUrl,
        List<String> paths,
        List<String> excludedPaths,
        ButtonOptions buttons,
        ButtonPlacement buttonPlacement,
        int maxBufferBytes,
        int cacheSize,
        boolean trustProxy,
        TrustedProxies proxies,
        Set<Integer> serverPorts,
        List<ButtonPlacement> buttonPlacements,
        List<URI> webSubHubs,
        List<String> webSubFeeds,
        SiteImages siteImages) {

    /** The default size cap: 2 MiB, far above any article page. */
    public static final int DEFAULT_MAX_BUFFER_BYTES = 2 * 1024 * 1024;
    /** The default number of cached rewrites. */
    public static final int DEFAULT_CACHE_SIZE = 1000;
    /** Servlet-context attribute holding the site's {@link HeraldConfig}, published by {@link ShareFilter#init}. */
    public static final String CONTEXT_ATTRIBUTE = HeraldConfig.class.getName();

    /**
     * The configuration of the web app {@code context}: the one {@link ShareFilter} published, else
     * read (and published) from {@code herald.properties} and {@code herald.*} context parameters.
     * The taglib and the share endpoint use this, so they agree with the filter.
     *
     * @throws IllegalArgumentException when the configuration is invalid, naming the key
     */
    public static HeraldConfig of(jakarta.servlet.ServletContext context) {
        Validate.notNull(context, "context");
        Object published = context.getAttribute(CONTEXT_ATTRIBUTE);
        if (published instanceof HeraldConfig c) return c;
        HeraldConfig loaded = ConfigSources.load(context);
        context.setAttribute(CONTEXT_ATTRIBUTE, loaded);
        return loaded;
    }

    /**
     * The site defaults for a page at {@code pageUrl}: {@link #site()} with any image configured as a
     * site path completed by the page's origin. Without {@code herald.site.url} a site can still name
     * its default image {@code /img/card.png}; a page served as {@code https://news.example/a}
     * then gets {@code https://news.example/img/card.png}.
     */
    public SiteDefaults siteFor(URI pageUrl) {
        if (siteImages.isEmpty()) return site;
        Validate.httpUrl(pageUrl, "pageUrl");
        URI origin = pageUrl.resolve("/");
        ImageMeta image = site.defaultImage();
        if (siteImages.defaultImage() != null) {
            image = new ImageMeta(origin.resolve(siteImages.defaultImage()), siteImages.defaultImageWidth(),
                    siteImages.defaultImageHeight(), siteImages.defaultImageAlt(), null);
        }
        ImageMeta logo = siteImages.logo() == null ? site.publisherLogo() : ImageMeta.of(origin.resolve(siteImages.logo()));
        return new SiteDefaults(site.siteName(), image, site.twitterSite(), site.locale(), logo);
    }

    /**
     * Site images named by path ({@code /img/card.png}) rather than URL, completed per page by
     * {@link #siteFor}; each absent one is {@code null}.
     *
     * @param defaultImage the default image's path, starting with one {@code /}
     * @param defaultImageWidth its width in pixels, or {@code null}
     * @param defaultImageHeight its height in pixels, or {@code null}
     * @param defaultImageAlt its alt text, or {@code null}
     * @param logo the publisher logo's path, starting with one {@code /}
     */
    public record SiteImages(String defaultImage, Integer defaultImageWidth, Integer defaultImageHeight, String defaultImageAlt,
            String logo) {
        /** No site-path images. */
        public static final SiteImages NONE = new SiteImages(null, null, null, null, null);

        /** Checks that each path is a site path. */
        public SiteImages {
            checkSitePath(Keys.SITE_DEFAULT_IMAGE, defaultImage);
            checkSitePath(Keys.SITE_LOGO, logo);
            if (defaultImage == null && (defaultImageWidth != null || defaultImageHeight != null || defaultImageAlt != null)) {
                throw bad(Keys.SITE_DEFAULT_IMAGE, "", "missing; its width, height or alt text is set");
            }
            if (defaultImageWidth != null && defaultImageWidth < 1) throw bad(Keys.SITE_DEFAULT_IMAGE_WIDTH, String.valueOf(defaultImageWidth), "below 1");
            if (defaultImageHeight != null && defaultImageHeight < 1) throw bad(Keys.SITE_DEFAULT_IMAGE_HEIGHT, String.valueOf(defaultImageHeight), "below 1");
        }

        /** Whether no image is given as a path. */
        public boolean isEmpty() {
            return defaultImage == null && logo == null;
        }

        private static void checkSitePath(String key, String path) {
            if (path == null) return;
            if (!path.startsWith("/") || path.startsWith("//") || path.chars().anyMatch(c -> c <= ' ' || c == '\\')) {
                throw bad(key, path, "not a site path such as /img/card.png");
            }
            uri(key, path);
        }
    }

    /** A configuration with every default: enabled, every path, no site metadata. */
    public static final HeraldConfig DEFAULTS = builder().build();

    /** Validates every setting; see {@link Keys} for what each must be. */
    public HeraldConfig {
        Validate.notNull(site, "site");
        siteImages = siteImages == null ? SiteImages.NONE : siteImages;
        if (siteImages.defaultImage() != null && site.defaultImage() != null) {
            throw bad(Keys.SITE_DEFAULT_IMAGE, siteImages.defaultImage(), "given both as a URL and as a site path");
        }
        if (siteImages.logo() != null && site.publisherLogo() != null) {
            throw bad(Keys.SITE_LOGO, siteImages.logo(), "given both as a URL and as a site path");
        }
        try {
            site.asMeta();
        } catch (IllegalArgumentException e) {
            throw bad(Keys.SITE_TWITTER, site.twitterSite(), "not an X handle such as @herald");
        }
        if (siteUrl != null) checkOrigin(siteUrl, Keys.SITE_URL);
        paths = List.copyOf(Validate.notNull(paths, "paths"));
        excludedPaths = List.copyOf(Validate.notNull(excludedPaths, "excludedPaths"));
        for (String p : paths) checkPattern(Keys.PATHS, p);
        for (String p : excludedPaths) checkPattern(Keys.PATHS_EXCLUDE, p);
        Validate.notNull(buttons, "buttons");
        Validate.notNull(buttonPlacement, "buttonPlacement");
        buttonPlacements = buttonPlacements == null ? List.of(buttonPlacement) : List.copyOf(buttonPlacements);
        checkPlacements(buttonPlacements);
        Validate.isTrue(buttonPlacements.get(0) == buttonPlacement, "buttonPlacement", "must be the first of buttonPlacements");
        if (maxBufferBytes < 1024) throw bad(Keys.MAX_BUFFER_BYTES, String.valueOf(maxBufferBytes), "below the minimum of 1024 bytes");
        if (cacheSize < 0) throw bad(Keys.CACHE_SIZE, String.valueOf(cacheSize), "negative; use 0 to disable the cache");
        Validate.notNull(proxies, "proxies");
        serverPorts = Set.copyOf(Validate.notNull(serverPorts, "serverPorts"));
        for (int port : serverPorts) {
            if (port < 1 || port > 65535) throw bad(Keys.SHARE_SERVER_PORTS, String.valueOf(port), "not a port between 1 and 65535");
        }
        webSubHubs = webSubHubs == null ? List.of() : List.copyOf(webSubHubs);
        webSubFeeds = webSubFeeds == null ? List.of() : List.copyOf(webSubFeeds);
        for (URI hub : webSubHubs) checkHub(hub);
        for (String feed : webSubFeeds) checkFeedPath(feed);
        if (!webSubFeeds.isEmpty() && webSubHubs.isEmpty()) {
            throw bad(Keys.WEBSUB_FEEDS, String.join(",", webSubFeeds), "set without " + Keys.WEBSUB_HUBS + ": name the hub the feeds announce");
        }
    }

    /** The configuration as it was before WebSub: no hubs, no feeds. */
    public HeraldConfig(boolean enabled, SiteDefaults site, URI siteUrl, List<String> paths, List<String> excludedPaths, ButtonOptions buttons,
            ButtonPlacement buttonPlacement, int maxBufferBytes, int cacheSize, boolean trustProxy, TrustedProxies proxies, Set<Integer> serverPorts,
            List<ButtonPlacement> buttonPlacements) {
        this(enabled, site, siteUrl, paths, excludedPaths, buttons, buttonPlacement, maxBufferBytes, cacheSize, trustProxy, proxies, serverPorts,
                buttonPlacements, List.of(), List.of(), SiteImages.NONE);
    }

    /** The configuration as it was before site-path images: every image a URL. */
    public HeraldConfig(boolean enabled, SiteDefaults site, URI siteUrl, List<String> paths, List<String> excludedPaths, ButtonOptions buttons,
            ButtonPlacement buttonPlacement, int maxBufferBytes, int cacheSize, boolean trustProxy, TrustedProxies proxies, Set<Integer> serverPorts,
            List<ButtonPlacement> buttonPlacements, List<URI> webSubHubs, List<String> webSubFeeds) {
        this(enabled, site, siteUrl, paths, excludedPaths, buttons, buttonPlacement, maxBufferBytes, cacheSize, trustProxy, proxies, serverPorts,
                buttonPlacements, webSubHubs, webSubFeeds, SiteImages.NONE);
    }

    /** A builder holding every default. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to copy and change. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Reads a configuration from {@code herald.*} keys (see {@link Keys}); absent keys keep their
     * defaults, keys outside the {@code herald.} namespace are ignored.
     *
     * @throws IllegalArgumentException naming the key and the value when a value is invalid or a
     *     {@code herald.*} key is unknown (a misspelt key would otherwise be silently ignored)
     */
    public static HeraldConfig fromProperties(Map<String, String> properties) {
        Validate.notNull(properties, "properties");
        Map<String, String> p = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (!e.getKey().startsWith("herald.")) continue;
            if (!Keys.ALL.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown configuration key " + e.getKey()
                        + "; known keys: " + String.join(", ", new TreeSet<>(Keys.ALL)));
            }
            if (e.getValue() != null) p.put(e.getKey(), e.getValue().strip());
        }
        Builder b = builder();
        if (p.containsKey(Keys.ENABLED)) b.enabled(bool(Keys.ENABLED, p.get(Keys.ENABLED)));

        URI siteUrl = p.containsKey(Keys.SITE_URL) ? uri(Keys.SITE_URL, p.get(Keys.SITE_URL)) : null;
        if (siteUrl != null) b.siteUrl(checkOrigin(siteUrl, Keys.SITE_URL));
        b.siteName(p.get(Keys.SITE_NAME));
        b.twitter(handle(p.get(Keys.SITE_TWITTER)));
        if (p.containsKey(Keys.SITE_LOCALE)) b.locale(locale(Keys.SITE_LOCALE, p.get(Keys.SITE_LOCALE)));
        String imagePath = null;
        Integer imageWidth = null;
        Integer imageHeight = null;
        String imageAlt = null;
        if (notBlank(p.get(Keys.SITE_DEFAULT_IMAGE))) {
            String value = p.get(Keys.SITE_DEFAULT_IMAGE);
            imageWidth = optionalInt(Keys.SITE_DEFAULT_IMAGE_WIDTH, p.get(Keys.SITE_DEFAULT_IMAGE_WIDTH), 1);
            imageHeight = optionalInt(Keys.SITE_DEFAULT_IMAGE_HEIGHT, p.get(Keys.SITE_DEFAULT_IMAGE_HEIGHT), 1);
            if ((imageWidth == null) != (imageHeight == null)) {
                throw bad(imageWidth == null ? Keys.SITE_DEFAULT_IMAGE_WIDTH : Keys.SITE_DEFAULT_IMAGE_HEIGHT, "",
                        "missing; give both the width and the height of the default image, or neither");
            }
            imageAlt = p.get(Keys.SITE_DEFAULT_IMAGE_ALT);
            if (sitePath(value, siteUrl)) {
                imagePath = value;
            } else {
                b.defaultImage(new ImageMeta(absolute(Keys.SITE_DEFAULT_IMAGE, value, siteUrl), imageWidth, imageHeight, imageAlt, null));
            }
        } else {
            for (String k : List.of(Keys.SITE_DEFAULT_IMAGE_WIDTH, Keys.SITE_DEFAULT_IMAGE_HEIGHT, Keys.SITE_DEFAULT_IMAGE_ALT)) {
                if (notBlank(p.get(k))) throw bad(k, p.get(k), "set without " + Keys.SITE_DEFAULT_IMAGE);
            }
        }
        String logoPath = null;
        if (notBlank(p.get(Keys.SITE_LOGO))) {
            if (sitePath(p.get(Keys.SITE_LOGO), siteUrl)) logoPath = p.get(Keys.SITE_LOGO);
            else b.logo(ImageMeta.of(absolute(Keys.SITE_LOGO, p.get(Keys.SITE_LOGO), siteUrl)));
        }
        if (imagePath != null || logoPath != null) {
            b.siteImages(new SiteImages(imagePath, imagePath == null ? null : imageWidth, imagePath == null ? null : imageHeight,
                    imagePath == null ? null : blankToNull(imageAlt), logoPath));
        }

        if (p.containsKey(Keys.PATHS)) {
            List<String> paths = list(p.get(Keys.PATHS));
            if (paths.isEmpty()) throw bad(Keys.PATHS, p.get(Keys.PATHS), "empty; set " + Keys.ENABLED + "=false to turn Herald off");
            b.paths(paths);
        }
        if (p.containsKey(Keys.PATHS_EXCLUDE)) b.excludedPaths(list(p.get(Keys.PATHS_EXCLUDE)));
        if (p.containsKey(Keys.BUTTONS_PLACEMENT)) b.buttonPlacements(placements(p.get(Keys.BUTTONS_PLACEMENT)));
        b.buttons(buttons(p));
        if (notBlank(p.get(Keys.MAX_BUFFER_BYTES))) b.maxBufferBytes(size(Keys.MAX_BUFFER_BYTES, p.get(Keys.MAX_BUFFER_BYTES)));
        if (notBlank(p.get(Keys.CACHE_SIZE))) b.cacheSize(optionalInt(Keys.CACHE_SIZE, p.get(Keys.CACHE_SIZE), 0));
        if (p.containsKey(Keys.TRUST_PROXY)) b.trustProxy(bool(Keys.TRUST_PROXY, p.get(Keys.TRUST_PROXY)));
        b.proxies(proxies(p));
        if (notBlank(p.get(Keys.SHARE_SERVER_PORTS))) b.serverPorts(ports(p.get(Keys.SHARE_SERVER_PORTS)));
        if (notBlank(p.get(Keys.WEBSUB_HUBS))) {
            List<URI> hubs = new ArrayList<>();
            for (String h : list(p.get(Keys.WEBSUB_HUBS))) hubs.add(uri(Keys.WEBSUB_HUBS, h));
            b.webSubHubs(hubs);
        }
        if (notBlank(p.get(Keys.WEBSUB_FEEDS))) b.webSubFeeds(list(p.get(Keys.WEBSUB_FEEDS)));
        return b.build();
    }

    /** The configuration keys, each with its meaning and default. */
    public static final class Keys {
        private Keys() {}

        /** {@code true} (default) or {@code false}: {@code false} turns the filter into a pass-through. */
        public static final String ENABLED = "herald.enabled";
        /** The publication's name ({@code og:site_name}); also stripped as a suffix from titles. */
        public static final String SITE_NAME = "herald.site.name";
        /**
         * The site's public origin, {@code https://news.example.com}: page URLs are built from it
         * (recommended in production: the Host header is client-controlled). Default: the request's.
         */
        public static final String SITE_URL = "herald.site.url";
        /** The image used when an article has none: an absolute http(s) URL, or a path when {@code herald.site.url} is set. */
        public static final String SITE_DEFAULT_IMAGE = "herald.site.defaultImage";
        /** The default image's width in pixels (give it with the height). */
        public static final String SITE_DEFAULT_IMAGE_WIDTH = "herald.site.defaultImage.width";
        /** The default image's height in pixels (give it with the width). */
        public static final String SITE_DEFAULT_IMAGE_HEIGHT = "herald.site.defaultImage.height";
        /** The default image's alt text. */
        public static final String SITE_DEFAULT_IMAGE_ALT = "herald.site.defaultImage.alt";
        /** The publication's X handle, {@code @herald} ({@code twitter:site}). */
        public static final String SITE_TWITTER = "herald.site.twitter";
        /** The site's language as a BCP 47 tag ({@code en-GB}; {@code en_GB} is accepted). */
        public static final String SITE_LOCALE = "herald.site.locale";
        /** The publisher's logo for JSON-LD: an absolute URL, or a path when {@code herald.site.url} is set. */
        public static final String SITE_LOGO = "herald.site.logo";
        /**
         * Comma-separated path patterns of the pages to rewrite. Default {@code /*}: every HTML page
         * gets the tags it lacks, and only pages the transformer recognises as articles get buttons.
         */
        public static final String PATHS = "herald.paths";
        /** Comma-separated path patterns never rewritten ({@code /admin/*, /api/*}). Default: none. */
        public static final String PATHS_EXCLUDE = "herald.paths.exclude";
        /**
         * Comma-separated share networks, in order: {@code facebook, x, linkedin, reddit, bluesky, threads,
         * mastodon, whatsapp, telegram, pinterest, hackernews, email, copy, share}. Default: Herald's selection.
         */
        public static final String BUTTONS_NETWORKS = "herald.buttons.networks";
        /**
         * Where buttons go without a placeholder: {@code after-headline} (default), {@code after-standfirst},
         * {@code end-of-article}, or several of these comma-separated; else {@code placeholder-only} or {@code none}.
         */
        public static final String BUTTONS_PLACEMENT = "herald.buttons.placement";
        /** {@code true} to add {@code utm_source}/{@code utm_medium} to shared links. Default {@code false}. */
        public static final String BUTTONS_UTM = "herald.buttons.utm";
        /** The language of the buttons' labels ({@code de}). Default: the page's language. */
        public static final String BUTTONS_LOCALE = "herald.buttons.locale";
        /** The site path (or absolute URL) of Herald's share endpoint (Mastodon instance chooser), {@code /share}. Default: none, and no Mastodon button. */
        public static final String BUTTONS_ENDPOINT = "herald.buttons.endpoint";
        /** {@code row} (default), {@code column} or {@code icons}. */
        public static final String BUTTONS_LAYOUT = "herald.buttons.layout";
        /** Visible text above the buttons, such as "Share this article". Default: none. */
        public static final String BUTTONS_HEADING = "herald.buttons.heading";
        /** {@code true} (default) for the small inline script behind copy-link and the native share sheet; {@code false} for plain links only. */
        public static final String BUTTONS_SCRIPT = "herald.buttons.script";
        /** {@code true} (default) for Herald's scoped stylesheet and icons; {@code false} when the site styles the bar itself. */
        public static final String BUTTONS_STYLE = "herald.buttons.style";
        /**
         * Where pages load the bar's stylesheet (with the icons) and script from: a path inside the
         * application, which the filter serves with {@code Cache-Control: immutable} (default
         * {@code /herald/assets}); an absolute URL where the site serves {@code ShareButtons.assets()}
         * itself; or {@code inline} for self-contained bars.
         */
        public static final String BUTTONS_ASSETS = "herald.buttons.assets";
        /** The default of {@link #BUTTONS_ASSETS}. */
        public static final String DEFAULT_ASSETS = "/herald/assets";
        /** The largest page rewritten, in bytes ({@code 2097152}, {@code 512KiB}, {@code 2MiB}); larger pages stream through unmodified. Default 2 MiB. */
        public static final String MAX_BUFFER_BYTES = "herald.maxBufferBytes";
        /** How many rewrites to cache; {@code 0} disables caching. Default 1000. */
        public static final String CACHE_SIZE = "herald.cache.size";
        /** {@code true} to believe {@code X-Forwarded-Proto}/{@code X-Forwarded-Host} (only behind a proxy that sets them). Default {@code false}. */
        public static final String TRUST_PROXY = "herald.trustProxy";
        /**
         * With {@link #TRUST_PROXY}: how many proxies stand in front of the app (default 1); the client is
         * the address that many hops from the right of {@code X-Forwarded-For}.
         */
        public static final String TRUST_PROXY_HOPS = "herald.trustProxy.hops";
        /**
         * With {@link #TRUST_PROXY}: the proxies' addresses or CIDR blocks ({@code 10.0.0.0/8, 2001:db8::/32});
         * the client is the right-most {@code X-Forwarded-For} address outside them. Instead of the hop count.
         */
        public static final String TRUST_PROXY_ADDRESSES = "herald.trustProxy.addresses";
        /** Ports besides 443 that the share endpoint's Mastodon chooser may send readers to ({@code 8443}). Default none. */
        public static final String SHARE_SERVER_PORTS = "herald.share.serverPorts";

        /**
         * Comma-separated WebSub hub URLs ({@code https://pubsubhubbub.appspot.com/}) the filter
         * advertises as {@code Link: <hub>; rel="hub"} on the feeds and on the pages it rewrites, with
         * {@code rel="self"}: the feed's or page's own URL, without its query. Default: none.
         */
        public static final String WEBSUB_HUBS = "herald.websub.hubs";
        /** Comma-separated site paths of the feeds that announce the hubs ({@code /feed.xml, /rss}). Default: none. */
        public static final String WEBSUB_FEEDS = "herald.websub.feeds";

        /** Every key. */
        public static final Set<String> ALL = Set.of(ENABLED, SITE_NAME, SITE_URL, SITE_DEFAULT_IMAGE,
                SITE_DEFAULT_IMAGE_WIDTH, SITE_DEFAULT_IMAGE_HEIGHT, SITE_DEFAULT_IMAGE_ALT, SITE_TWITTER,
                SITE_LOCALE, SITE_LOGO, PATHS, PATHS_EXCLUDE, BUTTONS_NETWORKS, BUTTONS_PLACEMENT, BUTTONS_UTM,
                BUTTONS_LOCALE, BUTTONS_ENDPOINT, BUTTONS_LAYOUT, BUTTONS_HEADING, BUTTONS_SCRIPT, BUTTONS_STYLE, BUTTONS_ASSETS,
                MAX_BUFFER_BYTES, CACHE_SIZE, TRUST_PROXY, TRUST_PROXY_HOPS, TRUST_PROXY_ADDRESSES, SHARE_SERVER_PORTS,
                WEBSUB_HUBS, WEBSUB_FEEDS);
    }

    /** Builds a {@link HeraldConfig}; starts from every default. */
    public static final class Builder {
        private boolean enabled = true;
        private String siteName;
        private ImageMeta defaultImage;
        private String twitter;
        private Locale locale;
        private ImageMeta logo;
        private URI siteUrl;
        private List<String> paths = List.of("/*");
        private List<String> excludedPaths = List.of();
        private ButtonOptions buttons = ButtonOptions.builder().assets(Keys.DEFAULT_ASSETS).build();
        private List<ButtonPlacement> buttonPlacements = List.of(ButtonPlacement.AFTER_HEADLINE);
        private int maxBufferBytes = DEFAULT_MAX_BUFFER_BYTES;
        private int cacheSize = DEFAULT_CACHE_SIZE;
        private boolean trustProxy;
        private TrustedProxies proxies = TrustedProxies.ONE_HOP;
        private Set<Integer> serverPorts = Set.of();
        private List<URI> webSubHubs = List.of();
        private List<String> webSubFeeds = List.of();
        private SiteImages siteImages = SiteImages.NONE;

        private Builder() {}

        private Builder(HeraldConfig c) {
            enabled = c.enabled;
            siteName = c.site.siteName();
            defaultImage = c.site.defaultImage();
            twitter = c.site.twitterSite();
            locale = c.site.locale();
            logo = c.site.publisherLogo();
            siteUrl = c.siteUrl;
            siteImages = c.siteImages;
            paths = c.paths;
            excludedPaths = c.excludedPaths;
            buttons = c.buttons;
            buttonPlacements = c.buttonPlacements;
            maxBufferBytes = c.maxBufferBytes;
            cacheSize = c.cacheSize;
            trustProxy = c.trustProxy;
            proxies = c.proxies;
            serverPorts = c.serverPorts;
            webSubHubs = c.webSubHubs;
            webSubFeeds = c.webSubFeeds;
        }

        /** Turns rewriting on (default) or off. */
        public Builder enabled(boolean v) { enabled = v; return this; }
        /** Sets the publication's name. */
        public Builder siteName(String v) { siteName = v; return this; }
        /** Sets the image used when an article has none. */
        public Builder defaultImage(ImageMeta v) { defaultImage = v; return this; }
        /** Sets the publication's X handle. */
        public Builder twitter(String v) { twitter = v; return this; }
        /** Sets the site's language. */
        public Builder locale(Locale v) { locale = v; return this; }
        /** Sets the publisher's logo. */
        public Builder logo(ImageMeta v) { logo = v; return this; }
        /** Sets the site's public origin, from which page URLs are built. */
        public Builder siteUrl(URI v) { siteUrl = v; return this; }
        /** Sets the path patterns of the pages to rewrite. */
        public Builder paths(List<String> v) { paths = v; return this; }
        /** Sets the path patterns of the pages never rewritten. */
        public Builder excludedPaths(List<String> v) { excludedPaths = v; return this; }
        /**
         * Sets the share bar's options. The default links Herald's stylesheet and script from
         * {@link Keys#DEFAULT_ASSETS}, which the filter serves; options built without
         * {@link ButtonOptions.Builder#assets} give inline bars.
         */
        public Builder buttons(ButtonOptions v) { buttons = v; return this; }
        /** Sets the one place the buttons go when the page has no placeholder. */
        public Builder buttonPlacement(ButtonPlacement v) { buttonPlacements = List.of(Validate.notNull(v, "buttonPlacement")); return this; }
        /** Sets every place the buttons go when the page has no placeholder, such as after the headline and at the end. */
        public Builder buttonPlacements(List<ButtonPlacement> v) {
            Validate.isTrue(v != null && !v.isEmpty(), "buttonPlacements", "must name at least one placement");
            buttonPlacements = List.copyOf(v);
            return this;
        }
        /** Sets the largest page rewritten, in bytes. */
        public Builder maxBufferBytes(int v) { maxBufferBytes = v; return this; }
        /** Sets how many rewrites are cached. */
        public Builder cacheSize(int v) { cacheSize = v; return this; }
        /** Sets whether forwarding headers from a proxy are believed. */
        public Builder trustProxy(boolean v) { trustProxy = v; return this; }
        /** Sets which {@code X-Forwarded-For} hops are believed when proxy headers are. */
        public Builder proxies(TrustedProxies v) { proxies = v; return this; }
        /** Sets the ports besides 443 the Mastodon chooser may send readers to. */
        public Builder serverPorts(Set<Integer> v) { serverPorts = v; return this; }
        /** Sets the WebSub hubs advertised on feeds and pages (none by default). */
        public Builder webSubHubs(List<URI> v) { webSubHubs = v; return this; }
        /** Sets the site paths of the feeds that announce the WebSub hubs. */
        public Builder webSubFeeds(List<String> v) { webSubFeeds = v; return this; }

        /** Sets the default image and logo given as site paths, completed per page (see {@link HeraldConfig#siteFor}). */
        public Builder siteImages(SiteImages v) { siteImages = v; return this; }

        /** Builds the configuration, validating every setting. */
        public HeraldConfig build() {
            return new HeraldConfig(enabled, new SiteDefaults(siteName, defaultImage, twitter, locale, logo), siteUrl,
                    paths, excludedPaths, buttons, buttonPlacements.get(0), maxBufferBytes, cacheSize, trustProxy,
                    proxies, serverPorts, buttonPlacements, webSubHubs, webSubFeeds, siteImages);
        }
    }

    private static ButtonOptions buttons(Map<String, String> p) {
        ButtonOptions.Builder b = ButtonOptions.builder();
        if (notBlank(p.get(Keys.BUTTONS_NETWORKS))) {
            String v = p.get(Keys.BUTTONS_NETWORKS);
            try {
                b.networks(Network.parseList(v));
            } catch (IllegalArgumentException e) {
                throw bad(Keys.BUTTONS_NETWORKS, v, "not a list of networks: " + e.getMessage());
            }
        }
        if (p.containsKey(Keys.BUTTONS_UTM)) b.utm(bool(Keys.BUTTONS_UTM, p.get(Keys.BUTTONS_UTM)));
        if (notBlank(p.get(Keys.BUTTONS_LOCALE))) b.locale(locale(Keys.BUTTONS_LOCALE, p.get(Keys.BUTTONS_LOCALE)));
        if (notBlank(p.get(Keys.BUTTONS_LAYOUT))) {
            String v = p.get(Keys.BUTTONS_LAYOUT);
            try {
                b.layout(v);
            } catch (IllegalArgumentException e) {
                throw bad(Keys.BUTTONS_LAYOUT, v, "not a layout: " + e.getMessage());
            }
        }
        if (p.containsKey(Keys.BUTTONS_SCRIPT)) b.script(bool(Keys.BUTTONS_SCRIPT, p.get(Keys.BUTTONS_SCRIPT)));
        if (p.containsKey(Keys.BUTTONS_STYLE)) b.style(bool(Keys.BUTTONS_STYLE, p.get(Keys.BUTTONS_STYLE)));
        String assets = notBlank(p.get(Keys.BUTTONS_ASSETS)) ? p.get(Keys.BUTTONS_ASSETS).strip() : Keys.DEFAULT_ASSETS;
        b.assets(assets.equalsIgnoreCase("inline") ? null : assets);
        b.heading(p.get(Keys.BUTTONS_HEADING));
        b.endpoint(p.get(Keys.BUTTONS_ENDPOINT));
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("assets")) throw bad(Keys.BUTTONS_ASSETS, assets, "neither inline, a path such as /herald/assets nor an absolute http(s) URL");
            String key = m.startsWith("heading") ? Keys.BUTTONS_HEADING : Keys.BUTTONS_ENDPOINT;
            throw bad(key, p.get(key), "invalid: " + e.getMessage());
        }
    }

    private static TrustedProxies proxies(Map<String, String> p) {
        String hops = p.get(Keys.TRUST_PROXY_HOPS);
        String addresses = p.get(Keys.TRUST_PROXY_ADDRESSES);
        if (!notBlank(hops) && !notBlank(addresses)) return TrustedProxies.ONE_HOP;
        String key = notBlank(addresses) ? Keys.TRUST_PROXY_ADDRESSES : Keys.TRUST_PROXY_HOPS;
        if (!"true".equalsIgnoreCase(p.get(Keys.TRUST_PROXY))) throw bad(key, p.get(key), "set without " + Keys.TRUST_PROXY + "=true");
        if (notBlank(hops) && notBlank(addresses)) {
            throw bad(Keys.TRUST_PROXY_HOPS, hops, "set together with " + Keys.TRUST_PROXY_ADDRESSES + "; give one of them");
        }
        try {
            return notBlank(addresses) ? new TrustedProxies(1, list(addresses))
                    : new TrustedProxies(optionalInt(Keys.TRUST_PROXY_HOPS, hops, 1), List.of());
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(key)) throw e;
            throw bad(key, p.get(key), "invalid: " + e.getMessage());
        }
    }

    private static Set<Integer> ports(String value) {
        Set<Integer> out = new TreeSet<>();
        for (String s : list(value)) {
            if (!s.matches("[0-9]{1,5}") || Integer.parseInt(s) < 1 || Integer.parseInt(s) > 65535) {
                throw bad(Keys.SHARE_SERVER_PORTS, value, "not a list of ports between 1 and 65535, such as 8443");
            }
            out.add(Integer.parseInt(s));
        }
        return out;
    }

    private static void checkPattern(String key, String pattern) {
        try {
            PathPatterns.check(pattern);
        } catch (IllegalArgumentException e) {
            throw bad(key, pattern, "not a path pattern: " + e.getMessage());
        }
    }

    private static void checkHub(URI hub) {
        Validate.notNull(hub, "webSubHubs element");
        try {
            Validate.httpUrl(hub, Keys.WEBSUB_HUBS);
        } catch (IllegalArgumentException e) {
            throw bad(Keys.WEBSUB_HUBS, hub.toString(), "not an absolute http(s) URL");
        }
        if (hub.getRawFragment() != null || hub.getRawUserInfo() != null) {
            throw bad(Keys.WEBSUB_HUBS, hub.toString(), "not a hub URL: no user info or fragment");
        }
    }

    private static void checkFeedPath(String feed) {
        Validate.notNull(feed, "webSubFeeds element");
        // Written into a Link header's URL: a path with nothing a header or the <...> could break on.
        if (!feed.matches("/[A-Za-z0-9._~!$&'()+,;=:@/%-]*") || feed.contains("//")) {
            throw bad(Keys.WEBSUB_FEEDS, feed, "not a site path such as /feed.xml (no query, pattern, space or full URL)");
        }
    }

    private static URI checkOrigin(URI uri, String key) {
        try {
            Validate.httpUrl(uri, key);
        } catch (IllegalArgumentException e) {
            throw bad(key, uri.toString(), "not an absolute http(s) URL");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw bad(key, uri.toString(), "not an origin: give scheme, host and port only, such as https://news.example.com");
        }
        return uri;
    }

    private static IllegalArgumentException bad(String key, String value, String problem) {
        return new IllegalArgumentException(key + "='" + Validate.abbreviate(value) + "' is " + problem);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean bool(String key, String value) {
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw bad(key, value, "neither true nor false");
    }

    private static Integer optionalInt(String key, String value, int min) {
        if (!notBlank(value)) return null;
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw bad(key, value, "not a whole number");
        }
        if (n < min) throw bad(key, value, "below the minimum of " + min);
        return n;
    }

    private static int size(String key, String value) {
        String v = value.replace("_", "");
        long unit = 1;
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.endsWith("kib")) unit = 1024;
        else if (lower.endsWith("mib")) unit = 1024 * 1024;
        if (unit > 1) v = v.substring(0, v.length() - 3).strip();
        long n;
        try {
            n = Long.parseLong(v) * unit;
        } catch (NumberFormatException e) {
            throw bad(key, value, "not a size such as 2097152, 512KiB or 2MiB");
        }
        if (n > Integer.MAX_VALUE - 16) throw bad(key, value, "above the maximum of 2 GiB");
        return (int) n;
    }

    private static URI uri(String key, String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw bad(key, value, "not a URL: " + e.getReason());
        }
    }

    /** Whether {@code value} is a site path left for each page's origin to complete: no site URL to resolve it now. */
    private static boolean sitePath(String value, URI siteUrl) {
        return siteUrl == null && value.startsWith("/") && !value.startsWith("//");
    }

    private static String blankToNull(String v) {
        return notBlank(v) ? v : null;
    }

    private static URI absolute(String key, String value, URI siteUrl) {
        URI u = uri(key, value);
        if (!u.isAbsolute()) {
            if (siteUrl == null || !value.startsWith("/")) {
                throw bad(key, value, "not an absolute http(s) URL or a site path such as /img/x.jpg");
            }
            u = siteUrl.resolve(u);
        }
        try {
            return Validate.httpUrl(u, key);
        } catch (IllegalArgumentException e) {
            throw bad(key, value, "not an absolute http(s) URL");
        }
    }

    private static String handle(String value) {
        return notBlank(value) ? value : null;
    }

    private static Locale locale(String key, String value) {
        try {
            Locale l = new Locale.Builder().setLanguageTag(value.replace('_', '-')).build();
            if (l.getLanguage().isEmpty()) throw new IllformedLocaleException("no language");
            return l;
        } catch (IllformedLocaleException e) {
            throw bad(key, value, "not a language tag such as en or en-GB");
        }
    }

    private static List<ButtonPlacement> placements(String value) {
        List<ButtonPlacement> out = new ArrayList<>();
        for (String part : list(value)) {
            try {
                ButtonPlacement p = ButtonPlacement.valueOf(part.toUpperCase(Locale.ROOT).replace('-', '_'));
                if (out.contains(p)) throw bad(Keys.BUTTONS_PLACEMENT, value, "naming " + part + " twice");
                out.add(p);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(Keys.BUTTONS_PLACEMENT)) throw e;
                throw bad(Keys.BUTTONS_PLACEMENT, value, "not one of after-headline, after-standfirst, end-of-article (one or more),"
                        + " placeholder-only, none");
            }
        }
        if (out.isEmpty()) throw bad(Keys.BUTTONS_PLACEMENT, value, "empty; use none for no buttons");
        try {
            checkPlacements(out);
        } catch (IllegalArgumentException e) {
            throw bad(Keys.BUTTONS_PLACEMENT, value, "not a combination: " + e.getMessage());
        }
        return out;
    }

    /** {@code none} and {@code placeholder-only} stand alone; the others combine. */
    private static void checkPlacements(List<ButtonPlacement> placements) {
        Validate.isTrue(!placements.isEmpty(), "buttonPlacements", "must name at least one placement");
        for (ButtonPlacement p : placements) {
            Validate.notNull(p, "buttonPlacements element");
            boolean alone = p == ButtonPlacement.NONE || p == ButtonPlacement.PLACEHOLDER_ONLY;
            Validate.isTrue(!alone || placements.size() == 1, "buttonPlacements", p.name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + " cannot be combined with other placements");
        }
        Validate.isTrue(new java.util.HashSet<>(placements).size() == placements.size(), "buttonPlacements", "must not name a placement twice");
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }

    static String describe(HeraldConfig c) {
        return "paths " + c.paths + (c.excludedPaths.isEmpty() ? "" : " except " + c.excludedPaths)
                + ", cap " + c.maxBufferBytes + " bytes, cache " + c.cacheSize + (c.trustProxy ? ", trusting proxy headers" : "")
                + (c.webSubHubs.isEmpty() ? "" : ", WebSub hubs " + c.webSubHubs + (c.webSubFeeds.isEmpty() ? "" : " on feeds " + c.webSubFeeds))
                + (c.enabled ? "" : ", DISABLED");
    }
}
