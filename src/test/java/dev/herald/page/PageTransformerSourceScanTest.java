package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.internal.SourceTags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * The transformer places markup from a scan of the source instead of a position-tracking parse; these
 * tests hold that scan to what jsoup's own position tracking reports, wherever the scan vouches for
 * an answer.
 */
class PageTransformerSourceScanTest {
    static final String[] FIXTURES = {"seed-article.html", "wordpress-news.html", "newspaper-graph.html", "title-and-paragraphs.html",
        "amp-article.html", "lazy-images.html", "hostile.html", "implicit-head.html", "bench-news-100k.html"};
    static final String[] NAMES = {"h1", "h2", "h3", "article", "div", "span", "section", "figure", "header", "li", "ul", "table", "td"};
    static final String[] TRICKY = {
        "<div><!-- <div> --><div title='</div>'>x</div></div>",
        "<div><script>var s = '<div></div>';</script><p>a</p></div>",
        "<div><script><!-- document.write('<script>x</script>'); --></script></div><h1>after</h1>",
        "<div><style>p>a{}</style><textarea></div></textarea></div>",
        "<div><svg><title>icon</title><style><div></style></svg><p>x</p></div>",
        "<div><math><mi><div>in math</div></mi></math></div>",
        "<div a=\"1\"b='2'c=3/><span/>x</div>",
        "<DIV CLASS=X><H1>Upper</H1></DIV>",
        "<div><![CDATA[ <div> ]]></div>",
        "<div><!--> <div>x</div> <!---> </div>",
        "<div><? php <div> ?><div>y</div></div>",
        "<div></ div><div>z</div></div>",
        "<article><h1>t</h1><article><p>nested</p></article></article>",
        "<table><tr><td><h1>in table</h1></td></tr></table>",
        "<p><b>bold<p>again</b></p>",
        "<h1>unclosed<p>para</p>",
        "<div><title>t</title><iframe><div></iframe><noscript><div>n</div></noscript></div>",
        "<div><xmp><div></xmp><plaintext><div></div>",
        "<div data-x=\"a>b\">gt in value</div>",
        "<div>\u0000<div>nul</div></div>",
    };

    static final String[] SNIPPETS = {"</div>", "<div>", "<p>", "</p>", "<table>", "<tr>", "<td>", "</span>", "<!--", "-->",
        "<script>", "</script>", "<h1>", "</h1>", "<svg>", "</svg>", "<b>", "</b>", "<li>", "<textarea>", "<title>", "\"", "'",
        "<br/>", "</br>", "<a href=x>", "</a>", "<math>", "<![CDATA[", "]]>", "<noscript>", "</article>", "<article>", "<template>"};

    static List<String> corpus(int rounds, long seed) {
        List<String> docs = new ArrayList<>(List.of(TRICKY));
        Random random = new Random(seed);
        String noise = "<>\"'/=!- \n";
        for (String f : FIXTURES) {
            String text = new String(PageTransformerTest.fixture(f), StandardCharsets.UTF_8);
            docs.add(text);
            for (int round = 0; round < (f.startsWith("bench") ? rounds / 8 : rounds); round++) {
                StringBuilder sb = new StringBuilder(text);
                for (int k = 0; k < 6; k++) sb.setCharAt(random.nextInt(sb.length()), noise.charAt(random.nextInt(noise.length())));
                for (int k = 0; k < 3; k++) sb.insert(random.nextInt(sb.length()), SNIPPETS[random.nextInt(SNIPPETS.length)]);
                docs.add(sb.toString());
            }
        }
        return docs;
    }

    static List<String> corpus() {
        return corpus(Integer.getInteger("herald.scan.rounds", 40), Long.getLong("herald.scan.seed", 11));
    }

