package dev.herald.meta;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * One cheap walk over a parsed page that collects the elements the readers need, by tag and by a
 * few attributes. Where an element sits (inside which article, inside navigation or a sidebar,
 * inside a figure) is worked out lazily, only for the candidates a reader actually looks at, and
 * class names are only examined in the part of the page a reader asks about: scanning every
 * class of every element cost more than the rest of reading together.
 */
final class PageScan implements NodeVisitor {
    /** Where an element sits, from its ancestors (not the element itself). */
    record Context(Element article, Element body, boolean boiler, boolean figure, boolean siteHeader) {
        static final Context ROOT = new Context(null, null, false, false, false);
    }

    /** A collected element with its document order; its context is computed on first use. */
    final class Found {
        private final Element el;
        private final int order;
        private Context ctx;

        Found(Element el, int order) {
            this.el = el;
            this.order = order;
        }

        Element el() { return el; }
        int order() { return order; }
        Element article() { return ctx().article(); }
        Element body() { return ctx().body(); }
        boolean boiler() { return ctx().boiler(); }
        boolean figure() { return ctx().figure(); }
        boolean siteHeader() { return ctx().siteHeader(); }

        private Context ctx() {
            if (ctx == null) ctx = contextOf(el);
            return ctx;
        }
    }

    Document doc;
    Element html;
    Element base;
    Element title;
    Element placeholder;
    boolean buttonBar;
    final List<Element> metas = new ArrayList<>();
    final List<Element> links = new ArrayList<>();
    final List<String> jsonLd = new ArrayList<>();
    final List<Element> articles = new ArrayList<>();
    final List<Found> h1s = new ArrayList<>();
    final List<Found> h2s = new ArrayList<>();
    final List<Found> times = new ArrayList<>();
    final List<Found> images = new ArrayList<>();
    final List<Found> paragraphs = new ArrayList<>();
    final List<Found> itemprops = new ArrayList<>();
    final List<Found> tagLinks = new ArrayList<>();
    final List<Found> categoryLinks = new ArrayList<>();
    final List<Found> authorLinks = new ArrayList<>();
    /** The first few links to the site's home page (logos, usually). */
    final List<Found> homeLinks = new ArrayList<>();

    private static final int REGION_LIMIT = 80;
    private final Map<Element, Context> contexts = new IdentityHashMap<>();
    private int order;

    private PageScan() {}

    /** Scans {@code doc}. */
    static PageScan of(Document doc) {
        PageScan s = new PageScan();
        s.doc = doc;
        walk(doc, s);
        return s;
    }

    /**
     * Visits the elements under {@code root} (root included) in document order, skipping text and
     * other nodes, and the insides of {@code svg} (icons: paths, shapes and a {@code <title>} that is
     * not the page's), which nothing read here comes from. An explicit stack keeps deep documents off
     * the call stack; several times cheaper than {@link NodeTraversor}, which visits every node.
     */
    static void walk(Element root, NodeVisitor visitor) {
        Stop stop = visitor instanceof Stop s ? s : null;
        Element[] stack = new Element[64];
        int[] next = new int[64];
        int sp = 0;
        visitor.head(root, 0);
        stack[sp] = root;
        next[sp++] = 0;
        while (sp > 0) {
            Element top = stack[sp - 1];
            int i = next[sp - 1];
            if (i >= top.childNodeSize()) {
                sp--;
                continue;
            }
            next[sp - 1] = i + 1;
            if (!(top.childNode(i) instanceof Element child)) continue;
            if (stop != null && stop.stopped()) return;
            visitor.head(child, sp);
            if (child.childNodeSize() == 0 || child.normalName().equals("svg")) continue;
            if (sp == stack.length) {
                stack = java.util.Arrays.copyOf(stack, sp * 2);
                next = java.util.Arrays.copyOf(next, sp * 2);
            }
            stack[sp] = child;
            next[sp++] = 0;
        }
    }

    /** A visitor that can end a walk early. */
    interface Stop {
        boolean stopped();
    }

