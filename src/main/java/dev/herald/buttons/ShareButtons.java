package dev.herald.buttons;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jsoup.nodes.Entities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders Herald's share bar: a {@code <nav class="herald-share">} holding a list of plain links,
 * one per network, each named in the reader's language.
 *
 * <p>The bar is light: each button is one link with a short class ({@link Network#cssClass()}) and
 * its share URL; everything the buttons share — the stylesheet, the icons (CSS masks) and the small
 * script — is in two files named by their content hash, linked from {@link ButtonOptions#assets()}
 * and cached by browsers for good. With no asset location the bar is self-contained instead: an
 * inline {@code <style>}, an inline SVG icon per button and an inline script, for e-mail, AMP and
 * sites that cannot serve Herald's files.
 *
 * <p>Either way it works without JavaScript and makes no third-party request: the only URLs in it are
 * the share links themselves and, linked, Herald's own files on the site. Links to other sites open
 * in a new tab with {@code rel="noreferrer"} (which implies {@code noopener}), so the reader keeps
 * their place in the article. The script copies the link to the clipboard and reveals the native
 * Web Share button where the browser supports it.
 *
 * <p>Every value is escaped for its context: query values percent-encoded, then the whole URL
 * HTML-escaped as an attribute. Immutable and thread-safe.
 */
public final class ShareButtons implements ButtonRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(ShareButtons.class);

    // Stroke and fill come from Herald's stylesheet (13 icons would repeat them 13 times); a bar
    // rendered without that stylesheet carries them as attributes, for sites that style it themselves.
    private static final String ICON_START = "<svg viewBox=\"0 0 24 24\" width=\"20\" height=\"20\" aria-hidden=\"true\"";
    private static final String ICON_OPEN = ICON_START + ">";
    private static final String ICON_OPEN_UNSTYLED = ICON_START + " fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\""
            + " stroke-linecap=\"round\" stroke-linejoin=\"round\">";
    /** Languages written right to left: a bar labelled in one runs right to left whatever the page does. */
    private static final Set<String> RTL = Set.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb");

    private static final ShareAsset STYLESHEET = new ShareAsset(Assets.STYLESHEET_NAME, "text/css;charset=utf-8", Assets.STYLESHEET);
    private static final ShareAsset SCRIPT = new ShareAsset(Assets.SCRIPT_NAME, "text/javascript;charset=utf-8", Assets.SCRIPT);

    private final ButtonOptions options;
    private final List<String> headElements;

    /** A renderer with {@link ButtonOptions#DEFAULTS}. */
    public ShareButtons() {
        this(ButtonOptions.DEFAULTS);
    }

    /** A renderer with the given options. */
    public ShareButtons(ButtonOptions options) {
        this.options = Validate.notNull(options, "options");
        List<String> head = new ArrayList<>(2);
        if (options.style()) head.add(options.linksAssets() ? linkElement(options.assets()) : styleElement());
        if (options.script() && options.linksAssets()) head.add(scriptLinkElement(options.assets()));
        this.headElements = List.copyOf(head);
    }

    /** The options this renderer uses. */
    public ButtonOptions options() {
        return options;
    }

    /**
     * The elements each bar starts with that belong in the page's {@code <head>}: the stylesheet (a
     * {@code <link>}, or the inline {@code <style>}) and, when linked, the deferred {@code <script>}.
     * A page transformer moves them there, once for all bars of a page; the taglib leaves them in the
     * bar, where they are valid too. Each carries {@code data-herald-style} or {@code data-herald-script}.
     */
    public List<String> headElements() {
        return headElements;
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
        boolean inline = !options.linksAssets();

        StringBuilder h = new StringBuilder(inline ? 6144 + (options.style() ? Assets.CSS.length() + Assets.SCRIPT.length() : 0) : 2048);
        h.append("<nav class=\"herald-share herald-share--").append(options.layout().id()).append(inline ? " hs-in\" " : "\" ")
                .append(MARKER_ATTRIBUTE)
                .append(" lang=\"").append(attr(labels.locale().toLanguageTag())).append('"');
        if (RTL.contains(labels.locale().getLanguage())) h.append(" dir=\"rtl\"");
        h.append(" aria-label=\"").append(attr(name)).append('"');
        if (options.script() && copy) {
            h.append(" data-copied=\"").append(attr(labels.copied())).append('"')
                    .append(" data-copy-failed=\"").append(attr(labels.copyFailed())).append('"');
        }
        h.append('>');
        for (String e : headElements) h.append(e);
        if (options.heading() != null) {
            // Not an <h2>: the bar must not change the outline of the page it is dropped into.
            h.append("<p class=\"hs-h\">").append(text(options.heading())).append("</p>");
        }
        if (newTab) h.append("<p class=\"hs-sr\">").append(text(labels.newTabNote())).append("</p>");
        // End tags of list items are optional in HTML; leaving them out saves five bytes a button.
        h.append("<ul>");
        for (Button b : buttons) item(h, b, meta, labels, counts.get(b.network), inline);
        h.append("</ul>");
        if (options.script() && copy) h.append("<span class=\"hs-st\" role=\"status\"></span>");
        if (options.script() && inline) h.append(scriptElement());
        h.append("</nav>");
        return h.toString();
    }

    private void item(StringBuilder h, Button b, ArticleMeta meta, ButtonLabels labels, Long count, boolean inline) {
        Network n = b.network;
        String label = labels.name(n);
        boolean showCount = count != null && count >= 0 && n.isDestination();
        if (n == Network.SHARE) {
            // A button, not a link: it does something only with JavaScript, which reveals it.
            h.append("<li hidden><button type=\"button\" class=\"hs-sh\" data-url=\"").append(attr(b.href.toASCIIString())).append('"');
            String headline = ShareLinks.headline(meta);
            if (headline != null) h.append(" data-title=\"").append(attr(headline)).append('"');
            // "Share" inside a bar named "Share" says too little: name the action.
            h.append(" aria-label=\"").append(attr(labels.action(n))).append("\">");
            content(h, n, label, null, inline);
            h.append("</button>");
            return;
        }
        h.append("<li><a class=\"").append(n.cssClass()).append("\" href=\"")
                .append(attr(CompactUrls.compact(b.href, viaEndpoint(n) && options.endpoint().startsWith("/")))).append('"');
        if (opensNewTab(n)) h.append(" target=\"_blank\" rel=\"noreferrer\"");
        // The link's own text names it ("Facebook") inside the bar's landmark ("Share"); an
        // aria-label is added only where the visible text alone would leave something out.
        if (showCount) h.append(" aria-label=\"").append(attr(label + ", " + labels.shareCount(count))).append('"');
        h.append('>');
        content(h, n, label, showCount ? labels.compactCount(count) : null, inline);
        h.append("</a>");
    }

    private boolean viaEndpoint(Network n) {
        return options.endpoint() != null && n.isDestination() && n != Network.EMAIL;
    }

    private void content(StringBuilder h, Network n, String label, String count, boolean inline) {
        if (inline) h.append(options.style() ? ICON_OPEN : ICON_OPEN_UNSTYLED).append(Assets.ICONS.get(n)).append("</svg>");
        h.append(text(label));
        if (count != null) h.append(" <b>").append(text(count)).append("</b>");
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

    /**
     * Herald's whole stylesheet for the bar, the icons included (as CSS masks with {@code data:} URLs):
     * the content of the served stylesheet, for a site that bundles it into its own CSS. Every rule is
     * scoped under {@code .herald-share}.
     */
    public static String css() {
        return Assets.STYLESHEET;
    }

    /**
     * The stylesheet of an inline bar (layout only: its icons are inline SVG) as a
     * {@code <style data-herald-style>} element, for a page that renders its bars with
     * {@link ButtonOptions#style()} off and puts the style once into {@code <head>}.
     */
    public static String styleElement() {
        return "<style data-herald-style>" + Assets.CSS + "</style>";
    }

    /** The bar's script (copy to clipboard, Web Share); it defines no globals and binds every bar on the page once. */
    public static String script() {
        return Assets.SCRIPT;
    }

    /**
     * The files a linked bar loads, to be served under {@link ButtonOptions#assets()} with their
     * {@link ShareAsset#fileName()}: the stylesheet with the icons, and the script.
     */
    public static List<ShareAsset> assets() {
        return List.of(STYLESHEET, SCRIPT);
    }

    private static String linkElement(String base) {
        return "<link rel=\"stylesheet\" href=\"" + attr(base + "/" + STYLESHEET.fileName()) + "\" data-herald-style>";
    }

    private static String scriptLinkElement(String base) {
        // Deferred: it never delays the page, and it runs once the bars are parsed.
        return "<script src=\"" + attr(base + "/" + SCRIPT.fileName()) + "\" defer data-herald-script></script>";
    }

    private static String scriptElement() {
        return "<script data-herald-script>" + Assets.SCRIPT + "</script>";
    }

    /**
     * The Content-Security-Policy source expressions ({@code 'sha256-…'}) that allow an inline bar's
     * style and script without {@code 'unsafe-inline'}: the first for {@code style-src}, the second for
     * {@code script-src}. Both are constant; no per-page value is ever inlined into either. A linked bar
     * needs only {@code 'self'} (or its asset origin).
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
