package dev.herald.internal;

import java.util.Arrays;

/**
 * Finds where tags sit in an HTML document's source text, so that Herald can insert markup at exact
 * character offsets without asking the parser to track positions (jsoup's position tracking costs
 * about 60% of a parse; this scan costs a few percent).
 *
 * <p>It follows the HTML tokenizer far enough to be right about what is a tag: comments, doctypes
 * and bogus comments, quoted attribute values, and the raw-text contents of {@code script},
 * {@code style}, {@code title}, {@code textarea} and their kin, including foreign ({@code svg},
 * {@code math}) content. Where it cannot be sure (a script whose comment hides another
 * {@code <script>}, {@code <plaintext>}), it says so, and callers fall back to a position-tracking
 * parse. Scanning stops as soon as a question is answered; it never throws.
 */
public final class SourceTags {
    /** A start or end tag: its name's extent and the extent of the whole tag. */
    public record Tag(boolean end, int nameStart, int nameEnd, int start, int finish, int index) {}

    private static final int FLAG_SELF_CLOSING = 1;
    private static final int FLAG_SHARE = 2;
    private static final int FLAG_FOREIGN = 4;

    private final String s;
    private final int n;
    private int pos;
    private boolean eof;
    /** Offset from which the scan is no longer reliable, or -1. */
    private int uncertainFrom = -1;

    // Tags seen so far, in parallel arrays.
    private int count;
    private boolean[] isEnd = new boolean[256];
    private int[] nameStart = new int[256];
    private int[] nameEnd = new int[256];
    private int[] tagStart = new int[256];
    private int[] tagEnd = new int[256];
    private int[] flags = new int[256];
    private int[] kinds = new int[256];

    /** Flags of the start tag being read. */
    private int tagFlags;

    // Contents of script and style elements passed so far, as [start, end) pairs.
    private int[] rawText = new int[16];
    private int rawTextCount;

    // Foreign content (svg, math) nesting; raw-text rules do not apply inside it.
    private int foreign;

    // Where <head> ends, worked out while scanning.
    private boolean headDone;
    private int headAt = -1;
    private int headFloor;
    private int headIgnoreDepth;
    /** Where the outermost {@code <noscript>} or {@code <template>} being ignored in the head starts. */
    private int headIgnoreFrom;

    /** A scanner over {@code source}; nothing is scanned until a question is asked. */
    public SourceTags(String source) {
        this.s = Validate.notNull(source, "source");
        this.n = source.length();
    }

    /**
     * Where markup for the {@code <head>} goes: right before {@code </head>}; where a browser would
     * close an implicit or cut-short head (before the first text or tag that cannot be in a head,
     * reading {@code <noscript>} as browsers do); never before the doctype or the {@code <html>} and
     * {@code <head>} start tags. -1 when the scan is not reliable up to that point.
     */
    public int headInsertionPoint() {
        while (!headDone && step()) { /* scan on */ }
        if (!headDone) finishHead(n);
        if (uncertainFrom >= 0 && uncertainFrom <= headAt) return -1;
        return Math.max(headAt, headFloor);
    }

    /**
     * The contents of the {@code script} and {@code style} elements that the scan has read with
     * certainty and that end at or before {@code limit}, as ascending {@code [start, end)} offset
     * pairs: text that no reader of the page's markup or metadata needs. Scripts whose start tag
     * mentions {@code ld+json} (JSON-LD) are not included; nor is anything in foreign ({@code svg},
     * {@code math}) content, where the parser reads such elements as markup.
     */
    public int[] skippableText(int limit) {
        int k = 0;
        // Ranges are recorded in text order, and only where the scan is sure of them.
        while (k < rawTextCount && rawText[2 * k + 1] <= limit) k++;
        return Arrays.copyOf(rawText, 2 * k);
    }

    /** The {@code ordinal}-th (from 0) start tag named {@code name}, or null. */
    public Tag startTag(String name, int ordinal) {
        int seen = 0;
        for (int i = 0; ; i++) {
            while (i >= count) if (!step()) return null;
            if (!isEnd[i] && nameIs(i, name) && seen++ == ordinal) return certain(i);
        }
    }

    /** The first start tag carrying a {@code data-herald-share} attribute, or null. */
    public Tag firstSharePlaceholder() {
        for (int i = 0; ; i++) {
            while (i >= count) if (!step()) return null;
            if (!isEnd[i] && (flags[i] & FLAG_SHARE) != 0) return certain(i);
        }
    }