    @Override
    public void head(Node node, int depth) {
        Element e = (Element) node;
        order++;
        // One attribute count per element; the HTML parser lower-cases attribute names, so exact-case
        // lookups are enough (and cheaper than jsoup's case-insensitive ones).
        Attributes a = e.attributesSize() > 0 ? e.attributes() : null;
        switch (e.normalName()) {
            case "html" -> { if (html == null) html = e; }
            case "base" -> { if (base == null && a != null && a.hasKey("href")) base = e; }
            case "title" -> { if (title == null) title = e; }
            case "meta" -> metas.add(e);
            case "link" -> links.add(e);
            case "script" -> {
                if (a != null && a.get("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")) jsonLd.add(e.data());
            }
            case "article" -> articles.add(e);
            case "h1" -> h1s.add(new Found(e, order));
            case "h2" -> h2s.add(new Found(e, order));
            case "time" -> times.add(new Found(e, order));
            case "img", "amp-img" -> images.add(new Found(e, order));
            case "p" -> paragraphs.add(new Found(e, order));
            case "a" -> {
                if (a != null) {
                    if (homeLinks.size() < 5 && isHomeHref(a.get("href"))) homeLinks.add(new Found(e, order));
                    String rel = a.get("rel");
                    if (!rel.isEmpty()) {
                        rel = rel.toLowerCase(Locale.ROOT);
                        boolean category = hasWord(rel, "category");
                        if (hasWord(rel, "tag") && !category) tagLinks.add(new Found(e, order));
                        if (category) categoryLinks.add(new Found(e, order));
                        if (hasWord(rel, "author")) authorLinks.add(new Found(e, order));
                    }
                }
            }
            default -> { }
        }
        if (a != null) {
            if (a.hasKey("itemprop")) itemprops.add(new Found(e, order));
            if (placeholder == null && a.hasKey("data-herald-share")) placeholder = e;
            if (!buttonBar && a.hasKey("data-herald-buttons")) buttonBar = true;
        }
    }

    /** Candidates found by class name within one region of the page. */
    final class Region {
        /** Standfirst candidates, each with how many elements after the headline it starts (-1: before it). */
        final List<Found> deks = new ArrayList<>();
        final List<Integer> deksAfterHeadline = new ArrayList<>();
        final List<Found> bylines = new ArrayList<>();
        final List<Element> bodies = new ArrayList<>();
        final List<Found> headlines = new ArrayList<>();
        /** Links to author pages ({@code /author/...}, {@code /autor/...}, {@code /people/...}). */
        final List<Found> profileLinks = new ArrayList<>();
        /** Elements whose names suggest a date (publication date printed as text). */
        final List<Found> dates = new ArrayList<>();
        /** The first elements after the headline with little text of their own, where a printed date may sit. */
        final List<Found> nearHeadline = new ArrayList<>();
        /** Whether the headline lies inside the region, so that standfirsts can be placed relative to it. */
        boolean sawHeadline;
    }

    /**
     * Examines the class names and ids of the elements under {@code root} (root included), once, for
     * standfirsts, bylines, article-body containers and headline-classed elements.
     */
    Region region(Element root, Element headline) {
        Region r = new Region();
        class Visitor implements NodeVisitor, Stop {
            int afterHeadline = -1;

            @Override
            public boolean stopped() {
                // Standfirsts and bylines sit near the headline; the rest of a long story need not be read.
                return afterHeadline > REGION_LIMIT;
            }

            @Override
            public void head(Node node, int depth) {
                Element e = (Element) node;
                if (afterHeadline >= 0) afterHeadline++;
                if (e == headline) { afterHeadline = 0; r.sawHeadline = true; }
                if (afterHeadline > 0 && afterHeadline <= 40 && !hasElementChild(e)) r.nearHeadline.add(new Found(e, -1));
                if (e.attributesSize() == 0) return;
                Attributes a = e.attributes();
                if (e.normalName().equals("a") && isProfileHref(a.get("href"))) r.profileLinks.add(new Found(e, -1));
                String names = names(a);
                if (names.isEmpty()) {
                    if ("articleBody".equals(a.get("itemprop"))) r.bodies.add(e);
                    return;
                }
                if (dekNames(names)) { r.deks.add(new Found(e, -1)); r.deksAfterHeadline.add(afterHeadline); }
                if (bylineNames(names)) r.bylines.add(new Found(e, -1));
                if (headlineNames(names)) r.headlines.add(new Found(e, -1));
                if (dateNames(names)) r.dates.add(new Found(e, -1));
                if (isArticleBody(e, a.get("class").toLowerCase(Locale.ROOT), a.get("id").toLowerCase(Locale.ROOT))) r.bodies.add(e);
            }
        }
        walk(root, new Visitor());
        return r;
    }

