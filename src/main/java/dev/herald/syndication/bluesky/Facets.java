package dev.herald.syndication.bluesky;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Graphemes;
import dev.herald.internal.Utf8;
import dev.herald.syndication.TextRules;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the links and hashtags in a post's text and addresses them as Bluesky wants: by UTF-8
 * <em>byte</em> offsets into the text (a curly quote is 3 bytes, an emoji 4), not by Java chars.
 *
 * <p>Bluesky does not link anything by itself: text without facets shows as plain text, so every
 * URL and hashtag needs one ({@code app.bsky.richtext.facet}).
 */
final class Facets {
    static final String LINK = "app.bsky.richtext.facet#link";
    static final String TAG = "app.bsky.richtext.facet#tag";

    // A hashtag starts the text or follows whitespace or an opening bracket, and has a letter in it
    // (Bluesky's own client does not tag "#1"); full-width ＃ counts as Bluesky's client counts it.
    private static final Pattern HASHTAG = Pattern.compile("(?<=^|[\\s(\\[])[#＃]([\\p{L}\\p{M}\\p{N}_]*\\p{L}[\\p{L}\\p{M}\\p{N}_]*)");
    // app.bsky.richtext.facet#tag: at most 64 graphemes (640 bytes).
    private static final int MAX_TAG_GRAPHEMES = 64;

    /** One facet: a byte range of the text and what it links to. */
    record Facet(int byteStart, int byteEnd, String type, String value) {}

    private Facets() {}

    /** The link and tag facets of {@code text}, in text order; tags inside links are not tags. */
    static List<Facet> of(String text) {
        List<Facet> out = new ArrayList<>();
        List<int[]> linkRanges = new ArrayList<>();
        // Links as TextRules finds them when it measures the text: one notion of a URL.
        for (TextRules.Span link : TextRules.links(text)) {
            linkRanges.add(new int[] {link.start(), link.end()});
            out.add(new Facet(Utf8.byteOffset(text, link.start()), Utf8.byteOffset(text, link.end()), LINK, text.substring(link.start(), link.end())));
        }
        Matcher t = HASHTAG.matcher(text);
        while (t.find()) {
            if (inside(linkRanges, t.start())) continue;
            String tag = t.group(1);
            if (Graphemes.count(tag) > MAX_TAG_GRAPHEMES) continue;
            out.add(new Facet(Utf8.byteOffset(text, t.start()), Utf8.byteOffset(text, t.end()), TAG, tag));
        }
        out.sort((a, b) -> Integer.compare(a.byteStart(), b.byteStart()));
        return out;
    }

    /** The facets as the record's {@code facets} array. */
    static ArrayNode toJson(List<Facet> facets) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Facet f : facets) {
            ObjectNode facet = array.addObject();
            facet.putObject("index").put("byteStart", f.byteStart()).put("byteEnd", f.byteEnd());
            ObjectNode feature = facet.putArray("features").addObject().put("$type", f.type());
            feature.put(LINK.equals(f.type()) ? "uri" : "tag", f.value());
        }
        return array;
    }

    private static boolean inside(List<int[]> ranges, int index) {
        for (int[] r : ranges) if (index >= r[0] && index < r[1]) return true;
        return false;
    }

}
