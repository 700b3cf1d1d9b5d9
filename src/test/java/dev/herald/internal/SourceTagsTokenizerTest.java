package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the scan reads as a tag: start and end tags with their exact extents, and what it does not
 * (comments, bogus comments, CDATA, quoted attribute values, raw text). Each page is small and the
 * expected offsets are where the tag sits in it; where the HTML rules are subtle, jsoup (which
 * follows the parsing spec) confirms the reading.
 */
class SourceTagsTokenizerTest {

    /** The start offset of the {@code ordinal}-th start tag named {@code name}, or -1 when the scan does not vouch for one. */
    private static int startOf(String html, String name, int ordinal) {
        SourceTags.Tag tag = new SourceTags(html).startTag(name, ordinal);
        return tag == null ? -1 : tag.start();
    }

    /** How many elements named {@code name} jsoup finds in the body of {@code html}. */
    private static int jsoupCount(String html, String name) {
        return Jsoup.parse(html).getElementsByTag(name).size();
    }

    @Test
    void reportsEveryExtentOfAStartTag() {
        String html = "<p>a</p><DIV class=\"x\">b</DIV>";
        SourceTags.Tag div = new SourceTags(html).startTag("div", 0);

        assertNotNull(div);
        assertFalse(div.end());
        assertEquals(9, div.nameStart());
        assertEquals(12, div.nameEnd());
        assertEquals(8, div.start());
        assertEquals(html.indexOf(">b") + 1, div.finish());
        assertEquals(2, div.index(), "the <p>, the </p>, then the <div>");
    }

    @Test
    void reportsEveryExtentOfTheEndTagThatClosesAnElement() {
        String html = "<div>a</div  >";
        SourceTags tags = new SourceTags(html);
        SourceTags.Tag end = tags.endTagOf(tags.startTag("div", 0));

        assertNotNull(end);
        assertTrue(end.end());
        assertEquals(8, end.nameStart());
        assertEquals(11, end.nameEnd());
        assertEquals(6, end.start());
        assertEquals(html.length(), end.finish());
        assertEquals(1, end.index());
    }