    /**
     * Whether {@code e} has an element child. Not {@code childrenSize()}: jsoup builds and caches a
     * child-element list for that, stored as an attribute that every later attribute lookup then steps over.
     */
    static boolean hasElementChild(Element e) {
        for (int i = 0, n = e.childNodeSize(); i < n; i++) if (e.childNode(i) instanceof Element) return true;
        return false;
    }

    /** Where {@code e} sits; computed once per parent, so siblings share the work. */
    Context contextOf(Element e) {
        Element parent = e.parent();
        if (parent == null) return Context.ROOT;
        Context known = contexts.get(parent);
        if (known != null) return known;
        // Walk up to the nearest ancestor whose context is known, then fill in on the way down.
        List<Element> chain = new ArrayList<>();
        Element p = parent;
        Context ctx = Context.ROOT;
        while (p != null) {
            Context c = contexts.get(p);
            if (c != null) { ctx = c; break; }
            chain.add(p);
            p = p.parent();
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            Element a = chain.get(i);
            Element parentOfA = a.parent();
            Context above = parentOfA == null ? Context.ROOT : contexts.getOrDefault(parentOfA, ctx);
            ctx = extend(above, a);
            contexts.put(a, ctx);
        }
        return ctx;
    }

    /** The context of {@code a}'s children, given the context {@code a} itself sits in. */
    private static Context extend(Context above, Element a) {
        String tag = a.normalName();
        String cls = lower(a, "class");
        String id = lower(a, "id");
        boolean isArticle = tag.equals("article");
        return new Context(
                isArticle ? a : above.article(),
                isArticleBody(a, cls, id) ? a : above.body(),
                above.boiler() || isBoiler(a, tag, cls),
                above.figure() || tag.equals("figure") || tag.equals("figcaption"),
                (above.siteHeader() && !isArticle) || (above.article() == null && isSiteHeader(a, tag, cls, id)));
    }

    /**
     * Whether {@code a} is the site's own header (logo, navigation) rather than a story's header,
     * which some sites also mark up as {@code <header>} outside the {@code <article>}.
     */
    private static boolean isSiteHeader(Element a, String tag, String cls, String id) {
        if ("banner".equals(get(a, "role"))) return true;
        String names = cls + " " + id;
        if (containsAny(names, "site-header", "siteheader", "site_header", "masthead", "global-header", "globalheader", "navbar",
                "top-bar", "topbar", "page-header", "main-header", "header-main", "site-nav", "brand")) return true;
        return tag.equals("header") && a.parent() != null && a.parent().normalName().equals("body");
    }

    static String lower(Element e, String attr) {
        String v = get(e, attr);
        return v.isEmpty() ? v : v.toLowerCase(Locale.ROOT);
    }

    /** The attribute's value, or "" (attribute names are lower case after HTML parsing). */
    static String get(Element e, String attr) {
        return e.attributesSize() == 0 ? "" : e.attributes().get(attr);
    }

    /**
     * What an element calls itself: its class and id, and the data attributes component-based sites
     * name their parts with ({@code data-component="byline-block"}, {@code data-gu-name="standfirst"}),
     * in lower case; empty when it has none of these.
     */
    static String names(Attributes a) {
        String cls = a.get("class");
        String id = a.get("id");
        StringBuilder sb = null;
        int named = (cls.isEmpty() ? 0 : 1) + (id.isEmpty() ? 0 : 1);
        for (String key : a.size() > named ? NAME_ATTRIBUTES : NO_NAMES) {
            String v = a.get(key);
            if (v.isEmpty()) continue;
            if (sb == null) sb = new StringBuilder(cls.length() + id.length() + 32).append(cls).append(' ').append(id);
            sb.append(' ').append(v);
        }
        String all = sb != null ? sb.toString() : id.isEmpty() ? cls : cls.isEmpty() ? id : cls + " " + id;
        return all.isBlank() ? "" : all.toLowerCase(Locale.ROOT);
    }

