package dev.herald.buttons;

import dev.herald.internal.Validate;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a share bar looks and where its buttons lead. Immutable; build one with {@link #builder()},
 * or use {@link #DEFAULTS}.
 *
 * @param networks the buttons, in order; networks the article cannot be shared to are skipped when
 *     rendering (Pinterest without an image, Mastodon without an endpoint, Web Share without the script)
 * @param locale the language of the labels, or {@code null} to follow the article's locale (English
 *     when neither is known or no translation exists)
 * @param utm the campaign parameters added to the shared page URL, or {@code null} for none
 * @param endpoint the site's share endpoint, as a site path such as {@code /share} (resolved against
 *     the article URL's origin) or an absolute http(s) URL; {@code null} to link straight to each
 *     network and leave Mastodon out
 * @param layout how the buttons are arranged
 * @param heading visible text above the buttons, such as "Share this article", also used as the
 *     bar's accessible name; {@code null} for none (see {@link ButtonLabels#heading()} for a localised one)
 * @param counts supplies share counts to show; {@link ShareCounts#NONE} for none
 * @param script whether to add Herald's small inline script that copies the link to the clipboard
 *     and opens the device's share sheet; without it the bar is plain links and the Web Share button
 *     is left out
 * @param style whether the bar brings Herald's stylesheet (linked from {@code assets}, or inline);
 *     turn it off when the site styles the bar itself (see {@link ShareButtons#css()})
 * @param assets where the page finds Herald's cached stylesheet and script: a site path such as
 *     {@code /herald/assets} (what {@code ShareFilter} serves) or an absolute http(s) URL; {@code null}
 *     for an inline bar that needs no other file (inline {@code <style>}, SVG icons and script), for
 *     e-mail, AMP or sites that cannot serve Herald's asset path
 */
public record ButtonOptions(
        List<Network> networks,
        Locale locale,
        Utm utm,
        String endpoint,
        Layout layout,
        String heading,
        ShareCounts counts,
        boolean script,
        boolean style,
        String assets) {

    /**
     * Herald's defaults: {@link Network#defaults()}, labels in the article's language, no UTM, no endpoint,
     * a row, script and style on, inline (a renderer alone cannot know that anything serves the asset path;
     * {@code ShareFilter} does, and its configuration links the assets by default).
     */
    public static final ButtonOptions DEFAULTS = builder().build();

    private static final int MAX_HEADING = 200;

    /** Validates and normalises every setting. */
    public ButtonOptions {
        Validate.notNull(networks, "networks");
        Set<Network> seen = EnumSet.noneOf(Network.class);
        for (Network n : networks) {
            Validate.notNull(n, "networks element");
            Validate.isTrue(seen.add(n), "networks", "must not list " + n.id() + " twice");
        }
        networks = List.copyOf(networks);
        endpoint = location(endpoint, "endpoint", "/share");
        assets = location(assets, "assets", "/herald/assets");
        Validate.notNull(layout, "layout");
        if (heading != null) {
            heading = heading.strip().replaceAll("\\s+", " ");
            if (heading.isEmpty()) heading = null;
            else Validate.isTrue(heading.length() <= MAX_HEADING, "heading", "must be at most " + MAX_HEADING + " characters");
        }
        Validate.notNull(counts, "counts");
    }

    /** A builder starting from Herald's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to copy and change. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the native Web Share button is among the networks. */
    public boolean webShare() {
        return networks.contains(Network.SHARE);
    }

    /**
     * The share endpoint's absolute base URL for an article at {@code pageUrl}: a configured site path
     * is resolved against the page URL's scheme, host and port.
     *
     * @throws IllegalStateException when no endpoint is configured
     */
    public URI endpointFor(URI pageUrl) {
        Validate.httpUrl(pageUrl, "pageUrl");
        if (endpoint == null) throw new IllegalStateException("no share endpoint is configured");
        if (!endpoint.startsWith("/")) return URI.create(endpoint);
        // Scheme, host and port only: user info in a page URL must not travel into the bar.
        String port = pageUrl.getPort() < 0 ? "" : ":" + pageUrl.getPort();
        return URI.create(pageUrl.getScheme().toLowerCase(Locale.ROOT) + "://" + pageUrl.getHost() + port + endpoint);
    }

    /** Whether the bar links Herald's cached stylesheet and script ({@link #assets()} is set) rather than inlining them. */
    public boolean linksAssets() {
        return assets != null;
    }

    /** A site path or an absolute http(s) URL without query or fragment, with no trailing slash; null when blank. */
    private static String location(String value, String name, String example) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        String expected = " must be a site path such as " + example + " or an absolute http(s) URL: ";
        if (v.startsWith("/")) {
            // "//host/..." would be protocol-relative: another site, not a path on this one.
            Validate.isTrue(v.matches("/(?!/)[A-Za-z0-9._~/-]*") && !v.contains("//") && !v.contains("/../") && !v.endsWith("/.."),
                    name, expected.strip() + " " + Validate.abbreviate(value));
        } else {
            URI uri;
            try {
                uri = new URI(v);
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException(name + expected + Validate.abbreviate(value));
            }
            Validate.httpUrl(uri, name);
            Validate.isTrue(uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null,
                    name, "must not have user info, a query or a fragment: " + Validate.abbreviate(value));
            v = uri.toASCIIString();
        }
        while (v.length() > 1 && v.endsWith("/")) v = v.substring(0, v.length() - 1);
        return v;
    }

    /** Builds {@link ButtonOptions}; starts from Herald's defaults. */
    public static final class Builder {
        private List<Network> networks = Network.defaults();
        private Locale locale;
        private Utm utm;
        private String endpoint;
        private Layout layout = Layout.ROW;
        private String heading;
        private ShareCounts counts = ShareCounts.NONE;
        private boolean script = true;
        private boolean style = true;
        private String assets;
        private Boolean webShare;

        private Builder() {}

        private Builder(ButtonOptions o) {
            networks = o.networks; locale = o.locale; utm = o.utm; endpoint = o.endpoint; layout = o.layout;
            heading = o.heading; counts = o.counts; script = o.script; style = o.style; assets = o.assets;
        }

        /** Sets the networks, in order. */
        public Builder networks(List<Network> v) { networks = Validate.notNull(v, "networks"); return this; }
        /** Sets the networks from their configuration form, such as {@code "facebook, x, email"}; see {@link Network#parseList}. */
        public Builder networks(String v) { networks = Network.parseList(v); return this; }
        /** Sets the networks, in order. */
        public Builder networks(Network... v) { networks = List.of(v); return this; }
        /** Sets the labels' language; {@code null} follows the article. */
        public Builder locale(Locale v) { locale = v; return this; }
        /** Turns UTM parameters on (with {@link Utm#DEFAULT}) or off. */
        public Builder utm(boolean on) { utm = on ? Utm.DEFAULT : null; return this; }
        /** Sets the UTM parameters; {@code null} for none. */
        public Builder utm(Utm v) { utm = v; return this; }
        /** Sets the share endpoint (site path or absolute URL); {@code null} for none. */
        public Builder endpoint(String v) { endpoint = v; return this; }
        /** Sets the layout. */
        public Builder layout(Layout v) { layout = Validate.notNull(v, "layout"); return this; }
        /** Sets the layout by name: {@code row}, {@code column} or {@code icons}. */
        public Builder layout(String v) { layout = Layout.of(v); return this; }
        /** Sets the visible heading; {@code null} for none. */
        public Builder heading(String v) { heading = v; return this; }
        /** Sets where share counts come from. */
        public Builder counts(ShareCounts v) { counts = Validate.notNull(v, "counts"); return this; }
        /** Turns the inline script on or off. */
        public Builder script(boolean v) { script = v; return this; }
        /** Turns Herald's stylesheet on or off. */
        public Builder style(boolean v) { style = v; return this; }
        /**
         * Links the bar's stylesheet and script from {@code v}, a site path such as {@code /herald/assets}
         * or an absolute URL where Herald's files are served; {@code null} inlines them.
         */
        public Builder assets(String v) { assets = v; return this; }

        /**
         * Adds the native Web Share button (at the end, unless the network list already places it) or
         * removes it, whatever the network list says.
         */
        public Builder webShare(boolean on) { webShare = on; return this; }

        /** Builds the options, validating every setting. */
        public ButtonOptions build() {
            List<Network> list = new ArrayList<>(networks);
            if (Boolean.TRUE.equals(webShare) && !list.contains(Network.SHARE)) list.add(Network.SHARE);
            if (Boolean.FALSE.equals(webShare)) list.remove(Network.SHARE);
            return new ButtonOptions(list, locale, utm, endpoint, layout, heading, counts, script, style, assets);
        }
    }
}
