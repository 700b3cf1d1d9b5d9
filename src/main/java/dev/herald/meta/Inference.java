package dev.herald.meta;

import dev.herald.meta.PageScan.Found;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Infers metadata from a page's content ({@link MetaSource#INFERRED}) the way link-preview scrapers
 * do, tuned for the markup of news sites: the headline, the standfirst or first real paragraph, the
 * lead image, the byline, dates, section, keywords and language.
 */
final class Inference {
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]");
    private static final Pattern TLD_SUFFIX = Pattern.compile("(com|org|net|co\\.uk|couk|de|fr|es|it)$");
    private static final Pattern DOMAIN_TAIL = Pattern.compile("(?i)\\.(com|org|net|news|co|io|de|fr|uk|es|it)$");
    private static final Pattern BYLINE_START = Pattern.compile("(?i)^(by|written by|von|par|por)\\s");
    static final int DESCRIPTION_MAX = 300;
    // " : " too (French typography, "Headline : Show Name"); a colon suffix is dropped only when it is the site's name.
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+(\\||-|–|—|·|•|»|::|/|:)\\s+");
    /** A title that is only a post's number ("1798230457716101232", "Post 88213907", "#4411"): a social post or board page. */
    private static final Pattern NUMERIC_TITLE = Pattern.compile("(?i)(?:(?:post|status|tweet|toot|note|entry|thread|message|no\\.?|nr\\.?)\\s*)?#?\\s*\\d{4,}");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?…](?=\\s)");
    private static final int POST_TITLE_MAX = 120;
    private static final String[] PUBLISHED_META = {"article.published", "article:published", "datepublished", "date", "pubdate",
        "publishdate", "publish-date", "publish_date", "published_time", "published-date", "timestamp", "dc.date", "dc.date.issued",
        "dc.date.created", "dcterms.created", "dcterms.date", "dcterms.issued", "sailthru.date", "parsely-pub-date",
        "article_date_original", "original-publish-date", "og:published_time", "cxenseparse:recs:publishtime", "displaydate"};
    private static final String[] MODIFIED_META = {"article.updated", "datemodified", "last-modified", "lastmod", "dcterms.modified",
        "dc.date.modified", "revised", "article:modified", "updated_time"};
    private static final String[] AUTHOR_META = {"byl", "parsely-author", "sailthru.author", "dc.creator", "dcterms.creator", "article:author_name", "author_name"};
    private static final String[] SECTION_META = {"section", "parsely-section", "article-section", "article.section", "category", "sailthru.section", "cxenseparse:pageclass-section"};
    private static final String[] IMAGE_NOISE = {"logo", "icon", "avatar", "sprite", "pixel", "spacer", "blank.", "badge", "emoji",
        "gravatar", "placeholder", "tracking", "beacon", "/ads/", "doubleclick", "/ad/", "1x1", "transparent.", "author", "headshot",
        "profile", "loading.", "loader", "banner-ad", "facebook.com/tr", "/feed", "button", "arrow", "star-rating", "flag-"};
    private static final String[] PARAGRAPH_NOISE = {"caption", "credit", "byline", "dateline", "meta", "timestamp", "share", "copyright", "disclaimer", "author", "related", "tags", "newsletter"};
    private static final Pattern JUNK_PARAGRAPH = Pattern.compile(
            "(?i)^(advertisement|advertisment|anzeige|publicité|sponsored|story continues below|continue reading|read more|"
            + "sign up|subscribe|click here|updated|published|posted|photo:|image:|file photo|getty images|credit:|"
            + "all rights reserved|copyright|©|we use cookies|this site uses cookies|this website uses cookies|by continuing|"
            + "listen to (this|the) (article|story)|follow us|share this|supported by|skip to|loading|please enable|"
            + "your browser|you are reading|already a subscriber|log in|sign in).*");

    private final PageScan scan;
    private final DeclaredMeta declared;
    private final URI base;
    private final URI pageUrl;
    private final Set<String> siteNames = new LinkedHashSet<>();
    /** Site names with everything but letters and digits removed, with and without a domain ending. */
    private final Set<String> squashedSiteNames = new java.util.HashSet<>();

    Found headline;
    /** Whether the headline element holds more than the title (a kicker), so the title comes from {@code <title>}. */
    private boolean headlineIsTitled;
    Element mainArticle;
    private Element mainBody;
    private PageScan.Region region;
    String rawTitle;
    String titleSuffix;

    private Inference(PageScan scan, DeclaredMeta declared, URI base, URI pageUrl) {
        this.scan = scan;
        this.declared = declared;
        this.base = base;
        this.pageUrl = pageUrl;
        addSiteName(declared.meta.siteName());
        addSiteName(declared.first("application-name"));
        addSiteName(declared.first("apple-mobile-web-app-title"));
        addSiteName(declared.jsonLd.orgName);
        if (pageUrl != null && pageUrl.getHost() != null) addSiteName(pageUrl.getHost().replaceFirst("^www\\.", ""));
    }

    private void addSiteName(String s) {
        String c = Texts.clean(s);
        if (c == null) return;
        String lower = c.toLowerCase(Locale.ROOT);
        if (!siteNames.add(lower)) return;
        String squashed = NOT_ALNUM.matcher(lower).replaceAll("");
        if (!squashed.isEmpty()) {
            squashedSiteNames.add(squashed);
            squashedSiteNames.add(TLD_SUFFIX.matcher(squashed).replaceFirst(""));
        }
    }

    /** Infers what it can from a scanned page. */
    static Inference run(PageScan scan, DeclaredMeta declared, URI base, URI pageUrl) {
        Inference inf = new Inference(scan, declared, base, pageUrl);
        inf.rawTitle = scan.title == null ? null : Texts.clean(scan.title.text());
        inf.chooseContainers();
        return inf;
    }

    /** The inferred metadata; {@code extraSiteName} (from configuration) also counts as a title suffix to strip. */
    ArticleMeta meta(String extraSiteName) {
        return meta(extraSiteName, EnumSet.allOf(MetaField.class));
    }

    /**
     * The inferred metadata for the fields in {@code wanted} (others stay empty: inference is the
     * costly part of reading, and a field a higher-precedence source supplies need not be inferred);
     * {@code extraSiteName} (from configuration) also counts as a title suffix to strip.
     */
    ArticleMeta meta(String extraSiteName, Set<MetaField> wanted) {
        ArticleMeta.Builder b = ArticleMeta.builder();
        if (extraSiteName != null) addSiteName(extraSiteName);
        // The logo link names the site as readers see it: "Headline | Keepers Weekly" loses that suffix.
        addSiteName(logoName());
        // The title is cleaned even when not wanted: stripping it is what finds a site-name suffix.
        String cleanedTitle = wanted.contains(MetaField.TITLE) || wanted.contains(MetaField.SITE_NAME) ? stripSiteName(rawTitle) : null;
        boolean article = looksLikeArticle();
        // A listing (a front page, a section: no article, its best headline a teaser's <h2> rather
        // than an <h1>, and not what <title> says) is named by its own <title>; that teaser and its
        // summary belong to a story. An old blog theme's single <h2 class=entry-title> is the title.
        boolean listing = !article && headline != null && !headline.el().normalName().equals("h1")
                && !namedByTitle(headlineText(headline.el()));
        if (wanted.contains(MetaField.TITLE)) {
            String title = listing
                    ? DeclaredMeta.firstNonNull(rawTitle, headlineText(headline.el()))
                    : DeclaredMeta.firstNonNull(headline == null || headlineIsTitled ? null : headlineText(headline.el()), itemprop("headline"), cleanedTitle);
            if (title != null && NUMERIC_TITLE.matcher(title).matches()) title = postTitle(title);
            b.title(title);
        }
        if (wanted.contains(MetaField.DESCRIPTION) && !listing) b.description(description());
        b.url(pageUrl);
        if (wanted.contains(MetaField.IMAGE)) b.image(image());
        if (wanted.contains(MetaField.SITE_NAME)) {
            String site = DeclaredMeta.firstNonNull(declared.first("application-name"), declared.first("apple-mobile-web-app-title"), titleSuffix);
            b.siteName(site != null ? site : logoName());
        }
        if (wanted.contains(MetaField.LOCALE)) {
            b.locale(DeclaredMeta.firstNonNull(Locales.parse(declared.first("content-language")), Locales.parse(declared.first("language")),
                    Locales.parse(declared.first("dc.language")), Locales.parse(itemprop("inLanguage"))));
        }
        if (wanted.contains(MetaField.TYPE)) b.type(article ? "article" : "website");
        if (wanted.contains(MetaField.AUTHORS)) b.authors(authors());
        if (wanted.contains(MetaField.PUBLISHED_TIME)) b.publishedTime(published());
        if (wanted.contains(MetaField.MODIFIED_TIME)) b.modifiedTime(modified());
        if (wanted.contains(MetaField.SECTION)) b.section(section());
        if (wanted.contains(MetaField.TAGS)) b.tags(tags());
        return b.build();
    }

    /**
     * The title of a page whose own title is only a number, as social networks title a post:
     * "Author: “first sentence”", or the quoted sentence alone, or the number when there is no text.
     */
    private String postTitle(String number) {
        String text = DeclaredMeta.firstNonNull(afterHeadline(), firstParagraph());
        if (text == null) return number;
        Matcher end = SENTENCE_END.matcher(text);
        String sentence = end.find() && end.end() >= 20 ? text.substring(0, end.end()) : text;
        sentence = Texts.truncate(sentence, POST_TITLE_MAX);
        List<Author> authors = authors();
        String quoted = "“" + sentence + "”";
        return authors.isEmpty() || authors.get(0).name() == null ? quoted : authors.get(0).name() + ": " + quoted;
    }

    /** Whether {@code text} is what the page's {@code <title>} says, site name aside. */
    private boolean namedByTitle(String text) {
        String title = stripSiteName(rawTitle);
        if (title == null || text == null || text.isBlank()) return false;
        String t = title.toLowerCase(Locale.ROOT);
        String h = text.toLowerCase(Locale.ROOT);
        return t.equals(h) || t.contains(h) || h.contains(t);
    }

    private static final Pattern HOME_WORDS = Pattern.compile(
            "(?i)\\s*(?:[-–|:]\\s*)?(?:back to )?(?:the )?(?:home ?page|home|startseite|accueil|inicio|logo)\\s*$");
    private static final Pattern GENERIC_NAME = Pattern.compile(
            "(?i)(home|homepage|startseite|accueil|inicio|logo|menu|navigation|skip.*|search|suche|recherche|back)");

    /** The site's name as its logo link spells it: link text, image alt, label or SVG title. */
    private String logoName() {
        for (Found f : scan.homeLinks) {
            if (headline != null && f.order() > headline.order()) break;
            Element a = f.el();
            String[] candidates = {a.text(), a.attr("aria-label"), a.attr("title"), imgAlt(a), svgTitle(a)};
            for (String c : candidates) {
                String name = Texts.clean(c);
                if (name == null) continue;
                name = HOME_WORDS.matcher(name).replaceFirst("").strip();
                if (name.length() < 2 || name.length() > 50 || Texts.words(name) > 5 || GENERIC_NAME.matcher(name).matches()) continue;
                return name;
            }
        }
        return null;
    }

    private static String imgAlt(Element a) {
        for (Element img : a.getElementsByTag("img")) if (img.hasAttr("alt")) return img.attr("alt");
        return null;
    }

    private static String svgTitle(Element a) {
        for (Element title : a.getElementsByTag("title")) {
            Element p = title.parent();
            if (p != null && p.normalName().equals("svg")) return title.text();
        }
        return null;
    }

    boolean looksLikeArticle() {
        if (declared.jsonLd.article != null || declared.first("article:published_time") != null) return true;
        if (headline == null) return false;
        if (mainArticle != null || mainBody != null) return true;
        for (Found f : scan.itemprops) {
            if (isArticleItem(f.el())) return true;
        }
        // A top-level item (itemscope, no itemprop) is not among the itemprops: look above the headline.
        for (Element p = headline.el().parent(); p != null; p = p.parent()) {
            if (p.hasAttr("itemscope") && isArticleItem(p)) return true;
        }
        return false;
    }

    private static boolean isArticleItem(Element e) {
        String v = e.attr("itemtype");
        return v.endsWith("/NewsArticle") || v.endsWith("/Article") || v.endsWith("/BlogPosting");
    }

    // ---- containers and headline ----

    private void chooseContainers() {
        headline = chooseHeadline(null);
        if (headline != null && headline.article() != null) {
            mainArticle = headline.article();
        } else {
            // No headline inside an <article>: the article holding most of the page's paragraphs is the story.
            Map<Element, Integer> perArticle = new HashMap<>();
            for (Found p : scan.paragraphs) {
                if (p.article() != null && !p.boiler()) perArticle.merge(p.article(), 1, Integer::sum);
            }
            mainArticle = argmax(perArticle);
            if (mainArticle == null && scan.articles.size() == 1) mainArticle = scan.articles.get(0);
        }
        Element root = mainArticle;
        if (root != null && headline != null && !contains(root, headline.el())) root = commonAncestor(root, headline.el());
        if (root == null && headline != null) {
            Element p = headline.el().parent();
            root = p != null && p.parent() != null ? p.parent() : p;
        }
        if (root == null) root = scan.doc.body() != null ? scan.doc.body() : scan.doc;
        region = scan.region(root, headline == null ? null : headline.el());
        if (headline == null) headline = chooseHeadline(region.headlines);
        mainBody = region.bodies.isEmpty() ? null : region.bodies.get(0);
        if (mainBody == null && mainArticle != null) mainBody = bodyAbove(mainArticle);
    }

    /** The article-body container holding the story's first paragraph, when the region scan ended before it. */
    private Element bodyAbove(Element article) {
        for (Found p : scan.paragraphs) {
            if (headline != null && p.order() < headline.order()) continue;
            if (p.article() != article) continue;
            return p.body();
        }
        return null;
    }

    private static Element argmax(Map<Element, Integer> counts) {
        Element best = null;
        int n = 0;
        for (Map.Entry<Element, Integer> e : counts.entrySet()) {
            if (e.getValue() > n) { best = e.getKey(); n = e.getValue(); }
        }
        return best;
    }

    private Found chooseHeadline(List<Found> classed) {
        if (classed == null) {
            Found h1 = bestHeadline(scan.h1s);
            return h1 != null ? h1 : titledHeading();
        }
        // No usable <h1>: elements classed as headlines (old blog themes use <h2 class="entry-title">).
        List<Found> candidates = new ArrayList<>();
        for (Found f : classed) {
            String tag = f.el().normalName();
            if ((tag.length() == 2 && tag.charAt(0) == 'h' && tag.charAt(1) >= '1' && tag.charAt(1) <= '6') || tag.equals("div") || tag.equals("span")) candidates.add(f);
        }
        return bestHeadline(candidates);
    }

    /**
     * Without a usable {@code <h1>}, the first {@code <h2>} that carries the page title (some sites
     * put a kicker in front: "Storm damage: Line reopens"); the title text itself stays the cleaned
     * {@code <title>}.
     */
    private Found titledHeading() {
        String title = stripSiteName(rawTitle);
        if (title == null || title.length() < 10) return null;
        String lower = title.toLowerCase(Locale.ROOT);
        for (Found f : scan.h2s) {
            String text = headlineText(f.el());
            if (text == null || f.boiler() || f.siteHeader()) continue;
            if (text.toLowerCase(Locale.ROOT).contains(lower)) {
                headlineIsTitled = !text.equalsIgnoreCase(title);
                return f;
            }
        }
        return null;
    }

    private Found bestHeadline(List<Found> candidates) {
        // Against the title without its suffix: "Story - Coast Tonight" names the story, not the programme.
        String cleaned = stripSiteName(rawTitle);
        String titleLower = cleaned == null ? "" : cleaned.toLowerCase(Locale.ROOT);
        String suffixLower = titleSuffix == null ? null : titleSuffix.toLowerCase(Locale.ROOT);
        Found best = null;
        int bestScore = Integer.MIN_VALUE;
        for (Found f : candidates) {
            String text = headlineText(f.el());
            if (text == null || text.length() < 3 || text.length() > 300) continue;
            String lower = text.toLowerCase(Locale.ROOT);
            String names = (f.el().className() + " " + f.el().id()).toLowerCase(Locale.ROOT);
            boolean h1 = f.el().normalName().equals("h1");
            int score = h1 ? 1 : -1;
            if (f.article() != null) score += 4;
            if (!titleLower.isEmpty() && titleLower.contains(lower)) score += 3;
            if (PageScan.containsAny(names, "title", "headline") || "headline".equals(f.el().attr("itemprop"))) score += 2;
            if (f.boiler() || f.siteHeader()) score -= 5;
            if (PageScan.containsAny(names, "logo", "brand", "site-title", "site-name", "sitename", "masthead")) score -= 6;
            if (siteNames.contains(lower) || lower.equals(suffixLower)) score -= 6;
            // A blog's name in its only <h1>, linked to the blog's front page: a masthead, not the post.
            else if (linksHome(f.el()) && f.article() == null) score -= 9;
            if (Texts.words(text) < 2) score -= 2;
            if (score > bestScore) { best = f; bestScore = score; }
        }
        return bestScore >= 0 ? best : null;
    }

    /** Whether the heading holds a link to the site's front page (the path {@code /} of its own host). */
    private boolean linksHome(Element heading) {
        for (Element a : heading.getElementsByTag("a")) {
            URI target = Urls.resolve(base, a.attr("href"));
            if (target == null || pageUrl == null) continue;
            String path = target.getRawPath();
            if ((path == null || path.isEmpty() || path.equals("/")) && target.getRawQuery() == null
                    && target.getHost() != null && target.getHost().equalsIgnoreCase(pageUrl.getHost())) return true;
        }
        return false;
    }

    /**
     * The headline's own text: block elements inside it are left out, because an unclosed
     * {@code <h1>} swallows the paragraphs after it (browsers parse it the same way).
     */
    static String headlineText(Element h) {
        StringBuilder sb = new StringBuilder();
        for (org.jsoup.nodes.Node n : h.childNodes()) {
            if (n instanceof org.jsoup.nodes.TextNode t) sb.append(t.getWholeText());
            else if (n instanceof Element e && !e.tag().isBlock()) sb.append(' ').append(e.text()).append(' ');
        }
        return Texts.clean(sb.toString());
    }

    /** {@code title} without a site-name prefix or suffix ({@code "Headline | Site"}), remembering the suffix. */
    String stripSiteName(String title) {
        if (title == null) return null;
        String t = title;
        for (int round = 0; round < 3; round++) {
            List<int[]> seps = new ArrayList<>();
            Matcher m = TITLE_SEPARATOR.matcher(t);
            while (m.find()) seps.add(new int[] {m.start(), m.end(), m.group(1).charAt(0)});
            if (seps.isEmpty()) break;
            int[] last = seps.get(seps.size() - 1);
            String tail = t.substring(last[1]).strip();
            String head = t.substring(0, last[0]).strip();
            int[] firstSep = seps.get(0);
            String lead = t.substring(0, firstSep[0]).strip();
            String rest = t.substring(firstSep[1]).strip();
            if (isSiteName(tail)) {
                if (titleSuffix == null) titleSuffix = tail;
                t = head;
            } else if (isSiteName(lead) && Texts.words(rest) >= 2) {
                if (titleSuffix == null) titleSuffix = lead;
                t = rest;
            } else if (looksLikeSuffix(tail, (char) last[2]) && Texts.words(head) >= 3) {
                if (titleSuffix == null && round == 0) titleSuffix = tail;
                t = head;
            } else {
                break;
            }
        }
        return t;
    }

    private boolean isSiteName(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (siteNames.contains(l)) return true;
        String squashed = NOT_ALNUM.matcher(l).replaceAll("");
        return !squashed.isEmpty() && squashedSiteNames.contains(squashed);
    }

    private static boolean looksLikeSuffix(String tail, char sep) {
        if (sep == ':') return false; // "Brexit : ce qui change": a colon ends a site name only when it is one
        int words = Texts.words(tail);
        if (words == 0 || words > 4 || tail.length() > 40) return false;
        if (sep == '|' || sep == '·' || sep == '•' || sep == '»' || sep == ':') return true;
        if (DOMAIN_TAIL.matcher(tail).find()) return true;
        for (String w : tail.split(" ")) {
            if (w.isEmpty() || !(Character.isUpperCase(w.codePointAt(0)) || Character.isDigit(w.codePointAt(0)))) return false;
        }
        return true;
    }

    // ---- description ----

    private String description() {
        String d = itemprop("description");
        if (d != null && d.length() >= 40) return Texts.truncate(d, DESCRIPTION_MAX);
        String dek = dek();
        if (dek == null) dek = afterHeadline();
        if (dek != null) return Texts.truncate(dek, DESCRIPTION_MAX);
        String p = firstParagraph();
        return p == null ? null : Texts.truncate(p, DESCRIPTION_MAX);
    }

    private String dek() {
        boolean anchored = region.sawHeadline;
        for (int i = 0; i < region.deks.size(); i++) {
            Found f = region.deks.get(i);
            int after = region.deksAfterHeadline.get(i);
            // Near the headline (or anywhere after it in the story); never before it.
            if (anchored && (after <= 0 || (mainArticle == null && after > 40))) continue;
            if (f.boiler() || f.figure()) continue;
            String tag = f.el().normalName();
            if (tag.equals("meta") || tag.equals("img") || tag.equals("section") || tag.equals("body")) continue;
            if (headline != null && contains(f.el(), headline.el())) continue;
            String text = Texts.clean(f.el().text());
            if (text == null || text.length() < 40 || text.length() > 600 || Texts.words(text) < 6) continue;
            if (headline != null && text.equalsIgnoreCase(headlineText(headline.el()))) continue;
            if (JUNK_PARAGRAPH.matcher(text).matches() || looksLikeByline(text)) continue;
            return text;
        }
        return null;
    }

    private static Element commonAncestor(Element a, Element b) {
        for (Element p = a; p != null; p = p.parent()) if (contains(p, b)) return p;
        return null;
    }

    private static boolean contains(Element ancestor, Element e) {
        for (Element p = e; p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }

    /**
     * The last element of the opening block after the headline: standfirst, byline, dateline, at most
     * four of them; a {@code <header>} or {@code <hgroup>} that holds the headline counts as a whole.
     */
    Element openingEnd() {
        if (headline == null) return null;
        Element last = headline.el();
        for (int hops = 0; hops < 4; hops++) {
            Element next = last.nextElementSibling();
            if (next == null) {
                // The headline's wrapper ends here: a story header is the opening, so the bar goes after it.
                Element parent = last.parent();
                if (parent != null && (parent.normalName().equals("header") || parent.normalName().equals("hgroup"))) {
                    last = parent;
                    continue;
                }
                break;
            }
            if (!isOpening(next)) break;
            last = next;
        }
        return last;
    }

    /** A standfirst, byline, dateline or share-free meta line: short, not the story's first paragraph or a figure. */
    private static boolean isOpening(Element e) {
        String tag = e.normalName();
        if (tag.equals("figure") || tag.equals("img") || tag.equals("picture") || tag.equals("nav") || tag.equals("aside")) return false;
        if (e.hasAttr("data-herald-buttons")) return false;
        String names = PageScan.names(e.attributes());
        if (PageScan.containsAny(names, "standfirst", "dek", "summary", "subtitle", "subhead", "lede", "intro", "teaser", "excerpt",
                "byline", "author", "dateline", "date", "time", "meta", "chapo")) return true;
        if (tag.equals("time") || tag.equals("address")) return true;
        String text = Texts.clean(e.text());
        if (text == null) return false;
        if (looksLikeByline(text) || DATE_LINE.matcher(text).matches()) return true;
        // A lone paragraph or subheading of one or two sentences right under the headline is the standfirst.
        return (tag.equals("p") || tag.equals("h2") || tag.equals("div")) && e.childrenSize() <= 3 && text.length() <= 300
                && e.previousElementSibling() != null && Inference.isHeadlineLike(e.previousElementSibling());
    }

    private static final Pattern DATE_LINE = Pattern.compile("(?i)(published|updated|posted)?\\W{0,3}[\\p{L}\\d ,.:/-]{0,40}\\b(19|20)\\d\\d\\b.{0,30}");

    private static boolean isHeadlineLike(Element e) {
        String tag = e.normalName();
        return tag.equals("h1") || tag.equals("h2") || tag.equals("hgroup") || tag.equals("header");
    }

    /**
     * The element right after the headline (or after the headline's own wrapper), when it reads like
     * a standfirst: one or two sentences, not a byline, date, caption or link list.
     */
    private String afterHeadline() {
        if (headline == null) return null;
        Element h = headline.el();
        Element next = h.nextElementSibling();
        if (next == null && h.parent() != null && h.parent().childrenSize() == 1) next = h.parent().nextElementSibling();
        for (int hops = 0; next != null && hops < 2; hops++, next = next.nextElementSibling()) {
            String tag = next.normalName();
            if (!(tag.equals("p") || tag.equals("div") || tag.equals("h2") || tag.equals("span"))) return null;
            if (next.childrenSize() > 3) return null;
            String names = PageScan.names(next.attributes());
            if (PageScan.containsAny(names, "byline", "author", "date", "time", "meta", "caption", "credit", "share", "kicker", "tag")) continue;
            String text = Texts.clean(next.text());
            if (text == null || text.length() < 50 || text.length() > 400 || Texts.words(text) < 8) continue;
            if (JUNK_PARAGRAPH.matcher(text).matches() || looksLikeByline(text)) continue;
            int linked = 0;
            for (Element a : next.getElementsByTag("a")) linked += a.text().length();
            if (linked > text.length() / 3) continue;
            return text;
        }
        return null;
    }

    private String firstParagraph() {
        for (int pass = 0; pass < 4; pass++) {
            for (Found p : scan.paragraphs) {
                boolean eligible = switch (pass) {
                    case 0 -> mainBody != null && p.body() == mainBody;
                    case 1 -> mainArticle != null && p.article() == mainArticle;
                    case 2 -> headline != null && p.order() > headline.order();
                    default -> true;
                };
                if (!eligible || p.figure() || (p.boiler() && pass < 3)) continue;
                String text = paragraphText(p.el());
                if (text != null) return text;
            }
        }
        return null;
    }

    private static String paragraphText(Element p) {
        String names = (p.className() + " " + p.id()).toLowerCase(Locale.ROOT);
        if (PageScan.containsAny(names, PARAGRAPH_NOISE)) return null;
        String text = Texts.clean(p.text());
        if (text == null || text.length() < 60 || Texts.words(text) < 8) return null;
        if (JUNK_PARAGRAPH.matcher(text).matches() || looksLikeByline(text)) return null;
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("cookie") && (lower.contains("accept") || lower.contains("consent") || lower.contains("we use"))) return null;
        if (text.equals(text.toUpperCase(Locale.ROOT)) && !text.equals(lower)) return null;
        int linked = 0;
        for (Element a : p.getElementsByTag("a")) linked += a.text().length();
        if (linked > text.length() * 0.6) return null;
        return text;
    }

    private static boolean looksLikeByline(String text) {
        return text.length() < 120 && BYLINE_START.matcher(text).find();
    }

    // ---- image ----

    private ImageMeta image() {
        for (Found f : scan.itemprops) {
            if (!"image".equals(f.el().attr("itemprop")) || f.boiler()) continue;
            Element e = f.el();
            String src = e.hasAttr("content") ? e.attr("content") : e.hasAttr("href") ? e.attr("href") : bestSource(e);
            URI u = Urls.resolve(base, src);
            if (u != null && !noisy(u.toString())) return withGuessedType(new ImageMeta(u, null, null, Texts.clean(e.attr("alt")), null));
        }
        for (Element l : scan.links) {
            if (l.attr("rel").equalsIgnoreCase("image_src")) {
                URI u = Urls.resolve(base, l.attr("href"));
                if (u != null) return withGuessedType(ImageMeta.of(u));
            }
        }
        Found chosen = null;
        ImageMeta chosenMeta = null;
        int chosenScore = 0;
        for (Found f : scan.images) {
            if (f.boiler()) continue;
            Element img = f.el();
            if (badImage(img)) continue;
            String src = bestSource(img);
            if (src == null || noisy(src)) continue;
            URI u = Urls.resolve(base, src);
            if (u == null || noisy(u.toString())) continue;
            Integer w = DeclaredMeta.positive(img.attr("width"));
            Integer h = DeclaredMeta.positive(img.attr("height"));
            int score = 0;
            if (f.article() != null && (mainArticle == null || f.article() == mainArticle)) score += 3;
            if (f.body() != null) score += 2;
            if (f.figure()) score += 2;
            if (w != null && w >= 400) score += 2;
            if (headline == null || f.order() > headline.order()) score += 1;
            if (f.siteHeader()) score -= 3;
            if (score >= 3) { chosen = f; chosenMeta = imageMeta(u, img, w, h); break; }
            if (score > chosenScore) { chosen = f; chosenMeta = imageMeta(u, img, w, h); chosenScore = score; }
        }
        return chosen == null ? null : chosenMeta;
    }

    private static ImageMeta imageMeta(URI u, Element img, Integer w, Integer h) {
        // Declared sizes describe the <img> box, which rarely matches the file; they are kept only for
        // a src-only image, where they usually are the file's size.
        boolean fromSrc = !img.hasAttr("srcset") && !img.hasAttr("data-srcset");
        ImageMeta m = new ImageMeta(u, fromSrc && w != null && h != null ? w : null, fromSrc && w != null && h != null ? h : null,
                Texts.clean(img.attr("alt")), null);
        return withGuessedType(m);
    }

    private static ImageMeta withGuessedType(ImageMeta m) {
        String path = m.url().getPath() == null ? "" : m.url().getPath().toLowerCase(Locale.ROOT);
        String type = path.endsWith(".jpg") || path.endsWith(".jpeg") ? "image/jpeg"
                : path.endsWith(".png") ? "image/png" : path.endsWith(".gif") ? "image/gif"
                : path.endsWith(".webp") ? "image/webp" : path.endsWith(".avif") ? "image/avif" : null;
        return type == null ? m : m.withType(type);
    }

    private static boolean badImage(Element img) {
        if ("true".equalsIgnoreCase(img.attr("aria-hidden")) || "presentation".equalsIgnoreCase(img.attr("role"))) return true;
        Integer w = DeclaredMeta.positive(img.attr("width"));
        Integer h = DeclaredMeta.positive(img.attr("height"));
        if ((w != null && w < 120) || (h != null && h < 80)) return true;
        String names = (img.className() + " " + img.id() + " " + img.attr("alt")).toLowerCase(Locale.ROOT);
        Element parent = img.parent();
        if (parent != null) names += " " + (parent.className() + " " + parent.id()).toLowerCase(Locale.ROOT);
        return PageScan.containsAny(names, "logo", "icon", "avatar", "sprite", "badge", "emoji", "gravatar", "author", "byline", "headshot", "profile-pic", "spinner");
    }

    private static boolean noisy(String url) {
        String l = url.toLowerCase(Locale.ROOT);
        if (l.endsWith(".svg") || l.endsWith(".ico") || l.contains(".svg?")) return true;
        return PageScan.containsAny(l, IMAGE_NOISE);
    }

    /** The best URL an {@code <img>} offers: the widest srcset candidate, else a lazy-loading attribute, else {@code src}. */
    static String bestSource(Element img) {
        for (String attr : new String[] {"data-srcset", "data-lazy-srcset", "srcset"}) {
            String best = widest(img.attr(attr));
            if (best != null) return best;
        }
        Element parent = img.parent();
        if (parent != null && parent.normalName().equals("picture")) {
            for (Element source : parent.getElementsByTag("source")) {
                String t = source.attr("type").toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !t.contains("jpeg") && !t.contains("png")) continue;
                String best = widest(source.hasAttr("data-srcset") ? source.attr("data-srcset") : source.attr("srcset"));
                if (best != null) return best;
            }
        }
        String src = img.attr("src");
        boolean placeholder = src.isBlank() || src.startsWith("data:") || PageScan.containsAny(src.toLowerCase(Locale.ROOT),
                "placeholder", "blank.gif", "spacer", "lazy", "1x1", "transparent", "grey.gif", "gray.gif", "loading", "pixel.gif");
        if (placeholder) {
            for (String attr : new String[] {"data-src", "data-lazy-src", "data-original", "data-lazy", "data-url", "data-hi-res-src", "data-full-src", "data-img-url"}) {
                String v = img.attr(attr);
                if (!v.isBlank() && !v.startsWith("data:")) return v;
            }
            return null;
        }
        return src;
    }

    /** The candidate with the largest width (or density) descriptor in a srcset; the first without descriptors. */
    static String widest(String srcset) {
        if (srcset == null || srcset.isBlank()) return null;
        String best = null;
        double bestSize = -1;
        int n = srcset.length();
        int p = 0;
        for (int guard = 0; p < n && guard < 50; guard++) {
            while (p < n && (Character.isWhitespace(srcset.charAt(p)) || srcset.charAt(p) == ',')) p++;
            int us = p;
            while (p < n && !Character.isWhitespace(srcset.charAt(p))) p++;
            String url = srcset.substring(us, p);
            // A URL may end with the comma that separates it from the next candidate.
            boolean commaEnded = url.endsWith(",");
            if (commaEnded) url = url.substring(0, url.length() - 1);
            String descriptor = "";
            if (!commaEnded) {
                int ds = p;
                while (p < n && srcset.charAt(p) != ',') p++;
                descriptor = srcset.substring(ds, p).strip();
            }
            if (url.isEmpty() || url.startsWith("data:")) continue;
            double size = 1;
            if (descriptor.length() > 1) {
                char unit = descriptor.charAt(descriptor.length() - 1);
                try {
                    double v = Double.parseDouble(descriptor.substring(0, descriptor.length() - 1));
                    if (unit == 'w') size = v;
                    else if (unit == 'x') size = v * 1000;
                } catch (NumberFormatException e) {
                    size = 1;
                }
            }
            if (size > bestSize) { best = url; bestSize = size; }
        }
        return best;
    }

    // ---- author, dates, section, tags ----

    private List<Author> authors() {
        List<Author> out = new ArrayList<>();
        for (String key : AUTHOR_META) {
            for (String name : Bylines.split(declared.first(key))) DeclaredMeta.add(out, name, null);
            if (!out.isEmpty()) return out;
        }
        for (Found f : scan.itemprops) {
            if (!"author".equals(f.el().attr("itemprop")) || f.boiler()) continue;
            Element e = f.el();
            String name = null;
            URI url = null;
            for (Element c : e.getElementsByAttribute("itemprop")) {
                if (name == null && c.attr("itemprop").equals("name")) name = c.hasAttr("content") ? c.attr("content") : c.text();
                if (url == null && c.attr("itemprop").equals("url")) url = Urls.resolve(base, c.hasAttr("href") ? c.attr("href") : c.attr("content"));
            }
            if (name == null) name = e.hasAttr("content") ? e.attr("content") : e.text();
            if (url == null && e.normalName().equals("a")) url = Urls.resolve(base, e.attr("href"));
            for (String n : Bylines.split(name)) DeclaredMeta.add(out, n, url);
        }
        if (!out.isEmpty()) return out;
        List<Found> bylines = new ArrayList<>(region.bylines);
        bylines.addAll(scan.authorLinks);
        for (Found f : bylines) {
            if (f.boiler() && !isRelAuthor(f.el())) continue;
            if (mainArticle != null && f.article() != null && f.article() != mainArticle) continue;
            Element e = f.el();
            if (e.normalName().equals("a")) {
                addLinkAuthor(out, e);
                continue;
            }
            List<Element> anchors = new ArrayList<>();
            for (Element a : e.getElementsByTag("a")) if (isProfileLink(a)) anchors.add(a);
            if (!anchors.isEmpty()) {
                for (Element a : anchors) addLinkAuthor(out, a);
            } else {
                for (String n : Bylines.split(e.text())) DeclaredMeta.add(out, n, null);
            }
            if (!out.isEmpty()) return out;
        }
        // Links to author pages near the headline, whatever their class ("/autor/lena-hartmann").
        for (Found f : region.profileLinks) {
            if (f.boiler() || (mainArticle != null && f.article() != null && f.article() != mainArticle)) continue;
            addLinkAuthor(out, f.el());
        }
        if (!out.isEmpty()) return out;
        if (out.isEmpty()) {
            for (Element l : scan.links) {
                if (l.attr("rel").equalsIgnoreCase("author") && !l.attr("title").isBlank()) {
                    for (String n : Bylines.split(l.attr("title"))) DeclaredMeta.add(out, n, Urls.resolve(base, l.attr("href")));
                }
            }
        }
        return out;
    }

    private void addLinkAuthor(List<Author> out, Element a) {
        String name = Bylines.cleanName(a.text());
        if (name == null) return;
        URI url = Urls.resolve(base, a.attr("href"));
        DeclaredMeta.add(out, name, url);
    }

    private static boolean isRelAuthor(Element e) {
        return (" " + e.attr("rel").toLowerCase(Locale.ROOT) + " ").contains(" author ");
    }

    private static boolean isProfileLink(Element a) {
        if (isRelAuthor(a)) return true;
        String href = a.attr("href").toLowerCase(Locale.ROOT);
        String names = (a.className() + " " + a.attr("itemprop")).toLowerCase(Locale.ROOT);
        return PageScan.containsAny(href, "/author", "/authors/", "/profile", "/people/", "/staff/", "/by/", "/journalist",
                "/contributor", "/writers/", "/reporter", "/autor", "/auteur", "/redaktion/", "/team/")
                || PageScan.containsAny(names, "author", "byline", "name");
    }

    private OffsetDateTime published() {
        for (String key : PUBLISHED_META) {
            OffsetDateTime t = Dates.parse(declared.first(key));
            if (t != null) return t;
        }
        OffsetDateTime t = Dates.parse(itempropDate("datePublished"));
        if (t != null) return t;
        t = timeElement(false);
        return t != null ? t : printedDate();
    }

    /** A publication date printed as text near the headline ("Sat 9 Mar 2024 07.00 GMT", "23.01.2024"). */
    private OffsetDateTime printedDate() {
        Locale language = scan.html == null ? null : Locales.parse(scan.html.attr("lang"));
        for (Found f : region.dates) {
            if (f.boiler()) continue;
            String names = PageScan.names(f.el().attributes());
            if (PageScan.containsAny(names, "updated", "modified")) continue;
            String text = Texts.clean(f.el().text());
            if (text == null || text.length() > 120) continue;
            OffsetDateTime t = Dates.parseText(text, language);
            if (t != null) return t;
        }
        // Any short text right after the headline that is a date ("16 jul 2024 - 05:40 CEST").
        for (Found f : region.nearHeadline) {
            if (f.boiler() || f.figure()) continue;
            String text = Texts.clean(f.el().text());
            if (text == null || text.length() > 60) continue;
            String lower = text.toLowerCase(Locale.ROOT);
            if (lower.contains("updated") || lower.contains("actualiz") || lower.contains("aktualisiert") || lower.contains("mis à jour")) continue;
            OffsetDateTime t = Dates.parseText(text, language);
            if (t != null) return t;
        }
        return null;
    }

    private OffsetDateTime modified() {
        for (String key : MODIFIED_META) {
            OffsetDateTime t = Dates.parse(declared.first(key));
            if (t != null) return t;
        }
        OffsetDateTime t = Dates.parse(itempropDate("dateModified"));
        if (t != null) return t;
        return timeElement(true);
    }

    private OffsetDateTime timeElement(boolean modified) {
        OffsetDateTime fallback = null;
        for (Found f : scan.times) {
            if (f.boiler()) continue;
            Element e = f.el();
            String names = (e.className() + " " + e.id() + " " + (e.parent() == null ? "" : e.parent().className())).toLowerCase(Locale.ROOT);
            boolean isModified = PageScan.containsAny(names, "updated", "modified", "update");
            if (isModified != modified) continue;
            OffsetDateTime t = Dates.parse(e.attr("datetime"));
            if (t == null) continue;
            boolean inArticle = mainArticle == null || f.article() == mainArticle || f.body() != null;
            boolean marked = e.hasAttr("pubdate") || PageScan.containsAny(names, "publish", "posted", "date", "time", "dateline");
            if (inArticle && (marked || modified)) return t;
            if (fallback == null && inArticle && !modified) fallback = t;
        }
        return fallback;
    }

    private String section() {
        for (String key : SECTION_META) {
            String s = declared.first(key);
            if (s != null && s.length() <= 60) return s;
        }
        String s = itemprop("articleSection");
        if (s != null) return s;
        for (Found f : scan.categoryLinks) {
            String t = Texts.clean(f.el().text());
            if (t != null && t.length() <= 60) return t;
        }
        return null;
    }

    private List<String> tags() {
        List<String> tags = Keywords.split(declared.all("news_keywords"));
        if (tags.isEmpty()) tags = Keywords.split(declared.all("parsely-tags"));
        if (tags.isEmpty()) tags = Keywords.split(declared.all("keywords"));
        if (tags.isEmpty()) {
            List<String> linked = new ArrayList<>();
            for (Found f : scan.tagLinks) linked.add(f.el().text().replace(',', ' '));
            tags = Keywords.split(linked);
        }
        return tags;
    }

    private String itemprop(String name) {
        for (Found f : scan.itemprops) {
            if (f.boiler() || !f.el().attr("itemprop").equals(name)) continue;
            Element e = f.el();
            String v = Texts.clean(e.hasAttr("content") ? e.attr("content") : e.text());
            if (v != null) return v;
        }
        return null;
    }

    private String itempropDate(String name) {
        for (Found f : scan.itemprops) {
            if (!f.el().attr("itemprop").equals(name)) continue;
            Element e = f.el();
            String v = e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
            if (Dates.parse(v) != null) return v;
        }
        return null;
    }
}
