package dev.herald.meta;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One walk over a parsed page that collects everything the readers need, with the context each
 * element sits in (inside which article, inside navigation or a sidebar, inside a figure), so that
 * no reader has to scan the whole document again.
 */
final class PageScan implements NodeVisitor {
    /** An element and where it sits. */
    record Found(Element el, Element article, Element body, boolean boiler, boolean figure, boolean siteHeader, int order) {}

    Element html;
    Element base;
    Element title;
    Element placeholder;
    boolean buttonBar;
    final List<Element> metas = new ArrayList<>();
    final List<Element> links = new ArrayList<>();
    final List<String> jsonLd = new ArrayList<>();
    final List<Element> articles = new ArrayList<>();
    final List<Element> mains = new ArrayList<>();
    final List<Found> h1s = new ArrayList<>();
    final List<Found> times = new ArrayList<>();
    final List<Found> images = new ArrayList<>();
    final List<Found> paragraphs = new ArrayList<>();
    final List<Found> deks = new ArrayList<>();
    final List<Found> bylines = new ArrayList<>();
    final List<Found> itemprops = new ArrayList<>();
    final List<Found> tagLinks = new ArrayList<>();
    final List<Found> categoryLinks = new ArrayList<>();
    final List<Found> headlineClassed = new ArrayList<>();

    private final Deque<Element> articleStack = new ArrayDeque<>();
    private final Deque<Element> bodyStack = new ArrayDeque<>();
    private int boiler;
    private int figure;
    private int siteHeader;
    private int svg;
    private int order;

    private PageScan() {}

    /** Scans {@code doc}. */
    static PageScan of(Document doc) {
        PageScan s = new PageScan();
        NodeTraversor.traverse(s, doc);
        return s;
    }

    @Override
    public void head(Node node, int depth) {
        if (!(node instanceof Element e)) return;
        order++;
        String tag = e.normalName();
        String cls = e.hasAttr("class") ? e.attr("class").toLowerCase(Locale.ROOT) : "";
        String id = e.hasAttr("id") ? e.attr("id").toLowerCase(Locale.ROOT) : "";
        switch (tag) {
            case "html" -> { if (html == null) html = e; }
            case "base" -> { if (base == null && e.hasAttr("href")) base = e; }
            case "title" -> { if (title == null && svg == 0) title = e; }
            case "meta" -> metas.add(e);
            case "link" -> links.add(e);
            case "script" -> {
                if (e.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) jsonLd.add(e.data());
            }
            case "article" -> articles.add(e);
            case "main" -> mains.add(e);
            case "h1" -> h1s.add(found(e));
            case "time" -> times.add(found(e));
            case "img", "amp-img" -> images.add(found(e));
            case "p" -> paragraphs.add(found(e));
            case "svg" -> svg++;
            case "a" -> {
                String rel = e.attr("rel").toLowerCase(Locale.ROOT);
                if (!rel.isEmpty()) {
                    if (hasWord(rel, "tag") && !hasWord(rel, "category")) tagLinks.add(found(e));
                    if (hasWord(rel, "category")) categoryLinks.add(found(e));
                    if (hasWord(rel, "author")) bylines.add(found(e));
                }
            }
            default -> { }
        }
        if (e.hasAttr("role") && "main".equalsIgnoreCase(e.attr("role"))) mains.add(e);
        if (placeholder == null && e.hasAttr("data-herald-share")) placeholder = e;
        if (e.hasAttr("data-herald-buttons")) buttonBar = true;
        if (e.hasAttr("itemprop")) itemprops.add(found(e));
        if (!cls.isEmpty() || !id.isEmpty()) classify(e, tag, cls + " " + id);
        // Context flags are raised after the element itself is recorded, so a <figure>'s own
        // context is its parent's; tail() lowers them with the same tests.
        if (isArticleBody(e, cls, id)) bodyStack.push(e);
        if (tag.equals("article")) articleStack.push(e);
        if (isBoiler(e, tag, cls)) boiler++;
        if (tag.equals("figure") || tag.equals("figcaption")) figure++;
        if (tag.equals("header") && articleStack.isEmpty()) siteHeader++;
    }