    @Test
    void agreesWithJsoupPositionTrackingWheneverItVouchesForAnElement() {
        int verified = 0;
        for (String text : corpus()) {
            Document plain = Parser.htmlParser().parseInput(text, "https://x.example/");
            Document tracked = Parser.htmlParser().setTrackPosition(true).parseInput(text, "https://x.example/");
            SourceTags source = new SourceTags(text);
            for (String name : NAMES) {
                List<Element> elements = plain.getElementsByTag(name);
                List<Element> same = tracked.getElementsByTag(name);
                for (int k = 0; k < elements.size(); k++) {
                    SourceTags.Tag start = source.startTag(name, k);
                    if (start == null) continue;
                    SourceTags.Tag end = source.endTagOf(start);
                    if (end == null || !source.opensWithin(start, ancestors(elements.get(k))) || !source.balanced(start, end)
                            || source.startTagsBetween(start, end) != elements.get(k).getAllElements().size() - 1) continue;
                    Range open = same.get(k).sourceRange();
                    Range close = same.get(k).endSourceRange();
                    String where = name + "#" + k + " scan " + start + " " + end + " jsoup " + open + " " + close + " source ["
                            + text.substring(Math.max(0, start.start() - 200), Math.min(text.length(), end.finish() + 60)) + "]";
                    assertEquals(open.startPos(), start.start(), where);
                    assertEquals(open.endPos(), start.finish(), where);
                    assertTrue(close.isTracked() && !close.isImplicit(), where);
                    assertEquals(close.startPos(), end.start(), where);
                    assertEquals(close.endPos(), end.finish(), where);
                    verified++;
                }
            }
        }
        assertTrue(verified > 1500, "vouched for " + verified);
    }

    @Test
    void findsTheHeadEndTagJsoupFinds() {
        for (String f : new String[] {"seed-article.html", "wordpress-news.html", "newspaper-graph.html", "amp-article.html", "bench-news-100k.html"}) {
            String text = new String(PageTransformerTest.fixture(f), StandardCharsets.UTF_8);
            Document tracked = Parser.htmlParser().setTrackPosition(true).parseInput(text, "https://x.example/");
            assertEquals(tracked.head().endSourceRange().startPos(), new SourceTags(text).headInsertionPoint(), f);
        }
    }

    @Test
    void closesTheHeadWhereABrowserWould() {
        assertEquals("<title>t</title>".length(), new SourceTags("<title>t</title><p>x").headInsertionPoint());
        assertEquals("<head><title>t</title>".length(), new SourceTags("<head><title>t</title>  hello</head>").headInsertionPoint() - 2);
        assertEquals("<!doctype html>".length(), new SourceTags("<!doctype html>Hello").headInsertionPoint());
        assertEquals("<html><head>".length(), new SourceTags("<html><head></head>").headInsertionPoint());
        assertEquals(0, new SourceTags("").headInsertionPoint());
        assertEquals("<head><meta charset=utf-8>".length(), new SourceTags("<head><meta charset=utf-8><body>").headInsertionPoint());
    }

    @Test
    void readsNoscriptInTheHeadAsBrowsersDo() {
        String page = "<html><head><noscript><img src=\"https://px.example/p.gif\"></noscript><meta name=a content=b></head><body></body>";
        assertEquals(page.indexOf("</head>"), new SourceTags(page).headInsertionPoint());
    }

    @Test
    void putsHeadTagsBeforeANoscriptInTheHeadThatIsNeverClosed() {
        // A browser with scripting on reads everything after the unclosed <noscript> as its text.
        String page = "<html><head><meta charset=utf-8><noscript><style>p{}</style></no&script></head><body><h1>Shown</h1></body></html>";
        assertEquals(page.indexOf("<noscript>"), new SourceTags(page).headInsertionPoint());
        String template = "<html><head><template><p>never closed</head><body><h1>Shown</h1>";
        assertEquals(template.indexOf("<template>"), new SourceTags(template).headInsertionPoint());
    }

    @Test
    void ignoresHeadEndTagsInCommentsScriptsAndAttributes() {
        String page = "<head><!-- </head> --><script>var x = '</head>';</script><meta content=\"</head>\"></head><body>";
        assertEquals(page.lastIndexOf("</head>"), new SourceTags(page).headInsertionPoint());
    }

    @Test
    void refusesToVouchForScriptsThatHideAnotherScript() {
        String page = "<head><script><!-- document.write('<script>a</script>'); --></script></head>";
        assertEquals(-1, new SourceTags(page).headInsertionPoint());
    }

    @Test
    void findsTheSharePlaceholder() {
        String page = "<article><h1>x</h1><div class=share data-herald-share></div></article>";
        SourceTags.Tag tag = new SourceTags(page).firstSharePlaceholder();
        assertNotNull(tag);
        assertEquals(page.indexOf("</div>"), tag.finish());
    }

