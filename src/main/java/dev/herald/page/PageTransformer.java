package dev.herald.page;

import dev.herald.buttons.ButtonRenderer;
import dev.herald.buttons.ShareButtons;
import dev.herald.internal.ElidingReader;
import dev.herald.internal.Escape;
import dev.herald.internal.PageCharset;
import dev.herald.internal.SourceTags;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.HeadTags;
import dev.herald.meta.ImageMeta;
import dev.herald.meta.ImageSizes;
import dev.herald.meta.MetaSource;
import dev.herald.meta.PageMeta;
import dev.herald.meta.internal.ParsedPages;
import dev.herald.meta.ResolvedMeta;
import dev.herald.meta.SiteDefaults;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.Parser;

/**
 * Turns an HTML page into a rich link preview: resolves its {@link dev.herald.meta.ArticleMeta}
 * and plans the insertions of the missing head tags and the share buttons.
 *
 * <p>The one code path shared by {@code ShareFilter} and the CLI. Thread-safe; never throws for bad
 * input: a page it cannot read safely yields {@link Rewrite#unchanged}.
 *
 * <p>The page is decoded strictly and parsed once. jsoup's position tracking would cost more than
 * the rest of the work together, so insertion points come from {@link SourceTags}, a scan of the
 * source that is checked against the parsed document; only where that check fails (misnested
 * markup and the like) is the page parsed a second time with positions tracked. Every edit is an
 * insertion at a byte offset of the original body, so the page's own bytes are never re-encoded.
 */
public final class PageTransformer {
    private static final int BINARY_SNIFF_CHARS = 1024;
    private static final java.util.Set<String> ORDINAL_SAFE = java.util.Set.of("h1", "h2", "h3", "h4", "h5", "h6", "article",
            "div", "span", "section", "header", "main", "figure", "aside", "footer", "nav");

    private final SiteDefaults defaults;
    private static final String BAR_STYLE = ShareButtons.styleElement();

    private final ButtonRenderer buttons;
    private final List<ButtonPlacement> placements;
    private final ImageSizes imageSizes;

    /**
     * A transformer that knows no image sizes beyond what pages declare.
     *
     * @param defaults site-wide values, the lowest-precedence source
     * @param buttons renders the share buttons; {@code null} for none
     * @param placement where buttons go when the page has no placeholder
     */
    public PageTransformer(SiteDefaults defaults, ButtonRenderer buttons, ButtonPlacement placement) {
        this(defaults, buttons, placement, ImageSizes.NONE);
    }

    /**
     * A transformer that fills in a preview image's width, height and type from {@code imageSizes}
     * when the page does not give them.
     *
     * @param defaults site-wide values, the lowest-precedence source
     * @param buttons renders the share buttons; {@code null} for none
     * @param placement where buttons go when the page has no placeholder
     * @param imageSizes reads sizes of images the same application serves
     */
    public PageTransformer(SiteDefaults defaults, ButtonRenderer buttons, ButtonPlacement placement, ImageSizes imageSizes) {
        this(defaults, buttons, List.of(Validate.notNull(placement, "placement")), imageSizes);
    }

    /**
     * A transformer that may put the same bar in several places, such as after the headline and at
     * the end of the article (a placeholder on the page still wins, and holds the only bar).
     *
     * @param defaults site-wide values, the lowest-precedence source
     * @param buttons renders the share buttons; {@code null} for none
     * @param placements where buttons go when the page has no placeholder, in any order; not empty
     * @param imageSizes reads sizes of images the same application serves
     */
    public PageTransformer(SiteDefaults defaults, ButtonRenderer buttons, List<ButtonPlacement> placements, ImageSizes imageSizes) {
        this.defaults = Validate.notNull(defaults, "defaults");
        this.buttons = buttons;
        Validate.notNull(placements, "placements");
        Validate.isTrue(!placements.isEmpty(), "placements", "must not be empty");
        this.placements = List.copyOf(placements);
        this.imageSizes = Validate.notNull(imageSizes, "imageSizes");
    }