    /**
     * The end tag that closes {@code start}: the next end tag of the same name at the same nesting
     * depth, or null when there is none or the scan is not reliable there.
     */
    public Tag endTagOf(Tag start) {
        int depth = 1;
        String name = s.substring(start.nameStart(), start.nameEnd());
        for (int i = start.index() + 1; ; i++) {
            while (i >= count) if (!step()) return null;
            if (!nameIs(i, name)) continue;
            if (isEnd[i]) {
                if (--depth == 0) return certain(i);
            } else if ((flags[i] & FLAG_SELF_CLOSING) == 0 || !foreignName(name)) {
                // An HTML element's "/>" opens it all the same; only svg and math honour it.
                depth++;
            }
        }
    }

    /** Whether {@code tag}'s name is {@code name}, ignoring case. */
    public boolean isNamed(Tag tag, String name) {
        return tag.nameEnd() - tag.nameStart() == name.length() && s.regionMatches(true, tag.nameStart(), name, 0, name.length());
    }

    /**
     * Whether the tags strictly between {@code start} and {@code end} nest properly: every end tag
     * closes the innermost open element (elements whose end tag HTML lets authors omit, such as
     * {@code p} and {@code li}, may be left open), and nothing is left open at {@code end}. Where they
     * do not, the parser's error recovery may have closed the element elsewhere.
     */
    public boolean balanced(Tag start, Tag end) {
        int[] stack = new int[16];
        int depth = 0;
        for (int i = start.index() + 1; i <= end.index(); i++) {
            if (!isEnd[i]) {
                if (isVoid(i) || ((flags[i] & (FLAG_SELF_CLOSING | FLAG_FOREIGN)) == (FLAG_SELF_CLOSING | FLAG_FOREIGN))) continue;
                if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
                stack[depth++] = i;
                continue;
            }
            if (i == end.index()) break;
            depth = close(stack, depth, i);
            if (depth < 0) return false;
        }
        // The end tag itself must find its element on top (after the implied ends its kind allows).
        if (closesImplied(end.index())) while (depth > 0 && optionalEnd(stack[depth - 1])) depth--;
        return depth == 0;
    }

    /**
     * Applies end tag {@code i} to the open elements: end tags of block-level elements and headings
     * first close open elements whose end tag is optional (p, li...); any other end tag must match
     * the innermost element exactly. Returns the new depth, or -1 when the tag does not nest.
     */
    private int close(int[] stack, int depth, int i) {
        if (closesImplied(i)) while (depth > 0 && !sameName(stack[depth - 1], i) && optionalEnd(stack[depth - 1])) depth--;
        if (depth == 0 || !sameName(stack[depth - 1], i)) return -1;
        return depth - 1;
    }

    /** End tags that make the parser generate implied end tags before closing their element. */
    private boolean closesImplied(int i) {
        return (kind(i) & CLOSES_IMPLIED) != 0;
    }

    /**
     * Whether the elements open at {@code start}, as the tags before it nest, are {@code ancestors}
     * (outermost first, lower case, without {@code html}, {@code head} and {@code body}); open
     * elements with an optional end tag that the parser closed earlier are allowed in between. False
     * when an earlier end tag does not close the innermost open element: the parser's error recovery
     * may then have moved things where a scan cannot follow.
     */
    public boolean opensWithin(Tag start, java.util.List<String> ancestors) {
        int[] stack = new int[32];
        int depth = 0;
        for (int i = 0; i < start.index(); i++) {
            if (structural(i)) continue;
            if (!isEnd[i]) {
                if (isVoid(i) || ((flags[i] & (FLAG_SELF_CLOSING | FLAG_FOREIGN)) == (FLAG_SELF_CLOSING | FLAG_FOREIGN))) continue;
                if (depth == stack.length) stack = Arrays.copyOf(stack, depth * 2);
                stack[depth++] = i;
                continue;
            }
            depth = close(stack, depth, i);
            if (depth < 0) return false;
        }
        int a = 0;
        for (int k = 0; k < depth; k++) {
            int i = stack[k];
            if ((kind(i) & MODE_SWITCH) != 0) return false;
            if (a < ancestors.size() && nameIs(i, ancestors.get(a))) a++;
            else if (!optionalEnd(i)) return false;
        }
        return a == ancestors.size();
    }