    @Override
    public void tail(Node node, int depth) {
        if (!(node instanceof Element e)) return;
        String tag = e.normalName();
        String cls = e.hasAttr("class") ? e.attr("class").toLowerCase(Locale.ROOT) : "";
        String id = e.hasAttr("id") ? e.attr("id").toLowerCase(Locale.ROOT) : "";
        if (tag.equals("svg") && svg > 0) svg--;
        if (!bodyStack.isEmpty() && bodyStack.peek() == e) bodyStack.pop();
        if (!articleStack.isEmpty() && articleStack.peek() == e) articleStack.pop();
        if (isBoiler(e, tag, cls)) boiler--;
        if (tag.equals("figure") || tag.equals("figcaption")) figure--;
        if (tag.equals("header") && articleStack.isEmpty() && siteHeader > 0) siteHeader--;
    }

    private Found found(Element e) {
        return new Found(e, articleStack.peek(), bodyStack.peek(), boiler > 0, figure > 0, siteHeader > 0, order);
    }

    private void classify(Element e, String tag, String names) {
        if (tag.equals("html") || tag.equals("body") || tag.equals("article") || tag.equals("main")) return;
        if (containsAny(names, "byline", "author", "contributor", "writer", "reporter") && !containsAny(names, "author-bio", "authorbio", "about-author", "author-description", "author-image", "author-avatar", "author-photo", "authorimage")) {
            if (!tag.equals("img") && !tag.equals("meta") && !tag.equals("link")) bylines.add(found(e));
        }
        if (containsAny(names, "standfirst", "dek", "subheadline", "sub-headline", "subtitle", "sub-title", "article-summary",
                "article__summary", "summary", "excerpt", "lede", "intro", "teaser", "strapline", "kicker-text", "description", "abstract")
                && !containsAny(names, "caption", "credit", "related", "newsletter", "author", "byline")) {
            deks.add(found(e));
        }
        if ((tag.startsWith("h") && tag.length() == 2) || tag.equals("div") || tag.equals("span")) {
            if (containsAny(names, "headline", "entry-title", "post-title", "article-title", "story-title", "article__title", "page-title")) headlineClassed.add(found(e));
        }
    }

    private static boolean isArticleBody(Element e, String cls, String id) {
        if ("articleBody".equals(e.attr("itemprop"))) return true;
        if (cls.isEmpty() && id.isEmpty()) return false;
        String names = cls + " " + id;
        return containsAny(names, "article-body", "article__body", "articlebody", "article-content", "article__content",
                "story-body", "storybody", "story-content", "entry-content", "post-content", "post-body", "content-body",
                "article-text", "body-text", "rich-text", "c-entry-content", "paywall", "article-main");
    }

    private static boolean isBoiler(Element e, String tag, String cls) {
        switch (tag) {
            case "nav", "footer", "aside", "form", "dialog", "template", "button", "select" -> { return true; }
            default -> { }
        }
        String role = e.attr("role");
        if (!role.isEmpty() && (role.equals("navigation") || role.equals("contentinfo") || role.equals("complementary") || role.equals("dialog"))) return true;
        if (cls.isEmpty() || tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) return false;
        for (String token : cls.split("\\s+")) {
            // Layout modifiers on page wrappers ("has-sidebar", "with-newsletter") say nothing about the element itself.
            if (token.isEmpty() || token.startsWith("has-") || token.startsWith("with-") || token.startsWith("no-")
                    || token.startsWith("is-") || token.startsWith("show-") || token.startsWith("layout") || token.startsWith("page-")) continue;
            if (token.equals("ad") || token.startsWith("ad-") || token.startsWith("ad_") || token.equals("ads") || token.startsWith("ads-")
                    || token.contains("advert") || token.contains("sponsor")) return true;
            if (containsAny(token, "related", "sidebar", "newsletter", "promo", "cookie", "consent", "comment", "outbrain",
                    "taboola", "trending", "popular", "recirc", "breadcrumb", "subscribe", "signup", "modal", "share", "social",
                    "more-stories", "read-more", "readmore", "recommend", "footer", "menu", "navbar", "masthead")) return true;
        }
        return false;
    }

    static boolean containsAny(String s, String... needles) {
        for (String n : needles) if (s.contains(n)) return true;
        return false;
    }

    private static boolean hasWord(String s, String w) {
        for (String t : s.split("\\s+")) if (t.equals(w)) return true;
        return false;
    }
}