    /**
     * Plans the rewrite of {@code body[0..length)}.
     *
     * @param declaredCharset the charset from the Content-Type header, or {@code null} to detect it
     *     (byte-order mark, then {@code <meta charset>}, then UTF-8 if valid, else windows-1251 for Cyrillic-looking bytes, else windows-1252)
     */
    public Rewrite plan(byte[] body, int length, Charset declaredCharset, PageRequest request) {
        Validate.notNull(body, "body");
        Validate.isTrue(length >= 0 && length <= body.length, "length", "must be within 0..body.length");
        Validate.notNull(request, "request");
        PageCharset cs;
        try {
            cs = PageCharset.detect(body, length, declaredCharset);
        } catch (RuntimeException e) {
            return Rewrite.unchanged(fallback(request), declaredCharset == null ? java.nio.charset.StandardCharsets.UTF_8 : declaredCharset,
                    "charset could not be determined: " + e.getMessage());
        }
        try {
            return planDecoded(body, length, cs, request);
        } catch (RuntimeException | StackOverflowError e) {
            // A transformer bug must never cost the reader the page: send it as it was.
            return Rewrite.unchanged(fallback(request), cs.output(), "page could not be transformed: " + e.getClass().getSimpleName());
        }
    }

    private Rewrite planDecoded(byte[] body, int length, PageCharset cs, PageRequest request) {
        if (!cs.isInsertable()) return Rewrite.unchanged(fallback(request), cs.output(), "charset " + cs.charset().name() + " does not allow insertion");
        String html;
        try {
            html = cs.decode(body, length);
        } catch (CharacterCodingException e) {
            return Rewrite.unchanged(fallback(request), cs.output(), "body is not valid " + cs.charset().name());
        }
        if (looksBinary(html)) return Rewrite.unchanged(fallback(request), cs.output(), "body does not look like HTML");

        // One parse without position tracking: jsoup's tracking costs about 60% of a parse, so insertion
        // points come from SourceTags, checked against this document; only when that check fails does a
        // second, position-tracking parse decide. The scan of the head comes first: the parser is spared
        // the head's scripts and stylesheets (often half a news page), which nothing here reads.
        SourceTags source = new SourceTags(html);
        int headPoint = source.headInsertionPoint();
        int[] skipped = source.skippableText(headPoint);
        Document doc = skipped.length == 0 ? Parser.htmlParser().parseInput(html, request.pageUrl().toString())
                : Parser.htmlParser().parseInput(new ElidingReader(html, skipped), request.pageUrl().toString());
        ParsedPages.Read read = ParsedPages.read(doc, request.pageUrl());
        PageMeta page = read.meta();
        ResolvedMeta resolved = withImageSize(page.resolve(request.application(), request.taglib(), defaults));
        ArticleMeta meta = resolved.meta();

        String head = HeadTags.render(meta, defaults, page.existingTags(), cs.output());
        List<Target> targets = buttonTargets(page, read.anchors(), meta);
        int headAt = head.isEmpty() ? -1 : headPoint;
        int[] buttonAt = new int[targets.size()];
        boolean untracked = !head.isEmpty() && headAt < 0;
        for (int i = 0; i < buttonAt.length; i++) {
            buttonAt[i] = locate(source, targets.get(i));
            untracked |= buttonAt[i] < 0;
        }
        if (untracked) {
            Document tracked = Parser.htmlParser().setTrackPosition(true).parseInput(html, request.pageUrl().toString());
            if (!head.isEmpty() && headAt < 0) headAt = headInsertionPoint(tracked, html.length());
            for (int i = 0; i < buttonAt.length; i++) if (buttonAt[i] < 0) buttonAt[i] = trackedPosition(tracked, targets.get(i));
        }

        boolean anyBar = java.util.Arrays.stream(buttonAt).anyMatch(at -> at >= 0);
        String rendered = anyBar ? renderButtons(meta) : null;
        if (rendered != null) {
            // The bar's stylesheet (and a linked script) belong in <head>: a <style> in <body> is not
            // conforming HTML, and several bars on one page need them once.
            for (String element : headElements()) {
                if (!rendered.contains(element)) continue;
                String marker = element.contains("data-herald-script") ? "data-herald-script" : "data-herald-style";
                int at = headAt >= 0 ? headAt : headPoint;
                if (html.contains(marker)) {
                    rendered = rendered.replace(element, ""); // the page has it already
                } else if (at >= 0) {
                    headAt = at;
                    head = head + element;
                    rendered = rendered.replace(element, "");
                }
            }
        }
        List<Edit> edits = new ArrayList<>(1 + buttonAt.length);
        if (!head.isEmpty()) edits.add(new Edit(headAt, head));
        if (rendered != null && !rendered.isBlank()) {
            String bar = Escape.fragment(rendered, cs.output());
            java.util.Set<Integer> used = new java.util.HashSet<>();
            for (int at : buttonAt) if (at >= 0 && used.add(at)) edits.add(new Edit(at, bar));
        }
        edits.sort((a, b) -> Integer.compare(a.at, b.at));

        int[] charOffsets = new int[edits.size()];
        for (int i = 0; i < charOffsets.length; i++) charOffsets[i] = edits.get(i).at;
        int[] byteOffsets = cs.byteOffsets(html, length, charOffsets);
        List<Rewrite.Insertion> insertions = new ArrayList<>(edits.size());
        for (int i = 0; i < edits.size(); i++) insertions.add(new Rewrite.Insertion(byteOffsets[i], cs.encode(edits.get(i).html)));
        return new Rewrite(resolved, cs.output(), insertions, null);
    }

