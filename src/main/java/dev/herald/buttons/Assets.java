package dev.herald.buttons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bar's fixed assets, read once from the jar: the stylesheet, the script and one icon per network. */
final class Assets {
    // Declared first: static fields initialise in order, and ICONS below needs it.
    private static final Pattern SVG_BODY = Pattern.compile("<svg\\b[^>]*>(.*)</svg>", Pattern.DOTALL);
    static final String CSS = strip(read("herald-share.css"));
    static final String SCRIPT = compactScript(strip(read("herald-share.js")));
    /** The drawing inside each icon's {@code <svg>}, without the element itself. */
    static final Map<Network, String> ICONS = icons();

    private Assets() {}

    /** {@code 'sha256-…'}: the CSP source expression that allows an inline element with exactly this text. */
    static String cspHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
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
