package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedsTest {
    static final String RSS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>The Example</title>
              <item>
                <title>Iran’s “retaliation” &amp; what comes next</title>
                <link>https://news.example/world/iran</link>
                <guid isPermaLink="false">tag:news.example,2025:42</guid>
                <description>&lt;p&gt;Two &lt;b&gt;sentences&lt;/b&gt;.&lt;/p&gt;</description>
                <pubDate>Sun, 09 Mar 2025 22:15:00 +0200</pubDate>
              </item>
              <item>
                <title>No guid</title>
                <link>https://news.example/no-guid</link>
              </item>
              <item>
                <title>Bad link</title>
                <link>javascript:alert(1)</link>
                <guid>bad</guid>
              </item>
            </channel></rss>
            """;

    static final String ATOM = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>The Example</title>
              <entry>
                <title>Atom entry</title>
                <link rel="self" href="https://news.example/feed/1"/>
                <link rel="alternate" href="https://news.example/atom-entry"/>
                <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
                <published>2025-03-10T08:00:00+01:00</published>
                <summary>Short summary.</summary>
              </entry>
            </feed>
            """;

    @Test
    void readsRssItemsWithTheirGuidTitleLinkPlainSummaryAndDate() {
        List<FeedEntry> entries = Feeds.parse(RSS);
        FeedEntry first = entries.get(0);
        assertEquals("tag:news.example,2025:42", first.id());
        assertEquals("Iran’s “retaliation” & what comes next", first.article().title());
        assertEquals("https://news.example/world/iran", first.article().url().toString());
        assertEquals("Two sentences.", first.article().description());
        assertEquals(OffsetDateTime.parse("2025-03-09T22:15:00+02:00"), first.article().publishedTime());
    }

    @Test
    void anRssItemWithoutGuidIsKnownByItsLink() {
        assertEquals("https://news.example/no-guid", Feeds.parse(RSS).get(1).id());
    }

    @Test
    void skipsEntriesWhoseLinkIsNotAnHttpUrl() {
        assertEquals(2, Feeds.parse(RSS).size());
    }

    @Test
    void readsAtomEntriesByTheirAlternateLink() {
        FeedEntry e = Feeds.parse(ATOM).get(0);
        assertEquals("urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6", e.id());
        assertEquals("https://news.example/atom-entry", e.article().url().toString());
        assertEquals("Short summary.", e.article().description());
        assertEquals(OffsetDateTime.parse("2025-03-10T08:00:00+01:00"), e.article().publishedTime());
    }

    private static String title(byte[] body, String contentType) {
        return Feeds.parse(body, contentType).get(0).article().title();
    }

    private static String rssTitled(String declaration, String title) {
        return declaration + "<rss version=\"2.0\"><channel><item><title>" + title
                + "</title><link>https://news.example/a</link><guid>a</guid></item></channel></rss>";
    }

    @Test
    void theXmlDeclarationsEncodingIsHonoured() throws Exception {
        String xml = rssTitled("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "Caf\u00e9 \u00fcber");
        assertEquals("Caf\u00e9 \u00fcber", title(xml.getBytes(StandardCharsets.ISO_8859_1), "application/rss+xml"));
        String sjis = rssTitled("<?xml version='1.0' encoding='Shift_JIS'?>", "\u65e5\u672c\u8a9e");
        assertEquals("\u65e5\u672c\u8a9e", title(sjis.getBytes("Shift_JIS"), null));
    }

    @Test
    void theHttpCharsetWinsOverTheDeclarationAndAByteOrderMarkOverBoth() throws Exception {
        String xml = rssTitled("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "\u2018na\u00efve\u2019");
        assertEquals("\u2018na\u00efve\u2019", title(xml.getBytes("windows-1252"), "application/xml; charset=\"windows-1252\""));
        byte[] utf16 = ("\uFEFF" + rssTitled("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>", "\u00e9t\u00e9 \uD83C\uDDEB\uD83C\uDDF7"))
                .getBytes(StandardCharsets.UTF_16BE);
        assertEquals("\u00e9t\u00e9 \uD83C\uDDEB\uD83C\uDDF7", title(utf16, "application/xml; charset=ISO-8859-1"));
    }

    @Test
    void withoutAnyDeclarationAFeedIsUtf8AndAnUnknownHttpCharsetIsIgnored() {
        String xml = rssTitled("", "\u00e9l\u00e8ve \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67");
        assertEquals("\u00e9l\u00e8ve \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67", title(xml.getBytes(StandardCharsets.UTF_8), "text/xml; charset=x-no-such"));
    }
}