    /** Where the buttons go: inside an element's start tag, after its end tag, or before its end tag. */
    private enum Spot { INSIDE_START, AFTER_END, BEFORE_END }

    /** The element the buttons are placed relative to, and how. */
    private record Target(Element element, Spot spot, int ordinal) {}

    private List<Target> buttonTargets(PageMeta page, ParsedPages.Anchors anchors, ArticleMeta meta) {
        if (buttons == null || placements.contains(ButtonPlacement.NONE) || !meta.isArticle() || page.hasButtonBar()) return List.of();
        Element placeholder = anchors.sharePlaceholder();
        if (placeholder != null) {
            return placeholder.tag().isEmpty() || inNoscript(placeholder) ? List.of() : List.of(new Target(placeholder, Spot.INSIDE_START, -1));
        }
        List<Target> out = new ArrayList<>(placements.size());
        for (ButtonPlacement placement : placements) {
            Element at = switch (placement) {
                case AFTER_HEADLINE -> anchors.headline();
                case AFTER_STANDFIRST -> anchors.openingEnd();
                case END_OF_ARTICLE -> anchors.article();
                default -> null;
            };
            if (at == null || inNoscript(at)) continue;
            Target t = new Target(at, placement == ButtonPlacement.END_OF_ARTICLE ? Spot.BEFORE_END : Spot.AFTER_END, anchors.ordinalOf(at));
            if (out.stream().noneMatch(o -> o.element() == t.element() && o.spot() == t.spot())) out.add(t);
        }
        return out;
    }

    /** What a bar of this transformer's renderer starts with that belongs in the head. */
    private List<String> headElements() {
        return buttons instanceof ShareButtons sb ? sb.headElements() : List.of(BAR_STYLE);
    }

    /**
     * The insertion point for {@code target} from the source scan, or -1 when the scan cannot vouch
     * for it: the start and end tags it finds must enclose exactly as many start tags as the parsed
     * element has descendants (implicit elements, misnested tags and the like make them differ).
     */
    private static int locate(SourceTags source, Target target) {
        Element e = target.element();
        if (target.spot() == Spot.INSIDE_START) {
            SourceTags.Tag tag = source.firstSharePlaceholder();
            return tag != null && source.isNamed(tag, e.normalName()) && source.opensWithin(tag, ancestors(e)) ? tag.finish() : -1;
        }
        // Ordinals only line up for elements the parser never creates on its own: not for formatting
        // elements it reconstructs, nor for p and br, which stray end tags create.
        if (target.ordinal() < 0 || !ORDINAL_SAFE.contains(e.normalName())) return -1;
        SourceTags.Tag start = source.startTag(e.normalName(), target.ordinal());
        if (start == null) return -1;
        SourceTags.Tag end = source.endTagOf(start);
        if (end == null || !source.opensWithin(start, ancestors(e)) || !source.balanced(start, end)
                || source.startTagsBetween(start, end) != e.getAllElements().size() - 1) return -1;
        return target.spot() == Spot.AFTER_END ? end.finish() : end.start();
    }