    private boolean structural(int i) {
        return (kind(i) & STRUCTURAL) != 0;
    }

    private boolean sameName(int a, int b) {
        int len = nameEnd[a] - nameStart[a];
        return len == nameEnd[b] - nameStart[b] && s.regionMatches(true, nameStart[a], s, nameStart[b], len);
    }

    private boolean isVoid(int i) {
        return (kind(i) & VOID) != 0;
    }

    private boolean optionalEnd(int i) {
        return (kind(i) & OPTIONAL_END) != 0;
    }

    private static final int VOID = 1;
    private static final int OPTIONAL_END = 2;
    private static final int CLOSES_IMPLIED = 4;
    private static final int MODE_SWITCH = 8;
    private static final int STRUCTURAL = 16;
    private static final String[][] KIND_NAMES = {
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
            "frame", "basefont", "bgsound", "image"},
        {"p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc"},
        {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
            "figure", "footer", "header", "hgroup", "listing", "main", "menu", "nav", "ol", "pre", "search", "section", "summary",
            "ul", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "form"},
        // Inside these the parser switches insertion modes (head noscript, templates, tables, selects,
        // foreign content), where end tags can close more than the innermost element.
        {"noscript", "template", "select", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "frameset",
            "svg", "math", "object", "applet", "marquee", "button"},
        {"html", "head", "body"}};
    /** Names with a kind, bucketed by length and lower-case first letter, for lookups without allocation. */
    private static final String[][][] KIND_INDEX = new String[11][26][];
    private static final int[][][] KIND_BITS = new int[11][26][];

    static {
        java.util.Map<String, Integer> bits = new java.util.LinkedHashMap<>();
        for (int k = 0; k < KIND_NAMES.length; k++) for (String name : KIND_NAMES[k]) bits.merge(name, 1 << k, (a, b) -> a | b);
        for (java.util.Map.Entry<String, Integer> e : bits.entrySet()) {
            String name = e.getKey();
            int len = name.length();
            int c = name.charAt(0) - 'a';
            String[] names = KIND_INDEX[len][c] == null ? new String[0] : KIND_INDEX[len][c];
            int[] b = KIND_BITS[len][c] == null ? new int[0] : KIND_BITS[len][c];
            names = Arrays.copyOf(names, names.length + 1);
            b = Arrays.copyOf(b, b.length + 1);
            names[names.length - 1] = name;
            b[b.length - 1] = e.getValue();
            KIND_INDEX[len][c] = names;
            KIND_BITS[len][c] = b;
        }
    }

    /** The kind bits of tag {@code i}'s name (computed once per tag). */
    private int kind(int i) {
        int k = kinds[i];
        if (k >= 0) return k;
        k = 0;
        int len = nameEnd[i] - nameStart[i];
        if (len > 0 && len < KIND_INDEX.length) {
            int c = (s.charAt(nameStart[i]) | 0x20) - 'a';
            if (c >= 0 && c < 26 && KIND_INDEX[len][c] != null) {
                String[] names = KIND_INDEX[len][c];
                for (int j = 0; j < names.length; j++) {
                    if (s.regionMatches(true, nameStart[i], names[j], 0, len)) { k = KIND_BITS[len][c][j]; break; }
                }
            }
        }
        kinds[i] = k;
        return k;
    }

    /** How many start tags lie strictly between {@code from} and {@code to} (tags already scanned). */
    public int startTagsBetween(Tag from, Tag to) {
        int c = 0;
        for (int i = from.index() + 1; i < to.index(); i++) if (!isEnd[i]) c++;
        return c;
    }

    private Tag certain(int i) {
        if (uncertainFrom >= 0 && uncertainFrom <= tagEnd[i]) return null;
        return new Tag(isEnd[i], nameStart[i], nameEnd[i], tagStart[i], tagEnd[i], i);
    }

    private boolean nameIs(int i, String name) {
        return nameEnd[i] - nameStart[i] == name.length() && s.regionMatches(true, nameStart[i], name, 0, name.length());
    }

    private static boolean foreignName(String name) {
        return name.equalsIgnoreCase("svg") || name.equalsIgnoreCase("math");
    }

    // ---- the tokenizer ----

    /** Scans the next token; false at the end of the text. */
    private boolean step() {
        if (eof) return false;
        if (uncertainFrom >= 0) { eof = true; return false; }
        int lt = s.indexOf('<', pos);
        if (lt < 0) {
            text(pos, n);
            pos = n;
            eof = true;
            if (!headDone) finishHead(n);
            return false;
        }
        if (lt > pos) text(pos, lt);
        pos = lt;
        if (lt + 1 >= n) { text(lt, n); pos = n; return true; }
        char c = s.charAt(lt + 1);
        if (c == '!') {
            markupDeclaration(lt);
        } else if (c == '?') {
            pos = bogusCommentEnd(lt + 2);
        } else if (c == '/') {
            endTagOpen(lt);
        } else if (isAsciiLetter(c)) {
            startTag(lt);
        } else {
            text(lt, lt + 1);
            pos = lt + 1;
        }
        return true;
    }

    private void markupDeclaration(int lt) {
        if (s.startsWith("<!--", lt)) {
            int from = lt + 4;
            // "<!-->" and "<!--->" are complete (empty) comments.
            if (s.startsWith(">", from)) { pos = from + 1; return; }
            if (s.startsWith("->", from)) { pos = from + 2; return; }
            int a = s.indexOf("-->", from);
            int b = s.indexOf("--!>", from);
            if (a < 0 && b < 0) { pos = n; eof = true; finishHeadIfOpen(n); return; }
            pos = (b >= 0 && (a < 0 || b < a)) ? b + 4 : a + 3;
            return;
        }
        if (foreign > 0 && s.startsWith("<![CDATA[", lt)) {
            int e = s.indexOf("]]>", lt + 9);
            pos = e < 0 ? n : e + 3;
            return;
        }
        boolean doctype = s.regionMatches(true, lt + 2, "doctype", 0, 7);
        pos = bogusCommentEnd(lt + 2);
        if (doctype && !headDone) headFloor = Math.max(headFloor, pos);
    }

    private int bogusCommentEnd(int from) {
        int gt = s.indexOf('>', from);
        return gt < 0 ? n : gt + 1;
    }

    private void endTagOpen(int lt) {
        int p = lt + 2;
        if (p >= n) { text(lt, n); pos = n; return; }
        char c = s.charAt(p);
        if (c == '>') { pos = p + 1; return; } // "</>" is dropped
        if (!isAsciiLetter(c)) { pos = bogusCommentEnd(p); return; }
        int ns = p;
        while (p < n && !isTagNameEnd(s.charAt(p))) p++;
        int ne = p;
        int close = attributesEnd(p, false);
        if (close < 0) { pos = n; eof = true; finishHeadIfOpen(lt); return; } // EOF inside a tag drops it
        add(true, ns, ne, lt, close, 0);
        pos = close;
        if (foreign > 0 && (nameEquals(ns, ne, "svg") || nameEquals(ns, ne, "math"))) foreign--;
        if (!headDone) headEndTag(ns, ne, lt);
    }

    private void startTag(int lt) {
        int p = lt + 1;
        int ns = p;
        while (p < n && !isTagNameEnd(s.charAt(p))) p++;
        int ne = p;
        tagFlags = 0;
        int close = attributesEnd(p, true);
        if (close < 0) { pos = n; eof = true; finishHeadIfOpen(lt); return; }
        int index = count;
        add(false, ns, ne, lt, close, tagFlags | (foreign > 0 ? FLAG_FOREIGN : 0));
        pos = close;
        if (!headDone) headStartTag(ns, ne, lt, close, index);
        if (foreign > 0) {
            if (breaksOutOfForeignContent(ns, ne)) foreign = 0;
            else {
                if ((nameEquals(ns, ne, "svg") || nameEquals(ns, ne, "math")) && (tagFlags & FLAG_SELF_CLOSING) == 0) foreign++;
                return;
            }
        }
        if (nameEquals(ns, ne, "svg") || nameEquals(ns, ne, "math")) {
            if ((tagFlags & FLAG_SELF_CLOSING) == 0) foreign++;
            return;
        }
        if (!mayBeRawText(ns, ne)) return;
        switch (lowerName(ns, ne)) {
            case "script" -> skipScript(ns, ne);
            case "style" -> {
                int from = pos;
                skipRawText(ns, ne);
                if (!eof && pos < n) skippable(from, pos);
            }
            case "xmp", "iframe", "noembed", "noframes", "title", "textarea" -> skipRawText(ns, ne);
            case "plaintext" -> { uncertainFrom = close; pos = n; eof = true; finishHeadIfOpen(close); }
            default -> { }
        }
    }

    /**
     * Skips attributes up to and including the tag's closing '>', honouring quotes; returns the
     * offset after '>', or -1 at EOF. Records self-closing and a {@code data-herald-share} attribute.
     */
    private int attributesEnd(int p, boolean record) {
        while (p < n) {
            char c = s.charAt(p);
            if (c == '>') return p + 1;
            if (c == '/' ) {
                if (p + 1 < n && s.charAt(p + 1) == '>') {
                    if (record) tagFlags |= FLAG_SELF_CLOSING;
                    return p + 2;
                }
                p++;
                continue;
            }
            if (isSpace(c)) { p++; continue; }
            // attribute name: the first character may be '=' (a parse error, but part of the name)
            int as = p;
            p++;
            while (p < n && !isSpace(s.charAt(p)) && s.charAt(p) != '/' && s.charAt(p) != '>' && s.charAt(p) != '=') p++;
            if (record && p - as == 17 && s.regionMatches(true, as, "data-herald-share", 0, 17)) tagFlags |= FLAG_SHARE;
            while (p < n && isSpace(s.charAt(p))) p++;
            if (p < n && s.charAt(p) == '=') {
                p++;
                while (p < n && isSpace(s.charAt(p))) p++;
                if (p >= n) return -1;
                char q = s.charAt(p);
                if (q == '"' || q == '\'') {
                    int e = s.indexOf(q, p + 1);
                    if (e < 0) return -1;
                    p = e + 1;
                } else {
                    while (p < n && !isSpace(s.charAt(p)) && s.charAt(p) != '>') p++;
                }
            }
        }
        return -1;
    }

    private void skipRawText(int ns, int ne) {
        int end = findEndTag(pos, ns, ne);
        // Left open, the element's text runs to the end of the page: no point after it is markup
        // (PageTransformerFuzzTest found head tags planned inside an unclosed <title>).
        if (end < 0) uncertainFrom = pos;
        pos = end < 0 ? n : end;
    }

    /**
     * Script data: ends at the first matching end tag, unless a {@code <!--} inside the script is
     * followed by a {@code <script} before that end tag, where the tokenizer's double-escaped state
     * could move the end; that case is left to the position-tracking parse.
     */
    private void skipScript(int ns, int ne) {
        int end = findEndTag(pos, ns, ne);
        int limit = end < 0 ? n : end;
        int comment = indexOfBefore("<!--", pos, limit);
        if (comment >= 0) {
            int inner = indexOfTagIgnoreCase("<script", comment + 4, limit);
            if (inner >= 0) {
                uncertainFrom = comment;
                pos = n;
                eof = true;
                return;
            }
        }
        if (end >= 0 && !mentionsJsonLd(ne, pos)) skippable(pos, end);
        if (end < 0) uncertainFrom = pos; // an unclosed script runs to the end of the page, as above
        pos = limit;
    }

    /** Whether the start tag's attributes, {@code [from, to)}, contain "ld+json" in any case. */
    private boolean mentionsJsonLd(int from, int to) {
        for (int p = from; p + 7 <= to; p++) {
            if ((s.charAt(p) | 0x20) == 'l' && s.regionMatches(true, p, "ld+json", 0, 7)) return true;
        }
        return false;
    }

    private void skippable(int from, int to) {
        if (to <= from) return;
        if (2 * rawTextCount + 2 > rawText.length) rawText = Arrays.copyOf(rawText, rawText.length * 2);
        rawText[2 * rawTextCount] = from;
        rawText[2 * rawTextCount + 1] = to;
        rawTextCount++;
    }

    /** Offset of the next {@code </name} end tag (followed by space, '/' or '>') from {@code from}, or -1. */
    private int findEndTag(int from, int ns, int ne) {
        int len = ne - ns;
        int p = from;
        while (true) {
            int lt = s.indexOf("</", p);
            if (lt < 0) return -1;
            int after = lt + 2 + len;
            if (after <= n && s.regionMatches(true, lt + 2, s, ns, len) && (after == n || isTagNameEnd(s.charAt(after)))) return lt;
            p = lt + 2;
        }
    }

    /** Offset of {@code needle} starting in {@code [from, limit)}, or -1; never searches past {@code limit}. */
    private int indexOfBefore(String needle, int from, int limit) {
        char first = needle.charAt(0);
        for (int p = s.indexOf(first, from); p >= 0 && p < limit; p = s.indexOf(first, p + 1)) {
            if (s.startsWith(needle, p)) return p;
        }
        return -1;
    }

    private int indexOfTagIgnoreCase(String open, int from, int limit) {
        for (int p = s.indexOf('<', from); p >= 0 && p < limit; p = s.indexOf('<', p + 1)) {
            int after = p + open.length();
            if (after <= n && s.regionMatches(true, p, open, 0, open.length()) && (after == n || isTagNameEnd(s.charAt(after)))) return p;
        }
        return -1;
    }

    private boolean breaksOutOfForeignContent(int ns, int ne) {
        switch (lowerName(ns, ne)) {
            case "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed",
                "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr",
                "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup", "table", "tt", "u", "ul", "var" -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** A cheap first test before naming the tag: raw-text elements are 3 to 9 letters long and start with one of a few letters. */
    private boolean mayBeRawText(int ns, int ne) {
        int len = ne - ns;
        if (len < 3 || len > 9) return false;
        char c = (char) (s.charAt(ns) | 0x20);
        return c == 's' || c == 'x' || c == 'i' || c == 'n' || c == 't' || c == 'p';
    }

    private void add(boolean end, int ns, int ne, int start, int finish, int f) {
        if (count == isEnd.length) {
            int size = count * 2;
            isEnd = Arrays.copyOf(isEnd, size);
            nameStart = Arrays.copyOf(nameStart, size);
            nameEnd = Arrays.copyOf(nameEnd, size);
            tagStart = Arrays.copyOf(tagStart, size);
            tagEnd = Arrays.copyOf(tagEnd, size);
            flags = Arrays.copyOf(flags, size);
            kinds = Arrays.copyOf(kinds, size);
        }
        isEnd[count] = end;
        nameStart[count] = ns;
        nameEnd[count] = ne;
        tagStart[count] = start;
        tagEnd[count] = finish;
        flags[count] = f;
        kinds[count] = -1;
        count++;
    }

    // ---- where the head ends (the "in head" insertion mode, with scripting enabled) ----

    private void text(int from, int to) {
        if (headDone || headIgnoreDepth > 0) return;
        for (int i = from; i < to; i++) {
            if (!isSpace(s.charAt(i))) { finishHead(i); return; }
        }
    }

    private void headStartTag(int ns, int ne, int start, int end, int index) {
        if (headIgnoreDepth > 0) {
            if (nameEquals(ns, ne, "noscript") || nameEquals(ns, ne, "template")) headIgnoreDepth++;
            return;
        }
        switch (lowerName(ns, ne)) {
            case "html", "head" -> headFloor = Math.max(headFloor, end);
            case "base", "basefont", "bgsound", "link", "meta", "title", "style", "script", "noframes" -> { }
            // Browsers read <noscript> in the head as raw text, and <template> holds inert content.
            case "noscript", "template" -> {
                headIgnoreFrom = start;
                headIgnoreDepth++;
            }
            default -> finishHead(start);
        }
    }

    private void headEndTag(int ns, int ne, int start) {
        if (headIgnoreDepth > 0) {
            if (nameEquals(ns, ne, "noscript") || nameEquals(ns, ne, "template")) headIgnoreDepth--;
            return;
        }
        switch (lowerName(ns, ne)) {
            case "head", "body", "html", "br" -> finishHead(start);
            default -> { }
        }
    }

    private void finishHeadIfOpen(int at) {
        if (!headDone) finishHead(at);
    }

    private void finishHead(int at) {
        headDone = true;
        // A <noscript> or <template> the page never closes runs to its end, as text to a browser, so
        // the head's last safe point is before it (PageTransformerFuzzTest found tags planned after </html>).
        headAt = headIgnoreDepth > 0 ? Math.min(at, headIgnoreFrom) : at;
    }

    // ---- characters ----

    private String lowerName(int ns, int ne) {
        int len = ne - ns;
        if (len > 10) return "";
        return s.substring(ns, ne).toLowerCase(java.util.Locale.ROOT);
    }

    private boolean nameEquals(int ns, int ne, String name) {
        return ne - ns == name.length() && s.regionMatches(true, ns, name, 0, name.length());
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isTagNameEnd(char c) {
        return isSpace(c) || c == '/' || c == '>';
    }
}
