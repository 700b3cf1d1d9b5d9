package dev.herald.meta.internal;

import dev.herald.internal.Validate;
import dev.herald.meta.PageMeta;
import java.net.URI;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a page from a document the caller has already parsed, and tells where on it a share bar
 * may go. Not API: the page filter needs jsoup's elements, and jsoup's types stay out of Herald's
 * public signatures, so {@link PageMeta} hands this reader over when it is loaded (the JDK's
 * "shared secrets" pattern) instead of making the methods public.
 */
public final class ParsedPages {
    private static volatile Reader reader;

    private ParsedPages() {}

    /** The places on a parsed page where a share bar can be inserted. */
    public interface Anchors {
        /** The element taken as the article's headline (usually its {@code <h1>}), or null. */
        Element headline();

        /** The last element of the story's opening (standfirst, byline, dateline), or null without a headline. */
        Element openingEnd();

        /** The {@code <article>} holding the story, or null. */
        Element article();

        /** The first element carrying {@code data-herald-share}, or null. */
        Element sharePlaceholder();

        /** The index of {@code e} among the document's elements of its name, in document order; -1 when absent. */
        int ordinalOf(Element e);
    }

    /** A page's metadata and its anchors, read from one parse. */
    public record Read(PageMeta meta, Anchors anchors) {}

    /** How {@link PageMeta} reads a parsed document. */
    @FunctionalInterface
    public interface Reader {
        /** Reads {@code doc}, whose relative URLs resolve against {@code pageUrl}. */
        Read read(Document doc, URI pageUrl);
    }

    /** Called once, by {@link PageMeta}'s class initialiser; a second call fails. */
    public static synchronized void install(Reader r) {
        Validate.notNull(r, "reader");
        if (reader != null) throw new IllegalStateException("the parsed-page reader is installed already");
        reader = r;
    }

    /** Reads {@code doc} (with or without tracked source positions); never throws for bad markup. */
    public static Read read(Document doc, URI pageUrl) {
        Reader r = reader;
        if (r == null) {
            try {
                Class.forName(PageMeta.class.getName(), true, PageMeta.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            r = reader;
        }
        return r.read(doc, pageUrl);
    }
}
