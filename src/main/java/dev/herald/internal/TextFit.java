package dev.herald.internal;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Shortens text to a budget the way a reader would want it shortened: between grapheme clusters
 * (never inside an emoji or before a combining mark), after a whole word when one ends near the
 * cut, without dangling punctuation, and ending in an ellipsis.
 */
public final class TextFit {
    /** The single-character ellipsis appended to shortened text. */
    public static final String ELLIPSIS = "…";

    private TextFit() {}

    /**
     * Returns {@code text} unchanged if {@code measure} says it fits {@code budget}; otherwise the
     * longest prefix that, with an ellipsis, fits: cut after a whole word when a word boundary lies
     * in the last third, else between grapheme clusters. Returns the empty string when not even an
     * ellipsis fits.
     *
     * @param measure the network's length of a piece of text; must be additive over grapheme clusters
     */
    public static String fit(String text, int budget, ToIntFunction<String> measure) {
        Validate.notNull(text, "text");
        if (measure.applyAsInt(text) <= budget) return text;
        int ellipsis = measure.applyAsInt(ELLIPSIS);
        if (budget < ellipsis) return "";
        List<String> clusters = Graphemes.split(text);
        StringBuilder prefix = new StringBuilder();
        int used = 0;
        int lastSpace = -1;
        for (String g : clusters) {
            int w = measure.applyAsInt(g);
            if (used + w + ellipsis > budget) break;
            if (g.isBlank()) lastSpace = prefix.length();
            prefix.append(g);
            used += w;
        }
        String cut = prefix.toString();
        if (lastSpace > 0 && lastSpace >= cut.length() * 2 / 3) cut = cut.substring(0, lastSpace);
        // No dangling punctuation before the ellipsis ("Iran says, …"), and no full stop doubled
        // by it ("Gen.…" reads as "Gen…"). Trimming works on chars, so the result is put back on a
        // cluster boundary (a prepended mark such as U+0600 joins the space after it) until stable.
        while (true) {
            cut = cut.stripTrailing();
            while (!cut.isEmpty() && ",;:-–—.".indexOf(cut.charAt(cut.length() - 1)) >= 0) {
                cut = cut.substring(0, cut.length() - 1).stripTrailing();
            }
            int boundary = Graphemes.boundaryAtOrBefore(text, cut.length());
            if (boundary == cut.length()) break;
            cut = text.substring(0, boundary);
        }
        return cut + ELLIPSIS;
    }
}
