package dev.herald.syndication.bluesky;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Utf8;
import dev.herald.syndication.TextRules;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rich-text facets of a post: a link facet over every URL and a tag facet over every hashtag,
 * addressed by UTF-8 <em>byte</em> offsets into the text, as the {@code app.bsky.richtext.facet}
 * lexicon requires (a curly quote before a link is three bytes, an emoji four or more, so char
 * offsets would put the link in the wrong place).
 */
final class Facets {
    // A hashtag as the Bluesky app detects one: after start or whitespace, not all digits, no '#'.
    private static final Pattern TAG = Pattern.compile("(?<=^|\\s)#([\\p{L}\\p{N}_]*\\p{L}[\\p{L}\\p{N}_]*)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int MAX_TAG_BYTES = 640;

    private Facets() {}

    /** The facets of {@code text}, in order of position. */
    static ArrayNode of(String text) {
        ArrayNode facets = JsonNodeFactory.instance.arrayNode();
        for (TextRules.Span link : TextRules.links(text)) {
            ObjectNode f = facet(facets, text, link.start(), link.end());
            f.putArray("features").addObject()
                    .put("$type", "app.bsky.richtext.facet#link")
                    .put("uri", text.substring(link.start(), link.end()));
        }
        Matcher m = TAG.matcher(text);
        while (m.find()) {
            if (Utf8.length(m.group(1)) > MAX_TAG_BYTES || insideLink(text, m.start())) continue;
            facet(facets, text, m.start(), m.end()).putArray("features").addObject()
                    .put("$type", "app.bsky.richtext.facet#tag")
                    .put("tag", m.group(1));
        }
        return facets;
    }

    private static boolean insideLink(String text, int index) {
        for (TextRules.Span link : TextRules.links(text)) if (index >= link.start() && index < link.end()) return true;
        return false;
    }

    private static ObjectNode facet(ArrayNode facets, String text, int start, int end) {
        ObjectNode f = facets.addObject();
        f.putObject("index").put("byteStart", Utf8.byteOffset(text, start)).put("byteEnd", Utf8.byteOffset(text, end));
        return f;
    }
}