    /**
     * Whether {@code e} lies inside a {@code <noscript>} (often an unclosed one swallowing the rest of
     * the page). Herald parses with scripting off, so it sees elements there; a browser with scripting
     * on reads the same bytes as text, and a bar placed there would never show.
     */
    private static boolean inNoscript(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) if (p.normalName().equals("noscript")) return true;
        return false;
    }

    /** The names of {@code e}'s ancestors, outermost first, without html, head and body. */
    private static List<String> ancestors(Element e) {
        List<String> names = new ArrayList<>();
        for (Element p = e.parent(); p != null; p = p.parent()) {
            String n = p.normalName();
            if (!(p instanceof Document) && !n.equals("html") && !n.equals("body") && !n.equals("head")) names.add(n);
        }
        java.util.Collections.reverse(names);
        return names;
    }

    /** The insertion point for {@code target} from a position-tracking parse of the same text, or -1. */
    private static int trackedPosition(Document tracked, Target target) {
        Element e = target.element();
        Element same;
        if (target.spot() == Spot.INSIDE_START) {
            same = tracked.selectFirst("[data-herald-share]");
        } else {
            org.jsoup.select.Elements all = tracked.getElementsByTag(e.normalName());
            same = target.ordinal() >= 0 && target.ordinal() < all.size() ? all.get(target.ordinal()) : null;
        }
        if (same == null) return -1;
        return switch (target.spot()) {
            case INSIDE_START -> explicit(same.sourceRange()) ? same.sourceRange().endPos() : -1;
            case AFTER_END -> explicit(same.endSourceRange()) ? same.endSourceRange().endPos() : -1;
            case BEFORE_END -> explicit(same.endSourceRange()) ? same.endSourceRange().startPos() : -1;
        };
    }

    /** The button bar, or null when the renderer fails: a broken bar must not cost the page its head tags. */
    private String renderButtons(ArticleMeta meta) {
        try {
            return buttons.render(meta);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A planned insertion of {@code html} before char {@code at} of the decoded text. */
    private record Edit(int at, String html) {}

    /**
     * Where the head block goes: before {@code </head>}; when the head end is implicit, where the
     * parser closed it (just before the first body content, where a {@code <meta>} still lands in
     * the head); else after the last thing that was parsed into the head; else at the very start.
     */
    static int headInsertionPoint(Document doc, int textLength) {
        Element head = doc.head();
        Range end = head.endSourceRange();
        if (explicit(end) && end.startPos() >= 0 && end.startPos() <= textLength) return end.startPos();
        Element last = head.lastElementChild();
        if (last != null) {
            // After an explicit end tag, or after a void element's tag. A title, style or script left
            // open runs to the end of the page, and an implied end is inside its text (found by
            // PageTransformerFuzzTest); then the head's start tag is the safe point.
            Range r = explicit(last.endSourceRange()) ? last.endSourceRange() : last.tag().isEmpty() ? last.sourceRange() : null;
            if (r != null && r.isTracked() && r.endPos() <= textLength) return r.endPos();
        }
        Range start = head.sourceRange();
        if (start.isTracked() && !start.isImplicit() && start.endPos() <= textLength) return start.endPos();
        // No <head> tag: after the doctype, never before it (that would put the page in quirks mode).
        for (org.jsoup.nodes.Node n : doc.childNodes()) {
            Range r = n.sourceRange();
            if (n instanceof org.jsoup.nodes.DocumentType && r.isTracked() && r.endPos() <= textLength) return r.endPos();
        }
        return 0;
    }

    private static boolean explicit(Range r) {
        return r.isTracked() && !r.isImplicit();
    }

    private ResolvedMeta withImageSize(ResolvedMeta resolved) {
        ImageMeta image = resolved.meta().image();
        if (image == null || (image.width() != null && image.height() != null)) return resolved;
        return imageSizes.sizeOf(image.url())
                .map(size -> new ResolvedMeta(resolved.meta().toBuilder().image(size.applyTo(image)).build(), resolved.sources()))
                .orElse(resolved);
    }

    private ResolvedMeta fallback(PageRequest request) {
        Map<MetaSource, ArticleMeta> c = new EnumMap<>(MetaSource.class);
        c.put(MetaSource.APPLICATION, request.application());
        c.put(MetaSource.TAGLIB, request.taglib());
        c.put(MetaSource.INFERRED, ArticleMeta.builder().url(request.pageUrl()).build());
        c.put(MetaSource.SITE_DEFAULT, defaults.asMeta());
        return ResolvedMeta.resolve(c);
    }

    /** NUL or many control characters near the start mean bytes that are not text at all. */
    private static boolean looksBinary(String text) {
        int n = Math.min(text.length(), BINARY_SNIFF_CHARS);
        int controls = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') controls++;
            if (c == '\uFFFD') controls++;
        }
        return n > 0 && controls * 10 > n;
    }
}