    private static final String[] NO_NAMES = {};
    private static final String[] NAME_ATTRIBUTES = {"data-component", "data-gu-name", "data-testid", "data-area", "data-qa", "data-type"};

    /** Whether {@code href} is a site's root ("/", "https://news.example/"). */
    static boolean isHomeHref(String href) {
        int n = href.length();
        if (n == 0 || n > 80) return false;
        if (href.equals("/") || href.equals("./")) return true;
        int scheme = href.indexOf("://");
        if (scheme < 0 || scheme > 5) return false;
        int slash = href.indexOf('/', scheme + 3);
        return slash < 0 || slash == n - 1;
    }

    /** Whether {@code href} points at an author's page. */
    static boolean isProfileHref(String href) {
        if (href.isEmpty()) return false;
        String h = href.toLowerCase(Locale.ROOT);
        return containsAny(h, "/author/", "/authors/", "/autor/", "/autoren/", "/auteur/", "/auteurs/", "/profile/", "/profil/",
                "/people/", "/staff/", "/by/", "/journalist", "/contributor", "/writers/", "/reporter", "/signataires/",
                "/redaktion/", "/team/", "/user/", "/autore/", "/periodista", "/columnist", "/impressum/autor")
                // Medium and Substack profiles: https://host/@name
                || h.contains("/@");
    }

    /** Names of elements that print a date. */
    static boolean dateNames(String names) {
        return containsAny(names, "date", "time", "publish", "posted", "created", "dateline", "byline", "meta");
    }

    /** Class names of bylines ({@code byline}, {@code author}, but not an author's bio or photo). */
    static boolean bylineNames(String names) {
        return containsAny(names, "byline", "author", "contributor", "writer", "reporter")
                && !containsAny(names, "author-bio", "authorbio", "about-author", "author-description", "author-image",
                        "author-avatar", "author-photo", "authorimage");
    }

    /** Class names of a standfirst (dek, summary, lede...) that are not a caption or byline. */
    static boolean dekNames(String names) {
        return containsAny(names, "standfirst", "dek", "subheadline", "sub-headline", "subtitle", "sub-title", "article-summary",
                "article__summary", "summary", "excerpt", "lede", "intro", "teaser", "strapline", "kicker-text", "desc", "abstract",
                "chapo", "chapeau", "vorspann", "entradilla", "sumario", "occhiello", "catenaccio", "deck")
                && !containsAny(names, "caption", "credit", "related", "newsletter", "author", "byline");
    }

    /** Class names of a headline element. */
    static boolean headlineNames(String names) {
        return containsAny(names, "headline", "entry-title", "post-title", "article-title", "story-title", "article__title", "page-title");
    }

    private static boolean isArticleBody(Element e, String cls, String id) {
        if ("articleBody".equals(get(e, "itemprop"))) return true;
        if (cls.isEmpty() && id.isEmpty()) return false;
        String names = cls + " " + id;
        return containsAny(names, "article-body", "article__body", "articlebody", "article-content", "article__content",
                "story-body", "storybody", "story-content", "entry-content", "post-content", "post-body", "content-body",
                "article-text", "body-text", "rich-text", "c-entry-content", "paywall", "article-main");
    }

    private static boolean isBoiler(Element e, String tag, String cls) {
        switch (tag) {
            case "nav", "footer", "aside", "form", "dialog", "template", "button", "select" -> { return true; }
            case "body", "html", "main", "article" -> { return false; }
            default -> { }
        }
        String role = get(e, "role");
        if (!role.isEmpty() && (role.equals("navigation") || role.equals("contentinfo") || role.equals("complementary") || role.equals("dialog"))) return true;
        if (cls.isEmpty()) return false;
        int n = cls.length();
        for (int at = 0; at < n; ) {
            while (at < n && cls.charAt(at) <= ' ') at++;
            int end = at;
            while (end < n && cls.charAt(end) > ' ') end++;
            String token = cls.substring(at, end);
            at = end;
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
        int i = s.indexOf(w);
        while (i >= 0) {
            int end = i + w.length();
            if ((i == 0 || s.charAt(i - 1) <= ' ') && (end == s.length() || s.charAt(end) <= ' ')) return true;
            i = s.indexOf(w, i + 1);
        }
        return false;
    }
}
