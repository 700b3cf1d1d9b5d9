package dev.herald.delivery;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the entries of an RSS 2.0 or Atom 1.0 feed with jsoup's XML parser. */
public final class Feeds {
    private static final Logger LOG = LoggerFactory.getLogger(Feeds.class);

    private Feeds() {}

    /**
     * The entries of a feed as served: decoded with the charset of its byte-order mark, else of the
     * HTTP {@code Content-Type} (which per RFC 7303 overrides the document), else of its XML
     * declaration ({@code <?xml version="1.0" encoding="ISO-8859-1"?>}), else UTF-8.
     *
     * @param contentType the {@code Content-Type} header, or {@code null}
     */
    public static List<FeedEntry> parse(byte[] body, String contentType) {
        Validate.notNull(body, "body");
        try {
            // jsoup reads the byte-order mark and, given no charset, the XML declaration.
            return entries(Jsoup.parse(new ByteArrayInputStream(body), charsetOf(contentType), "", Parser.xmlParser()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading a byte array cannot fail", e);
        }
    }

    /** The supported charset a {@code Content-Type} names, or {@code null} (none, or one Java does not know). */
    static String charsetOf(String contentType) {
        if (contentType == null) return null;
        for (String part : contentType.split(";")) {
            String p = part.strip();
            if (!p.toLowerCase(Locale.ROOT).startsWith("charset=")) continue;
            String name = p.substring("charset=".length()).replace("\"", "").replace("'", "").strip();
            try {
                return Charset.isSupported(name) ? Charset.forName(name).name() : null;
            } catch (IllegalArgumentException e) {
                return null; // an illegal name: let the document's own declaration decide
            }
        }
        return null;
    }

    /**
     * The feed's entries in document order; entries without an absolute http(s) link are skipped
     * (and logged), since they cannot be shared.
     */
    public static List<FeedEntry> parse(String xml) {
        Validate.notNull(xml, "xml");
        return entries(Jsoup.parse(xml, "", Parser.xmlParser()));
    }

    private static List<FeedEntry> entries(Document doc) {
        List<FeedEntry> out = new ArrayList<>();
        Element feed = doc.selectFirst("feed");
        if (feed != null) {
            for (Element e : feed.children()) {
                if (e.normalName().equals("entry")) add(out, atom(e));
            }
        } else {
            for (Element item : doc.select("rss > channel > item, rdf|RDF > item")) add(out, rss(item));
        }
        return out;
    }

    private static void add(List<FeedEntry> out, FeedEntry entry) {
        if (entry != null) out.add(entry);
    }

    private static FeedEntry rss(Element item) {
        String link = text(item, "link");
        String guid = text(item, "guid");
        String date = text(item, "pubDate");
        OffsetDateTime published = null;
        if (date != null) {
            try {
                published = OffsetDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
            } catch (DateTimeParseException ignored) {
                // A feed's date is a hint; an unreadable one costs the article its date, not its share.
            }
        }
        return entry(guid != null ? guid : link, link, text(item, "title"), plain(text(item, "description")), published);
    }

    private static FeedEntry atom(Element entry) {
        String link = null;
        for (Element l : entry.children()) {
            if (!l.normalName().equals("link")) continue;
            String rel = l.attr("rel");
            if (rel.isEmpty() || rel.equals("alternate")) {
                link = l.attr("href");
                break;
            }
        }
        String summary = text(entry, "summary");
        if (summary == null) summary = text(entry, "content");
        String date = text(entry, "published");
        if (date == null) date = text(entry, "updated");
        OffsetDateTime published = null;
        if (date != null) {
            try {
                published = OffsetDateTime.parse(date);
            } catch (DateTimeParseException ignored) {
                // as above
            }
        }
        String id = text(entry, "id");
        return entry(id != null ? id : link, link, text(entry, "title"), plain(summary), published);
    }

    private static FeedEntry entry(String id, String link, String title, String summary, OffsetDateTime published) {
        if (id == null || link == null) {
            LOG.warn("Feed entry without id or link skipped: {}", Validate.abbreviate(String.valueOf(title)));
            return null;
        }
        try {
            ArticleMeta article = ArticleMeta.builder().url(link.strip()).title(plain(title)).description(summary)
                    .publishedTime(published).type("article").build();
            return new FeedEntry(id.strip(), article);
        } catch (IllegalArgumentException e) {
            LOG.warn("Feed entry '{}' skipped: {}", Validate.abbreviate(id), e.getMessage());
            return null;
        }
    }

    private static String text(Element parent, String childName) {
        for (Element c : parent.children()) {
            if (c.normalName().equals(childName.toLowerCase(java.util.Locale.ROOT)) || c.tagName().equals(childName)) {
                String t = c.text().strip();
                return t.isEmpty() ? null : t;
            }
        }
        return null;
    }

    // Feed summaries are often escaped HTML; a post wants the words.
    private static String plain(String html) {
        return html == null ? null : Jsoup.parse(html).text();
    }
}
