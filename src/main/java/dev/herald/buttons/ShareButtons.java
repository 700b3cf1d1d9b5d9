package dev.herald.buttons;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders Herald's share bar: a {@code <nav class="herald-share">} holding a list of plain links,
 * one per network, each with an inline SVG icon, a visible name and a localised accessible name.
 *
 * <p>The bar works without JavaScript and makes no request of its own: no external script, style,
 * font or image, and no URL but the share links themselves (absolute {@code https} or
 * {@code mailto}). Links to other sites open in a new tab with {@code rel="noopener noreferrer"},
 * so the reader keeps their place in the article and the network learns nothing from the
 * {@code Referer}. With {@link ButtonOptions#script()} a tiny first-party inline script copies the
 * link to the clipboard and reveals the native Web Share button where the browser supports it.
 *
 * <p>Every value is escaped for its context: query values percent-encoded, then the whole URL
 * HTML-escaped as an attribute. Immutable and thread-safe.
 */
public final class ShareButtons implements ButtonRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ShareButtons.class);

    // Stroke and fill come from Herald's stylesheet (13 icons would repeat them 13 times); a bar
    // rendered without that stylesheet carries them as attributes, for sites that style it themselves.
    private static final String ICON_START = "<svg class=\"herald-share__icon\" viewBox=\"0 0 24 24\" width=\"20\" height=\"20\""
            + " aria-hidden=\"true\"";
    private static final String ICON_OPEN = ICON_START + ">";
    private static final String ICON_OPEN_UNSTYLED = ICON_START + " fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\""
            + " stroke-linecap=\"round\" stroke-linejoin=\"round\">";

    private final ButtonOptions options;

    /** A renderer with {@link ButtonOptions#DEFAULTS}. */
    public ShareButtons() {
        this(ButtonOptions.DEFAULTS);
    }

    /** A renderer with the given options. */
    public ShareButtons(ButtonOptions options) {
        this.options = Validate.notNull(options, "options");
    }

    /** The options this renderer uses. */
    public ButtonOptions options() {
        return options;
    }

    /**
     * Returns the bar's HTML for {@code meta}, or the empty string when the article has no URL or none
     * of the configured networks can share it.
     */
    @Override
    public String render(ArticleMeta meta) {
        Validate.notNull(meta, "meta");
        if (meta.url() == null) return "";
        ButtonLabels labels = ButtonLabels.forLocale(options.locale() != null ? options.locale() : meta.locale());

        List<Button> buttons = new ArrayList<>();
        for (Network n : options.networks()) {
            if (n == Network.SHARE && !options.script()) continue; // nothing can open the share sheet
            Optional<URI> href = ShareLinks.href(n, meta, options);
            href.ifPresent(h -> buttons.add(new Button(n, h)));
        }
        if (buttons.isEmpty()) return "";
        Map<Network, Long> counts = counts(meta.url());

        boolean copy = buttons.stream().anyMatch(b -> b.network == Network.COPY);
        boolean newTab = buttons.stream().anyMatch(b -> opensNewTab(b.network));
        String name = options.heading() != null ? options.heading() : labels.navigation();

        StringBuilder h = new StringBuilder(4096 + (options.style() ? Assets.CSS.length() : 0));
        h.append("<nav class=\"herald-share herald-share--").append(options.layout().id()).append("\" ")
                .append(MARKER_ATTRIBUTE)
                .append(" lang=\"").append(attr(labels.locale().toLanguageTag())).append('"')
                .append(" aria-label=\"").append(attr(name)).append('"');
        if (options.script() && copy) {
            h.append(" data-copied=\"").append(attr(labels.copied())).append('"')
                    .append(" data-copy-failed=\"").append(attr(labels.copyFailed())).append('"');
        }
        h.append('>');
        if (options.style()) h.append(styleElement());
        if (options.heading() != null) {
            // Not an <h2>: the bar must not change the outline of the page it is dropped into.
            h.append("<p class=\"herald-share__heading\">").append(text(options.heading())).append("</p>");
        }
        if (newTab) h.append("<p class=\"herald-share__sr\">").append(text(labels.newTabNote())).append("</p>");
        h.append("<ul class=\"herald-share__list\">");
        for (Button b : buttons) item(h, b, meta, labels, counts.get(b.network));
        h.append("</ul>");
        if (options.script() && copy) h.append("<span class=\"herald-share__status\" role=\"status\"></span>");
        if (options.script()) h.append(scriptElement());
        h.append("</nav>");
        return h.toString();
    }

    private void item(StringBuilder h, Button b, ArticleMeta meta, ButtonLabels labels, Long count) {
        Network n = b.network;
        String action = labels.action(n);
        boolean showCount = count != null && count >= 0 && n.isDestination();
        if (showCount) action = action + ", " + labels.shareCount(count);
        if (n == Network.SHARE) {
            // A button, not a link: it does something only with JavaScript, which reveals it.
            h.append("<li class=\"herald-share__item\" hidden><button type=\"button\" class=\"herald-share__link\" data-network=\"share\"")
                    .append(" data-url=\"").append(attr(b.href.toASCIIString())).append('"');
            String headline = ShareLinks.headline(meta);
            if (headline != null) h.append(" data-title=\"").append(attr(headline)).append('"');
            h.append(" aria-label=\"").append(attr(action)).append("\">");
            content(h, n, labels, null, options.style());
            h.append("</button></li>");
            return;
        }
        h.append("<li class=\"herald-share__item\"><a class=\"herald-share__link\" data-network=\"").append(n.id()).append('"')
                .append(" href=\"").append(attr(b.href.toASCIIString())).append('"');
        if (opensNewTab(n)) h.append(" target=\"_blank\"");
        h.append(" rel=\"noopener noreferrer\" aria-label=\"").append(attr(action)).append("\">");
        content(h, n, labels, showCount ? labels.compactCount(count) : null, options.style());
        h.append("</a></li>");
    }

    private static void content(StringBuilder h, Network n, ButtonLabels labels, String count, boolean styled) {
        h.append(styled ? ICON_OPEN : ICON_OPEN_UNSTYLED).append(Assets.ICONS.get(n)).append("</svg>")
                .append("<span class=\"herald-share__label\">").append(text(labels.name(n))).append("</span>");
        if (count != null) h.append("<span class=\"herald-share__count\">").append(text(count)).append("</span>");
    }

    /** Share pages are a detour: a new tab keeps the article open. Mail opens an app; copy stays here. */
    private static boolean opensNewTab(Network n) {
        return n.isDestination() && n != Network.EMAIL;
    }

    private Map<Network, Long> counts(URI url) {
        try {
            Map<Network, Long> c = options.counts().counts(url);
            return c == null ? Map.of() : c;
        } catch (RuntimeException e) {
            // Counts are decoration; a failing store must never cost the reader the buttons.
            LOG.warn("share counts unavailable for {}: {}", url, e.toString());
            return Map.of();
        }
    }

    /** Herald's stylesheet for the bar; every rule is scoped under {@code .herald-share}. */
    public static String css() {
        return Assets.CSS;
    }

    /**
     * The stylesheet as a {@code <style data-herald-style>} element, for a page that renders its bars
     * with {@link ButtonOptions#style()} off and puts the style once into {@code <head>}.
     */
    public static String styleElement() {
        return "<style data-herald-style>" + Assets.CSS + "</style>";
    }

    /** The bar's inline script (copy to clipboard, Web Share); it defines no globals. */
    public static String script() {
        return Assets.SCRIPT;
    }

    private static String scriptElement() {
        return "<script data-herald-script>" + Assets.SCRIPT + "</script>";
    }

    /**
     * The Content-Security-Policy source expressions ({@code 'sha256-…'}) that allow the bar's inline
     * style and script without {@code 'unsafe-inline'}: the first for {@code style-src}, the second for
     * {@code script-src}. Both are constant; no per-page value is ever inlined into either.
     */
    public static List<String> cspHashes() {
        return List.of(Assets.cspHash(Assets.CSS), Assets.cspHash(Assets.SCRIPT));
    }

    private static String attr(String value) {
        return Entities.escape(value);
    }

    private static String text(String value) {
        return Entities.escape(value);
    }

    private record Button(Network network, URI href) {}
}