    static final String[] HEADS = {
        "<head><script>document.write('<meta property=og:title content=x>')</script><style>a>b{}</style><title>T</title></head><h1>x</h1>",
        "<head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"H\"}</script><script>x()</script></head>",
        "<head><SCRIPT TYPE=\"Application/LD+JSON\">{\"headline\":\"U\"}</SCRIPT></head><p>y",
        "<head><noscript><style>p{}</style><img src=a.gif></noscript><meta name=description content=d></head>",
        "<head><template><script>var t = '<div>';</script></template><meta name=a content=b></head>",
        "<head><script>unterminated <meta name=x content=y>",
        "<head><style>unterminated <meta name=x content=y>",
        "<head><textarea><script>x</script></textarea><meta name=z content=z></head>",
        "<head><title><script>not a script</script></title><script></script><style></style></head>",
        "<head><svg><style><div>in svg</div></style></svg><script>a<b</script></head>",
        "<head><script><!-- <script>x</script> --></script><style>q{}</style></head>",
        "<head><script src=a.js></script ><style media=print>x{}</style\t><script>if (a</b) {}</script/></head><body>",
    };

    /**
     * What the transformer leaves out of its parse (the text of the head's scripts and stylesheets)
     * must change nothing else: the elided parse equals the full one once script and style text
     * (except JSON-LD) is blanked in both.
     */
    @Test
    void leavingOutTheHeadsScriptAndStyleTextChangesNothingElseInTheParse() {
        List<String> docs = new ArrayList<>(List.of(HEADS));
        docs.addAll(corpus(10, 5));
        int elided = 0;
        for (String text : docs) {
            SourceTags source = new SourceTags(text);
            int[] gaps = source.skippableText(source.headInsertionPoint());
            if (gaps.length > 0) elided++;
            Document full = Parser.htmlParser().parseInput(text, "https://x.example/");
            Document partial = Parser.htmlParser().parseInput(new dev.herald.internal.ElidingReader(text, gaps), "https://x.example/");
            assertEquals(blankCode(full), blankCode(partial), abbreviate(text));
        }
        assertTrue(elided >= 30, "pages with text left out: " + elided);
    }

    @Test
    void neverLeavesOutJsonLdOrTextItCannotBeSureOf() {
        assertEquals("document.write('<meta property=og:title content=x>')a>b{}", skipped(HEADS[0]));
        assertEquals("x()", skipped(HEADS[1]), "JSON-LD is read, so kept");
        assertEquals("", skipped(HEADS[2]), "JSON-LD in upper case too");
        assertEquals("", skipped(HEADS[5]), "an unterminated script is the parser's to read");
        assertEquals("", skipped(HEADS[6]));
        assertEquals("", skipped(HEADS[9]), "the head ends at <svg>; nothing after it is left out");
        assertEquals("", skipped(HEADS[10]), "a script hiding a script makes the scan unsure");
        assertEquals("x{}if (a</b) {}", skipped(HEADS[11]));
    }

    @Test
    void leavesOutNothingInForeignContentWhereStyleHoldsMarkup() {
        String page = "<body><svg><style><div>in svg</div></style></svg><math><style>m</style></math><style>y{}</style><p>z";
        SourceTags source = new SourceTags(page);
        assertEquals(null, source.startTag("nav", 0), "scans the whole page");
        int[] gaps = source.skippableText(page.length());
        assertEquals(2, gaps.length, java.util.Arrays.toString(gaps));
        assertEquals("y{}", page.substring(gaps[0], gaps[1]));
    }

    /** The text the scan would leave out of {@code page}, joined. */
    private static String skipped(String page) {
        SourceTags source = new SourceTags(page);
        int[] gaps = source.skippableText(source.headInsertionPoint());
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < gaps.length; i += 2) sb.append(page, gaps[i], gaps[i + 1]);
        return sb.toString();
    }

    private static String blankCode(Document doc) {
        for (Element e : doc.select("script, style")) {
            if (e.attr("type").toLowerCase(java.util.Locale.ROOT).contains("ld+json")) continue;
            for (org.jsoup.nodes.DataNode d : e.dataNodes()) d.setWholeData("");
            for (org.jsoup.nodes.TextNode t : e.textNodes()) t.text("");
        }
        return doc.outerHtml();
    }

    static List<String> ancestors(Element e) {
        List<String> names = new ArrayList<>();
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String n = p.normalName();
            if (!(p instanceof Document) && !n.equals("html") && !n.equals("body") && !n.equals("head")) names.add(0, n);
        }
        return names;
    }

    static String abbreviate(String s) {
        return s.length() < 300 ? s : s.substring(0, 300) + "…";
    }
}
