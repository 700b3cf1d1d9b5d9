package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the scan says about a page's structure: where the head ends, which script and style text
 * the parser may skip, which end tag closes an element, whether the tags between nest, and which
 * elements are open around a tag. Expectations are positions in small pages written for each test,
 * confirmed against jsoup where the HTML rules decide.
 */
class SourceTagsStructureTest {

    private static int head(String html) {
        return new SourceTags(html).headInsertionPoint();
    }

    private static int[] skippable(String html) {
        SourceTags tags = new SourceTags(html);
        tags.startTag("none-such", 0); // scans to the end
        return tags.skippableText(html.length());
    }

    /** The {@code [start, end)} of the text between the {@code ordinal}-th {@code open} and the {@code close} after it. */
    private static int[] between(String html, String open, String close) {
        int start = html.indexOf(open) + open.length();
        return new int[] {start, html.indexOf(close, start)};
    }

    // ---- where the head ends ----

    @Test
    void theHeadEndsBeforeItsEndTag() {
        String html = "<!DOCTYPE html><html><head><title>t</title><meta charset=utf-8></head><body><p>x</p></body></html>";

        assertEquals(html.indexOf("</head>"), head(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {"</body>", "</html>", "</br>", "</HEAD>"})
    void theseEndTagsEndTheHead(String endTag) {
        String html = "<head><title>t</title>" + endTag + "<p>x</p>";

        assertEquals(html.indexOf(endTag), head(html), endTag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"</p>", "</div>", "</title>", "</meta>"})
    void otherEndTagsInTheHeadAreIgnored(String endTag) {
        String html = "<head><title>t</title>" + endTag + "<link rel=x></head>";

        assertEquals(html.indexOf("</head>"), head(html), endTag);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<base href=/>", "<basefont>", "<bgsound>", "<link rel=x>", "<meta name=a>", "<title>t</title>",
        "<style>a{}</style>", "<script>1</script>", "<noframes>x</noframes>"})
    void elementsThatBelongInTheHeadKeepItOpen(String element) {
        String html = "<head>" + element + "</head>";

        assertEquals(html.indexOf("</head>"), head(html), element);
    }

    @ParameterizedTest
    @ValueSource(strings = {"<div>", "<p>", "<img src=a>", "<h1>", "<a href=x>"})
    void aTagThatCannotBeInTheHeadEndsItWhereItStarts(String tag) {
        String html = "<html><head><title>t</title>\n" + tag + "x";

        assertEquals(html.indexOf(tag), head(html), tag);
        assertEquals(Jsoup.parse(html).head().childrenSize(), 1, "jsoup agrees: only the title is in the head");
    }

    @Test
    void textEndsTheHeadAtItsFirstNonSpaceCharacter() {
        String html = "<head><meta charset=utf-8> \t\r\n\fHello";

        assertEquals(html.indexOf("Hello"), head(html));
    }

    @Test
    void whitespaceAloneDoesNotEndTheHead() {
        String html = "<head>\n  <meta charset=utf-8>\n  </head>";

        assertEquals(html.indexOf("</head>"), head(html));
    }

    @Test
    void aLoneLessThanSignIsTextThatEndsTheHead() {
        String html = "<head><meta charset=utf-8>< x</head>";

        assertEquals(html.indexOf("< x"), head(html));
    }

    @Test
    void aPageWithOnlyHeadElementsEndsTheHeadAtTheEnd() {
        String html = "<title>t</title><meta charset=utf-8>\n";

        assertEquals(html.length(), head(html));
    }

    @Test
    void anEmptyPageHasItsHeadAtZero() {
        assertEquals(0, head(""));
    }

    @Test
    void neverBeforeTheDoctypeOrTheHtmlAndHeadStartTags() {
        assertEquals("<!doctype html>".length(), head("<!doctype html>x"));
        assertEquals("<!DOCTYPE html><html lang=en>".length(), head("<!DOCTYPE html><html lang=en>"));
        assertEquals("<html><head>".length(), head("<html><head>"));
    }

    @Test
    void aDoctypeLaterInThePageMovesNothing() {
        String html = "<div>x</div><!DOCTYPE html>";

        assertEquals(0, head(html));
    }

    @Test
    void anHtmlStartTagAfterTheHeadEndedMovesNothing() {
        String html = "<p>x</p><html lang=en><head>";

        assertEquals(0, head(html));
    }

    @Test
    void noscriptAndTemplateContentsInTheHeadDoNotEndIt() {
        String html = "<head><noscript><img src=a><p>text</p><noscript></noscript></noscript>"
            + "<template><div>x</div><template><p>y</p></template></template><meta name=a></head>";

        assertEquals(html.indexOf("</head>"), head(html));
    }

    @Test
    void theHeadEndsAfterANoscriptClosesWhenBodyContentFollows() {
        String html = "<head><noscript><p>n</p></noscript><div>x</div>";

        assertEquals(html.indexOf("<div>"), head(html));
    }

    @Test
    void noscriptNestedInsideTemplateIsCountedSoTheHeadStaysOpenUntilBothClose() {
        String html = "<head><template><noscript></noscript><p>in template</p></template><div>x</div>";

        assertEquals(html.indexOf("<div>"), head(html));
    }

    @Test
    void aStartTagCutOffByTheEndOfThePageEndsTheHeadWhereItStarts() {
        String html = "<head><meta charset=utf-8><link href=\"x";

        assertEquals(html.indexOf("<link"), head(html));
    }

    @Test
    void anEndTagCutOffByTheEndOfThePageEndsTheHeadWhereItStarts() {
        String html = "<head><meta charset=utf-8></head";

        assertEquals(html.indexOf("</head"), head(html));
    }

    @Test
    void aLoneLessThanSignAtTheVeryEndEndsTheHeadThere() {
        String html = "<head><meta charset=utf-8><";

        assertEquals(html.length() - 1, head(html));
    }

    @Test
    void aBareLessThanSlashAtTheVeryEndEndsTheHeadThere() {
        String html = "<head><meta charset=utf-8></";

        assertEquals(html.length() - 2, head(html));
    }

    @Test
    void anUnclosedCommentAfterTheHeadMovesNothing() {
        String html = "<head><title>t</title></head><body><p>x<!-- never closed";

        assertEquals(html.indexOf("</head>"), head(html));
    }

    @Test
    void aCutTagAfterTheHeadMovesNothing() {
        String html = "<head></head><body><p>x</p><div class=\"never closed";

        assertEquals(6, head(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!-->", "<!--->", "<!-- a comment -->", "<!-- a comment --!>", "</>", "<!-- a --><!-- b -->"})
    void commentsAndDroppedTagsInTheHeadLeaveNoTextBehind(String dropped) {
        String html = "<head>" + dropped + "<meta charset=utf-8></head>";

        assertEquals(html.indexOf("</head>"), head(html), dropped);
    }

    @Test
    void aCommentEndingBeforeItsStartIsNotItsEnd() {
        String html = "<head>a --><!-- <div id=a> --><div id=b></div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(6, tags.headInsertionPoint());
        assertEquals(html.indexOf("<div id=b>"), tags.startTag("div", 0).start());
    }

    @Test
    void aTagClosedInsideANoscriptInTheHeadDoesNotCloseTheNoscript() {
        String html = "<head><noscript><p>x</p><span>y</span></noscript><div>z</div>";

        assertEquals(html.indexOf("<div>"), head(html));
    }

    @Test
    void noHeadPointWhenTheScanIsUnsureBeforeIt() {
        assertEquals(-1, head("<head><script><!-- <script>x</script> --></script></head>"));
        assertEquals(-1, head("<head><title>never closed</head>"));
        assertEquals(-1, head("<head><script>"), "an empty unclosed script at the very end");
    }

    @Test
    void aHeadPointBeforeTheUncertaintyStands() {
        String html = "<head><title>t</title></head><body><plaintext><p>x";

        assertEquals(html.indexOf("</head>"), head(html));
    }

    @Test
    void plaintextInTheHeadEndsTheHeadBeforeIt() {
        String html = "<head><meta charset=utf-8><plaintext></head>";

        assertEquals(html.indexOf("<plaintext>"), head(html));
    }

    @Test
    void askingAgainGivesTheSameHeadPointAfterOtherQuestions() {
        String html = "<head><title>t</title></head><body><div>x</div></body>";
        SourceTags tags = new SourceTags(html);

        assertNotNull(tags.startTag("div", 0));
        assertEquals(html.indexOf("</head>"), tags.headInsertionPoint());
        assertEquals(html.indexOf("</head>"), tags.headInsertionPoint());
    }

    // ---- text the parser may skip ----

    @Test
    void scriptAndStyleTextIsSkippableInOrder() {
        String html = "<head><script src=a>var a = '</p>';</script><style>p>a{}</style><title>T</title>"
            + "<textarea>x</textarea></head>";
        int[] script = between(html, "<script src=a>", "</script>");
        int[] style = between(html, "<style>", "</style>");

        assertArrayEquals(new int[] {script[0], script[1], style[0], style[1]}, skippable(html),
            "titles and textareas are read, so not skippable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/ld+json", "APPLICATION/LD+JSON", "ld+json"})
    void jsonLdScriptsAreRead(String type) {
        assertArrayEquals(new int[0], skippable("<script type=\"" + type + "\">{\"@type\":\"NewsArticle\"}</script>"));
        assertArrayEquals(new int[0], skippable("<script type=" + type + ">{}</script>"));
    }

    @Test
    void aScriptThatOnlyMentionsJsonInItsTextIsSkippable() {
        String html = "<script>var t = 'ld+json';</script>";

        assertArrayEquals(between(html, "<script>", "</script>"), skippable(html));
    }

    @Test
    void emptyScriptsAndStylesLeaveNothingToSkip() {
        assertArrayEquals(new int[0], skippable("<script></script><style></style>"));
    }

    @Test
    void anUnclosedStyleIsNotSkippable() {
        assertArrayEquals(new int[0], skippable("<style>p{color:red}"));
    }

    @Test
    void aStyleClosedOnlyByItsBareNameAtTheEndIsSkippable() {
        String html = "<style>p{}</style";

        assertArrayEquals(new int[] {7, 10}, skippable(html));
    }

    @Test
    void scriptsInsideSvgAreMarkupNotSkippableText() {
        assertArrayEquals(new int[0], skippable("<body><svg><script>var a;</script></svg>"));
    }

    @Test
    void aScriptWhoseTextStartsWithTheJsonLdWordIsStillSkippable() {
        String html = "<script>ld+json</script>";

        assertArrayEquals(new int[] {8, 15}, skippable(html));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<svg><g></svg>", "<math><mi></math>", "<svg><math></math></svg>", "<math><svg><g></svg></math>"})
    void foreignContentEndsWithTheEndTagOfItsRoot(String foreign) {
        String html = "<body>" + foreign + "<style>p{}</style>";

        assertEquals("style", org.jsoup.Jsoup.parse(html).select("style").last().tagName());
        assertEquals(org.jsoup.parser.Parser.NamespaceHtml, org.jsoup.Jsoup.parse(html).select("style").last().tag().namespace(), foreign);
        assertArrayEquals(between(html, "<style>", "</style>"), skippable(html), foreign);
    }

    @Test
    void onlyRangesEndingByTheLimitAreGiven() {
        String html = "<script>a</script><script>bb</script>";
        SourceTags tags = new SourceTags(html);
        tags.startTag("none-such", 0);

        assertArrayEquals(new int[] {8, 9}, tags.skippableText(9), "a range ending exactly at the limit is in");
        assertArrayEquals(new int[] {8, 9}, tags.skippableText(27));
        assertArrayEquals(new int[] {8, 9, 26, 28}, tags.skippableText(28));
        assertArrayEquals(new int[0], tags.skippableText(8));
    }

    @Test
    void keepsEverySkippableRangeOfAPageWithManyScripts() {
        StringBuilder html = new StringBuilder();
        for (int i = 0; i < 20; i++) html.append("<script>s").append(i).append("</script>");

        int[] ranges = skippable(html.toString());
        assertEquals(40, ranges.length);
        assertEquals("s19", html.substring(ranges[38], ranges[39]));
    }

    // ---- the end tag that closes an element ----

    @Test
    void theEndTagOfAnElementSkipsNestedElementsOfTheSameName() {
        String html = "<div id=a><span></span><div><DIV></div></Div></div><div></div>";
        SourceTags tags = new SourceTags(html);

        assertEquals(html.indexOf("</div><div></div>"), tags.endTagOf(tags.startTag("div", 0)).start());
    }

    @Test
    void anElementWithoutAnEndTagHasNone() {
        SourceTags tags = new SourceTags("<div><div></div>");

        assertNull(tags.endTagOf(tags.startTag("div", 0)));
    }

    @Test
    void aSelfClosingSlashOnAnHtmlElementOpensItAsTheParserDoes() {
        String html = "<div id=a><div/>x</div></div>";
        Element inner = Jsoup.parse(html).getElementsByTag("div").get(1);
        assertEquals("x", inner.text(), "jsoup: the slash is ignored, so the x is inside");
        SourceTags tags = new SourceTags(html);

        assertEquals(html.lastIndexOf("</div>"), tags.endTagOf(tags.startTag("div", 0)).start());
    }

    @Test
    void aSelfClosingSvgInsideSvgIsClosedAsTheParserDoes() {
        String html = "<svg id=a><svg/><g></g></svg><p>x</p>";
        SourceTags tags = new SourceTags(html);

        assertEquals(html.indexOf("</svg>"), tags.endTagOf(tags.startTag("svg", 0)).start());
    }

    @Test
    void aNestedSvgThatIsNotSelfClosingIsCountedForItsEnd() {
        String html = "<svg id=a><svg><g></g></svg></svg><p>x</p>";
        SourceTags tags = new SourceTags(html);

        assertEquals(html.lastIndexOf("</svg>"), tags.endTagOf(tags.startTag("svg", 0)).start());
    }

    @Test
    void noEndTagIsVouchedForPastTheScansCertainty() {
        SourceTags tags = new SourceTags("<div><script><!-- <script></script></div>");

        assertNull(tags.endTagOf(tags.startTag("div", 0)));
    }

    // ---- names and counts ----

    @Test
    void namesCompareIgnoringCaseButNotLength() {
        SourceTags tags = new SourceTags("<DiV></DiV>");
        SourceTags.Tag div = tags.startTag("div", 0);

        assertTrue(tags.isNamed(div, "div"));
        assertTrue(tags.isNamed(div, "DIV"));
        assertFalse(tags.isNamed(div, "di"));
        assertFalse(tags.isNamed(div, "divs"));
        assertFalse(tags.isNamed(div, "dix"));
    }

    @Test
    void countsTheStartTagsStrictlyBetweenTwoTags() {
        String html = "<div><p>a<br></p><span></span><img></div>";
        SourceTags tags = new SourceTags(html);
        SourceTags.Tag div = tags.startTag("div", 0);

        assertEquals(4, tags.startTagsBetween(div, tags.endTagOf(div)));
        assertEquals(0, tags.startTagsBetween(div, tags.startTag("p", 0)));
    }

    // ---- nesting between two tags ----

    private static boolean balanced(String html) {
        SourceTags tags = new SourceTags(html);
        SourceTags.Tag start = tags.startTag("article", 0);
        return tags.balanced(start, tags.endTagOf(start));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<article><p>a</p><div><span>b</span></div></article>",
        "<article><p>a<p>b</article>",
        "<article><ul><li>a<li>b</ul></article>",
        "<article><div><p>x</div></article>",
        "<article><br><img src=a><hr><input><wbr><meta><link><source><track><embed><area><col><param><base></article>",
        "<article><svg><path/><circle/></svg></article>",
        "<article><address><p>x</address></article>",
        "<article><map><area></map></article>",
        "<article><abcdefghijk></abcdefghijk></article>",
        "<article><dl><dt>a<dd>b</dl></article>"})
    void tagsThatNestAreBalanced(String html) {
        assertTrue(balanced(html), html);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<article><b>x</article>",
        "<article><span></b></span></article>",
        "<article><span/></article>",
        "<article><span><p>x</span></article>",
        "<article><em><p>x</article>",
        "<article></div></article>"})
    void tagsThatDoNotNestAreNotBalanced(String html) {
        assertFalse(balanced(html), html);
    }

    @Test
    void deepNestingIsBalanced() {
        String html = "<article>" + "<span>".repeat(40) + "x" + "</span>".repeat(40) + "</article>";

        assertTrue(balanced(html));
        assertFalse(balanced("<article>" + "<span>".repeat(40) + "x" + "</span>".repeat(39) + "</article>"));
    }

    // ---- the open elements around a tag ----

    private static boolean opensWithin(String html, String... ancestors) {
        SourceTags tags = new SourceTags(html);
        SourceTags.Tag tag = tags.firstSharePlaceholder();
        return tags.opensWithin(tag, List.of(ancestors));
    }

    @Test
    void namesTheElementsOpenAroundATagOutermostFirst() {
        String html = "<html><head></head><body><article><p>a</p><br><div><div data-herald-share></div></div></article></body></html>";

        assertTrue(opensWithin(html, "article", "div"));
        assertFalse(opensWithin(html, "article"));
        assertFalse(opensWithin(html, "div"));
        assertFalse(opensWithin(html, "article", "div", "div"));
        assertFalse(opensWithin(html, "div", "article"));
    }

    @Test
    void elementsWithOptionalEndTagsMayBeLeftOpenInBetween() {
        String html = "<ul><li><p>text<div data-herald-share></div>";

        assertTrue(opensWithin(html, "ul", "li"));
        assertTrue(opensWithin(html, "ul", "li", "p"));
    }

    @Test
    void voidAndSelfClosingForeignElementsOpenNothing() {
        String html = "<section><img src=a><svg><path/></svg><input><span data-herald-share></span></section>";

        assertTrue(opensWithin(html, "section"));
    }

    @Test
    void aTagInsideATableOrOtherModeSwitchingElementIsNotVouchedFor() {
        assertFalse(opensWithin("<table><tr><td><div data-herald-share></div>", "table", "tbody", "tr", "td"));
        assertFalse(opensWithin("<table><tr><td><div data-herald-share></div>", "table", "tr", "td"));
        assertFalse(opensWithin("<noscript><div data-herald-share></div>", "noscript"));
    }

    @Test
    void anEarlierMisnestingMakesTheOpenElementsUnknown() {
        assertFalse(opensWithin("<div><b></div><span data-herald-share></span>"));
        assertFalse(opensWithin("<div></span></div><span data-herald-share></span>"));
    }

    @Test
    void theHtmlHeadAndBodyTagsAreLeftOut() {
        assertTrue(opensWithin("<html><body><main><span data-herald-share></span>", "main"));
        assertTrue(opensWithin("<body></body><main><span data-herald-share>", "main"));
    }

    @Test
    void deepNestingIsFollowed() {
        String html = "<main>" + "<div>".repeat(40) + "<span data-herald-share>";
        String[] names = new String[41];
        names[0] = "main";
        java.util.Arrays.fill(names, 1, 41, "div");

        assertTrue(opensWithin(html, names));
    }
}