    @Test
    void countsOrdinalsFromZeroAndReturnsNullPastTheLast() {
        String html = "<div id=a></div><span></span><div id=b></div>";

        assertEquals(0, startOf(html, "div", 0));
        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 1));
        assertEquals(-1, startOf(html, "div", 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<div>", "<div/>", "<div >", "<div\t>", "<div\n>", "<div\r>", "<div\f>", "<div\nid=x>"})
    void aTagNameEndsAtWhitespaceSlashOrGreaterThan(String tag) {
        String html = "<p>x</p>" + tag + "y";

        SourceTags.Tag div = new SourceTags(html).startTag("div", 0);
        assertNotNull(div, tag);
        assertEquals(12, div.nameEnd(), tag);
        assertEquals(html.length() - 1, div.finish(), tag);
    }

    @Test
    void aNameWithMoreLettersIsAnotherTag() {
        assertEquals(-1, startOf("<divx>a</divx><di>b</di>", "div", 0));
    }

    @Test
    void aLessThanSignNotFollowedByALetterIsText() {
        String html = "a < b <3 <=<div>x</div>";

        assertEquals(html.indexOf("<div>"), startOf(html, "div", 0));
    }

    @Test
    void aLessThanSignAtTheVeryEndIsText() {
        SourceTags tags = new SourceTags("<div>x</div><");

        assertNotNull(tags.startTag("div", 0));
        assertNull(tags.startTag("div", 1));
        assertEquals(0, tags.headInsertionPoint(), "the <div> already ended the head");
    }

    @Test
    void aPageEndingInLessThanSignAndSlashStillHasItsEarlierTags() {
        SourceTags tags = new SourceTags("<div>x</div></");

        assertNotNull(tags.startTag("div", 0));
        assertNull(tags.startTag("span", 0));
    }

    @Test
    void tagsInsideACommentAreNotTags() {
        String html = "<!-- <div> --><div id=real></div>";

        assertEquals(html.indexOf("<div id=real>"), startOf(html, "div", 0));
        assertEquals(-1, startOf(html, "div", 1));
    }

    @Test
    void theShortestCommentsEndAtOnce() {
        // "<!-->" and "<!--->" are whole (empty) comments: the divs after them are real.
        String html = "<!--><div id=a></div><!---><div id=b></div>";

        assertEquals(2, jsoupCount(html, "div"));
        assertEquals(html.indexOf("<div id=a>"), startOf(html, "div", 0));
        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 1));
    }

    @Test
    void aCommentMayEndWithDashDashBangGreaterThan() {
        String html = "<!-- <div> --!><div id=real></div> -->";

        assertEquals(1, jsoupCount(html, "div"));
        assertEquals(html.indexOf("<div id=real>"), startOf(html, "div", 0));
    }

    @Test
    void aCommentEndsAtWhicheverEndingComesFirst() {
        String html = "<!-- x --><div id=a></div> --!><div id=b></div>";

        assertEquals(2, jsoupCount(html, "div"));
        assertEquals(html.indexOf("<div id=a>"), startOf(html, "div", 0));
        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 1));
    }

    @Test
    void anUnclosedCommentHidesTheRestOfThePage() {
        String html = "<div id=a></div><!-- <div id=b></div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(0, tags.startTag("div", 0).start());
        assertNull(tags.startTag("div", 1));
    }

    @Test
    void anUnclosedCommentInTheHeadLeavesItOpenToTheEnd() {
        String html = "<head><title>t</title><!-- never closed";

        assertEquals(html.length(), new SourceTags(html).headInsertionPoint());
    }

    @Test
    void cdataInsideSvgHidesTags() {
        String html = "<svg><![CDATA[ a > <div id=a> ]]></svg><div id=b></div>";

        assertEquals(1, jsoupCount(html, "div"));
        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 0));
    }

    @Test
    void cdataEndsAfterItsClosingBracketsNotBefore() {
        String html = "<svg>]]><![CDATA[x<b id=a>]]></svg><b id=real></b>";

        assertEquals(html.indexOf("<b id=real>"), startOf(html, "b", 0));
        assertEquals(-1, startOf(html, "b", 1));
        String tagLast = "<svg><![CDATA[<b>]]></svg><b id=real></b>";
        assertEquals(tagLast.indexOf("<b id=real>"), startOf(tagLast, "b", 0), "the CDATA's last characters are not read again");
    }

    @Test
    void anUnclosedCdataInsideSvgHidesTheRestOfThePage() {
        assertEquals(-1, startOf("<svg><![CDATA[ <div id=a></div>", "div", 0));
    }

    @Test
    void cdataInHtmlIsABogusCommentThatEndsAtTheFirstGreaterThan() {
        String html = "<![CDATA[ a ><div id=a></div> ]]>";

        assertEquals(1, jsoupCount(html, "div"));
        assertEquals(html.indexOf("<div id=a>"), startOf(html, "div", 0));
    }

    @Test
    void processingInstructionsAndOtherDeclarationsAreBogusComments() {
        String html = "<?php echo '<p>'; ?><!ELEMENT <p> ><div id=a></div>";

        assertEquals(html.indexOf("<div id=a>"), startOf(html, "div", 0));
        assertEquals(-1, startOf(html, "p", 0));
    }

    @Test
    void anUnclosedBogusCommentHidesTheRestOfThePage() {
        assertEquals(-1, startOf("<? <div id=a", "div", 0));
        assertEquals(-1, startOf("</ <div id=a", "div", 0));
    }

    @Test
    void anEmptyEndTagIsDroppedAndWhatFollowsIsRead() {
        String html = "<div id=a></><div id=b></div></div>";
        SourceTags tags = new SourceTags(html);
        SourceTags.Tag a = tags.startTag("div", 0);

        assertEquals(html.indexOf("<div id=b>"), tags.startTag("div", 1).start());
        assertEquals(html.lastIndexOf("</div>"), tags.endTagOf(a).start());
    }

    @Test
    void anEndTagWhoseNameDoesNotStartWithALetterIsABogusComment() {
        String html = "<div id=a></ div><div id=b></div></div>";
        SourceTags tags = new SourceTags(html);
        SourceTags.Tag a = tags.startTag("div", 0);

        assertEquals(html.indexOf("<div id=b>"), tags.startTag("div", 1).start());
        assertEquals(html.lastIndexOf("</div>"), tags.endTagOf(a).start(), "\"</ div>\" closes nothing");
    }

    @Test
    void anEndTagCutOffByTheEndOfThePageIsDropped() {
        SourceTags tags = new SourceTags("<div>x</div");

        assertNull(tags.endTagOf(tags.startTag("div", 0)));
    }

    @Test
    void aStartTagCutOffByTheEndOfThePageIsDropped() {
        assertEquals(-1, startOf("<p>x</p><div id=a", "div", 0));
        assertEquals(-1, startOf("<p>x</p><div", "div", 0));
    }

    @Test
    void aGreaterThanInAQuotedValueDoesNotEndTheTag() {
        String html = "<div title=\"a>b\" data-x='c>d'>x</div>";
        SourceTags.Tag div = new SourceTags(html).startTag("div", 0);

        assertEquals(html.indexOf(">x") + 1, div.finish());
    }

    @Test
    void spacesMayStandAroundTheEqualsSign() {
        String html = "<div title = \"a>b\">x</div>";

        assertEquals(html.indexOf(">x") + 1, new SourceTags(html).startTag("div", 0).finish());
    }

    @Test
    void anUnquotedValueEndsAtWhitespaceOrGreaterThan() {
        String html = "<div a=1 b=2>x</div><div c=x/>y</div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(html.indexOf(">x") + 1, tags.startTag("div", 0).finish());
        assertEquals(html.indexOf(">y") + 1, tags.startTag("div", 1).finish(), "the slash belongs to the value");
    }

    @Test
    void anAttributeNameMayStartWithEqualsSignAndThenTakesInAQuote() {
        // "=" first is a parse error that makes it part of the name, and so is the quote after it: the
        // name is '="a', so the first '>' ends the tag, as in the parser.
        String html = "<div =\"a>b\">x</div>";

        assertEquals("b\">x", Jsoup.parse(html).selectFirst("div").text());
        assertEquals(html.indexOf(">b") + 1, new SourceTags(html).startTag("div", 0).finish());
    }

    @Test
    void anAttributeNameEndsAtSlashOrGreaterThan() {
        String html = "<div a/b>x</div><div c>y</div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(html.indexOf(">x") + 1, tags.startTag("div", 0).finish());
        assertEquals(html.indexOf(">y") + 1, tags.startTag("div", 1).finish());
    }

    @Test
    void aValueNeverClosedByItsQuoteHidesTheRestOfThePage() {
        assertEquals(-1, startOf("<div title=\"a><div id=b></div>", "div", 0));
        assertEquals(-1, startOf("<div title='a><div id=b></div>", "div", 0));
    }

    @Test
    void anEqualsSignAtTheEndOfThePageDropsTheTag() {
        assertEquals(-1, startOf("<div title=", "div", 0));
        assertEquals(-1, startOf("<div title=  ", "div", 0));
    }

    @Test
    void attributesMayFollowEachOtherWithoutSpace() {
        String html = "<div a=\"1\"b='2'c=3>x</div>";

        assertEquals(html.indexOf(">x") + 1, new SourceTags(html).startTag("div", 0).finish());
    }

    @Test
    void endTagsMayCarryAttributesTheParserIgnores() {
        String html = "<div>x</div class=\"a>b\">y";
        SourceTags tags = new SourceTags(html);

        assertEquals(html.length() - 1, tags.endTagOf(tags.startTag("div", 0)).finish());
    }

    @Test
    void findsThePlaceholderByItsAttributeInAnyCase() {
        String html = "<div data-herald-sharex></div><p title=data-herald-share></p><span DATA-HERALD-SHARE=\"\"></span>";
        SourceTags.Tag tag = new SourceTags(html).firstSharePlaceholder();

        assertEquals(html.indexOf("<span"), tag.start());
    }

    @Test
    void findsAPlaceholderWhoseAttributeEndsTheTag() {
        String html = "<p>x</p><div data-herald-share/><div data-herald-share>";
        SourceTags.Tag tag = new SourceTags(html).firstSharePlaceholder();

        assertEquals(8, tag.start());
    }

    @Test
    void anEndTagIsNeverThePlaceholder() {
        String html = "<div>x</div data-herald-share><p data-herald-share></p>";

        assertEquals(html.indexOf("<p "), new SourceTags(html).firstSharePlaceholder().start());
    }

    @Test
    void aPageWithoutAPlaceholderHasNone() {
        assertNull(new SourceTags("<div data-herald=share></div>").firstSharePlaceholder());
    }

    @ParameterizedTest
    @ValueSource(strings = {"script", "style", "title", "textarea", "xmp", "iframe", "noembed", "noframes", "SCRIPT", "Title"})
    void tagsInsideRawTextAreNotTags(String element) {
        String html = "<body><" + element + "><div id=a></div></" + element + "><div id=b></div>";

        assertEquals(1, jsoupCount(html, "div"), element);
        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 0), element);
        assertEquals(-1, startOf(html, "div", 1), element);
    }

    @ParameterizedTest
    @ValueSource(strings = {"</script>", "</SCRIPT>", "</script >", "</script/>", "</script\n>"})
    void rawTextEndsAtItsEndTagInAnyCaseAndForm(String endTag) {
        String html = "<script>a</b>" + endTag + "<div id=b></div>";

        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 0), endTag);
    }

    @Test
    void rawTextDoesNotEndAtALongerName() {
        String html = "<script>a</scripts><div id=a></div></script><div id=b></div>";

        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 0));
    }

    @Test
    void rawTextEndingTheVeryPageWithItsBareEndTagName() {
        // "</title" at the end of the page is where the raw text ends; the unfinished end tag is dropped.
        String html = "<div>x</div><title>t</title";
        SourceTags tags = new SourceTags(html);

        assertNotNull(tags.startTag("title", 0));
        assertNull(tags.startTag("div", 1));
    }

    @Test
    void anUnclosedRawTextElementLeavesNothingAfterItCertain() {
        String html = "<div id=a></div><textarea><div id=b></div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(0, tags.startTag("div", 0).start(), "what comes before is still certain");
        assertNull(tags.startTag("div", 1));
        assertNull(tags.startTag("textarea", 0), "the textarea's tag ends where uncertainty starts");
    }

    @Test
    void plaintextMakesEverythingAfterItUncertain() {
        String html = "<div id=a></div><plaintext><div id=b></div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(0, tags.startTag("div", 0).start());
        assertNull(tags.startTag("div", 1));
        assertNull(tags.startTag("plaintext", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sc", "scripts", "plaintexts", "titles", "tex", "x"})
    void elementsNamedLikeRawTextOnesAreNot(String name) {
        String html = "<" + name + "><div id=a></div></" + name + ">";

        assertEquals(html.indexOf("<div id=a>"), startOf(html, "div", 0), name);
    }

    @Test
    void aCommentInsideAScriptIsPartOfItsText() {
        String html = "<script><!-- var a = '<div>'; --></script><div id=b></div>";

        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 0));
    }

    @Test
    void aScriptTagInsideACommentInsideAScriptMakesWhatFollowsUncertain() {
        String html = "<div id=a></div><script><!-- document.write('<SCRIPT>x</script>'); --></script><div id=b></div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(0, tags.startTag("div", 0).start());
        assertNull(tags.startTag("div", 1));
        assertEquals(new int[0].length, tags.skippableText(html.length()).length);
    }

    @Test
    void aScriptLikeNameInsideACommentInsideAScriptIsHarmless() {
        String html = "<script><!-- var scripts = '<scripts>'; --></script><div id=b></div>";

        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 0));
    }

    @Test
    void aScriptTagInsideACommentPastTheScriptsEndIsHarmless() {
        String html = "<p>x</p><script>var a = '<!--';</script><div id=b></div><script>x</script>";

        assertEquals(html.indexOf("<div id=b>"), startOf(html, "div", 0));
    }

    @Test
    void aScriptTagAtTheVeryEndAfterACommentIsStillSeen() {
        String html = "<div id=a></div><script><!-- <script";
        SourceTags tags = new SourceTags(html);

        assertNull(tags.startTag("script", 0));
        assertArrayEquals(new int[0], tags.skippableText(html.length()));
    }

    @Test
    void anUnclosedScriptLeavesNothingAfterItCertain() {
        String html = "<div id=a></div><script>var a; <div id=b></div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(0, tags.startTag("div", 0).start());
        assertNull(tags.startTag("div", 1));
        assertArrayEquals(new int[0], tags.skippableText(html.length()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "z", "A", "Z"})
    void tagNamesStartWithAnyAsciiLetter(String name) {
        String html = "<p>x</p><" + name + " id=t>y</" + name + ">";
        SourceTags tags = new SourceTags(html);
        SourceTags.Tag tag = tags.startTag(name, 0);

        assertEquals(8, tag.start(), name);
        assertEquals(html.lastIndexOf("</"), tags.endTagOf(tag).start(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@", "[", "`", "{", "0"})
    void aLessThanSignBeforeAnythingButALetterStartsNoTag(String c) {
        String html = "<" + c + "div>x</" + c + "div><div id=real></div>";

        assertEquals(1, jsoupCount(html, "div"), c);
        assertEquals(html.indexOf("<div id=real>"), startOf(html, "div", 0), c);
    }

    @Test
    void aSlashCutOffByTheEndOfThePageDropsTheTag() {
        assertEquals(-1, startOf("<p>x</p><div/", "div", 0));
        assertEquals(-1, startOf("<p>x</p><div /", "div", 0));
    }

    @Test
    void readsPagesWithMoreTagsThanItFirstMakesRoomFor() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 700; i++) html.append("<p>").append(i).append("</p>");
        html.append("<div id=last></div>");
        String page = html.toString();
        SourceTags tags = new SourceTags(page);

        SourceTags.Tag div = tags.startTag("div", 0);
        assertEquals(page.indexOf("<div id=last>"), div.start());
        assertEquals(1400, div.index());
        assertEquals(page.length() - 6, tags.endTagOf(div).start());
        assertEquals(page.indexOf("<p>699<"), tags.startTag("p", 699).start());
    }
}
