package dev.herald.buttons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bar's fixed assets, read once from the jar: the stylesheet, the script and one icon per
 * network, and the two files Herald serves from them (the stylesheet with every icon as a CSS mask,
 * and the script), named by a hash of their content.
 */
final class Assets {
    // Declared first: static fields initialise in order, and ICONS below needs it.
    private static final Pattern SVG_BODY = Pattern.compile("<svg\\b[^>]*>(.*)</svg>", Pattern.DOTALL);
    private static final Pattern SVG_FILE = Pattern.compile("<svg\\b.*</svg>", Pattern.DOTALL);
    /** The layout rules every bar needs; inline mode puts these (and no icons) into the page. */
    static final String CSS = strip(read("herald-share.css"));
    static final String SCRIPT = compactScript(strip(read("herald-share.js")));
    /** The drawing inside each icon's {@code <svg>}, without the element itself. */
    static final Map<Network, String> ICONS = icons();
    /** The served stylesheet: the layout rules and each network's icon as a mask, drawn in the text colour. */
    static final String STYLESHEET = CSS + "\n" + iconRules();
    static final String STYLESHEET_NAME = "share-" + shortHash(STYLESHEET) + ".css";
    static final String SCRIPT_NAME = "share-" + shortHash(SCRIPT) + ".js";

    private Assets() {}

    /** {@code 'sha256-…'}: the CSP source expression that allows an inline element with exactly this text. */
    static String cspHash(String text) {
        return "'sha256-" + Base64.getEncoder().encodeToString(sha256(text)) + "'";
    }

    /** Ten hex digits of the SHA-256 of {@code text}: enough to tell versions apart, short in every page. */
    static String shortHash(String text) {
        return HexFormat.of().formatHex(sha256(text), 0, 5);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static Map<Network, String> icons() {
        Map<Network, String> out = new EnumMap<>(Network.class);
        for (Network n : Network.values()) {
            String file = read("icons/" + n.id() + ".svg");
            Matcher m = SVG_BODY.matcher(file);
            if (!m.find()) throw new IllegalStateException("icons/" + n.id() + ".svg has no <svg> element");
            out.put(n, m.group(1).strip().replaceAll("\\s*\\n\\s*", ""));
        }
        return Map.copyOf(out);
    }

    /**
     * One mask per network, each a {@code data:} URI inside the stylesheet: the icons cost the page
     * nothing, arrive with the one cached file, and make no request of their own. The mask takes the
     * link's text colour, as the inline icons' stroke does. Inline bars ({@code hs-in}) draw their own.
     */
    private static String iconRules() {
        StringBuilder css = new StringBuilder();
        css.append(".herald-share:not(.hs-in) a::before,.herald-share:not(.hs-in) button::before{content:\"\";display:block;flex:none;")
                .append("width:1.25rem;height:1.25rem;background:currentColor;")
                .append("-webkit-mask:var(--hs-i) center/contain no-repeat;mask:var(--hs-i) center/contain no-repeat}\n");
        for (Network n : Network.values()) {
            css.append(".herald-share .").append(n.cssClass()).append("{--hs-i:url(\"data:image/svg+xml,")
                    .append(dataUri(read("icons/" + n.id() + ".svg"))).append("\")}\n");
        }
        // Forced colours would paint the mask's background in the page's own colour, hiding the icon.
        css.append("@media (forced-colors:active){.herald-share a::before,.herald-share button::before{forced-color-adjust:none;background:ButtonText}}");
        return css.toString();
    }

    /** The icon file as the body of a {@code data:image/svg+xml} URL inside a double-quoted CSS {@code url()}. */
    static String dataUri(String svgFile) {
        Matcher m = SVG_FILE.matcher(svgFile);
        if (!m.find()) throw new IllegalStateException("an icon has no <svg> element");
        String svg = m.group().replaceAll("\\s*\\n\\s*", "").replace("currentColor", "#000").replace('"', '\'');
        StringBuilder out = new StringBuilder(svg.length() + 64);
        for (char c : svg.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case '#' -> out.append("%23");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '\\' -> out.append("%5C");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Drops whole-line comments and indentation: the script ships in every page, its comments need not.
     * Only whole lines are touched, so no string or code can change meaning.
     */
    static String compactScript(String js) {
        StringBuilder out = new StringBuilder(js.length());
        for (String line : js.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("//")) continue;
            if (out.length() > 0) out.append('\n');
            out.append(t);
        }
        return out.toString();
    }

    private static String strip(String asset) {
        // Neither may close its element early; they are embedded verbatim in <style>/<script>.
        if (asset.contains("</")) throw new IllegalStateException("an inline asset must not contain '</'");
        return asset.strip();
    }

    static String read(String name) {
        try (InputStream in = Assets.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource dev/herald/buttons/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/herald/buttons/" + name, e);
        }
    }
}
