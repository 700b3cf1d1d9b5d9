package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Foreign ({@code svg}, {@code math}) content, where a {@code <style>} is markup rather than raw
 * text, ends where the HTML parser ends it: at one of the HTML elements that break out of it.
 * Each case is checked against jsoup, which follows the parsing spec.
 */
class SourceTagsForeignContentTest {
    private static final String STYLE = "<style>p{color:red}</style>";

    /** The {@code [start, end)} of the style's text when the scan may skip it, else an empty array. */
    private static int[] skippableStyle(String html) {
        SourceTags tags = new SourceTags(html);
        tags.startTag("none-such", 0); // scans to the end
        return tags.skippableText(html.length());
    }

    private static int[] styleText(String html) {
        int start = html.lastIndexOf("<style>") + "<style>".length();
        return new int[] {start, html.indexOf("</style>", start)};
    }

    /** Whether the HTML parser reads the last {@code <style>} as an HTML element (so its text is raw text). */
    private static boolean parserReadsStyleAsHtml(String html) {
        Document d = Jsoup.parse(html);
        return d.select("style").last().tag().namespace().equals(org.jsoup.parser.Parser.NamespaceHtml);
    }

    @ParameterizedTest
    @ValueSource(strings = {"b", "big", "blockquote", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "i", "img", "li", "listing", "menu", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong",
        "strike", "sub", "sup", "table", "tt", "u", "ul", "var", "DIV", "P"})
    void anHtmlElementInsideSvgEndsTheForeignContent(String tag) {
        String html = "<body><svg><g><" + tag + ">x</" + tag + ">" + STYLE;

        assertEquals(true, parserReadsStyleAsHtml(html), "jsoup agrees the style is HTML after <" + tag + ">");
        assertArrayEquals(styleText(html), skippableStyle(html), tag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<svg><g>", "<svg><svg></svg>", "<svg><foo>", "<math><mrow>", "<svg><a>", "<svg/><svg>"})
    void aStyleStillInsideForeignContentIsMarkupNotSkippableText(String opening) {
        String html = "<body>" + opening + STYLE;

        assertEquals(false, parserReadsStyleAsHtml(html), "jsoup agrees the style is foreign after " + opening);
        assertArrayEquals(new int[0], skippableStyle(html), opening);
    }

    @Test
    void aSelfClosingSvgOpensNoForeignContent() {
        String html = "<body><svg/>" + STYLE;

        assertArrayEquals(styleText(html), skippableStyle(html));
    }

    @Test
    void theForeignContentEndsWithItsOwnEndTag() {
        String html = "<body><svg><svg><g></g></svg></svg>" + STYLE;

        assertArrayEquals(styleText(html), skippableStyle(html));
    }

    @Test
    void aBreakOutInsideNestedSvgEndsAllOfIt() {
        String html = "<body><svg><svg><g><p>x</p>" + STYLE;

        assertEquals(true, parserReadsStyleAsHtml(html));
        assertArrayEquals(styleText(html), skippableStyle(html));
    }

    @Test
    void tagsAfterABreakOutAreFoundAgain() {
        String html = "<body><svg><g><p>x</p><textarea><div></textarea><div id=real></div>";
        SourceTags tags = new SourceTags(html);

        SourceTags.Tag div = tags.startTag("div", 0);
        assertNotNull(div);
        assertEquals(html.indexOf("<div id=real>"), div.start(), "the <div> inside the textarea is raw text, not a tag");
        assertNull(tags.startTag("div", 1));
    }
}
