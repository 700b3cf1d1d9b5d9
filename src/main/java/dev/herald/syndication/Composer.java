package dev.herald.syndication;

import dev.herald.internal.Graphemes;
import dev.herald.internal.TextFit;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Words an article for one account: fills the account's {@link MessageTemplate} from the
 * {@link ArticleMeta} the page half resolved (so the post and the link card agree) and makes it fit
 * the network's {@link TextRules}.
 *
 * <p>When the full message is too long, it gives way in this order: the summary is shortened (to
 * no fewer than {@value #MIN_SUMMARY} characters), hashtags are dropped from the last to make room
 * for it, the summary is dropped (keeping as many hashtags as then fit), mentions are dropped, and
 * only then is the headline shortened. Every cut falls
 * between grapheme clusters, after a whole word where one ends near the cut, and ends in an
 * ellipsis; the URL is never cut.
 */
public final class Composer {
    /** A summary is shortened to no fewer characters than this; below it, it is dropped. */
    public static final int MIN_SUMMARY = 40;

    private static final Pattern BLANK_RUNS = Pattern.compile("\\n{3,}");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t]+\\n");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_TAG = Pattern.compile("[^\\p{L}\\p{N}_]+");

    private Composer() {}

    /**
     * The text of {@code post}: its own text as written, measured by {@code rules} and never
     * shortened, or else the text composed from its article.
     */
    public static ComposedText compose(Post post, MessageTemplate template, TextRules rules) {
        Validate.notNull(post, "post");
        if (post.text() == null) return compose(post.article(), template, rules);
        Validate.notNull(rules, "rules");
        String text = post.text();
        return new ComposedText(text, rules.length(text), rules.maxLength(), rules.fits(text), List.of());
    }

    /** Composes the post text for {@code article} with {@code template} under {@code rules}. */
    public static ComposedText compose(ArticleMeta article, MessageTemplate template, TextRules rules) {
        Validate.notNull(article, "article");
        Validate.notNull(template, "template");
        Validate.notNull(rules, "rules");
        Parts full = Parts.of(article, template);
        String text = render(template, full);
        if (rules.fits(text)) return done(text, rules, true, List.of());

        // 1. Keep the summary (shortened if need be), with as many hashtags as leave room for it.
        for (int k = full.hashtags.size(); k >= 0; k--) {
            Parts p = full.withHashtags(full.hashtags.subList(0, k));
            text = render(template, p);
            if (rules.fits(text)) return done(text, rules, true, changes(full, p, false, false));
            String summary = bestFit(p.summary, MIN_SUMMARY, s -> render(template, p.withSummary(s)), rules);
            if (summary != null) return done(render(template, p.withSummary(summary)), rules, true, changes(full, p, true, false));
        }
        // 2. Without the summary, as many hashtags as fit; 3. then without the mentions too.
        for (Parts base : List.of(full.withSummary(""), full.withSummary("").withMentions(List.of()))) {
            for (int k = full.hashtags.size(); k >= 0; k--) {
                Parts p = base.withHashtags(full.hashtags.subList(0, k));
                text = render(template, p);
                if (rules.fits(text)) return done(text, rules, true, changes(full, p, false, false));
            }
        }
        // 4. Shorten the headline; the URL stays whole.
        Parts bare = full.withSummary("").withMentions(List.of()).withHashtags(List.of());
        String headline = bestFit(bare.headline, 1, h -> render(template, bare.withHeadline(h)), rules);
        if (headline != null) return done(render(template, bare.withHeadline(headline)), rules, true, changes(full, bare, false, true));
        Parts none = bare.withHeadline("");
        text = render(template, none);
        List<String> adjustments = new ArrayList<>(changes(full, none, false, false));
        if (!full.headline.isEmpty()) adjustments.add("headline dropped");
        return done(text, rules, rules.fits(text), adjustments);
    }

    /** What was shortened or dropped between {@code full} and {@code kept}, in the order things give way. */
    private static List<String> changes(Parts full, Parts kept, boolean summaryShortened, boolean headlineShortened) {
        List<String> out = new ArrayList<>();
        if (summaryShortened) out.add("summary shortened");
        for (int i = full.hashtags.size() - 1; i >= kept.hashtags.size(); i--) out.add("hashtag " + full.hashtags.get(i) + " dropped");
        if (!full.summary.isEmpty() && kept.summary.isEmpty()) out.add("summary dropped");
        if (!full.mentions.isEmpty() && kept.mentions.isEmpty()) out.add("mentions dropped");
        if (headlineShortened) out.add("headline shortened");
        return out;
    }

    /**
     * The longest shortening of {@code part} (at least {@code min} characters plus the ellipsis)
     * whose rendered message fits, or {@code null} when none does. Binary search: a shorter part
     * never makes the message longer.
     */
    private static String bestFit(String part, int min, Function<String, String> renderWith, TextRules rules) {
        if (part.isEmpty()) return null;
        int total = Graphemes.count(part);
        if (total <= min) return null;
        int lo = min + 1; // budget includes the ellipsis
        int hi = total - 1;
        String best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String candidate = TextFit.fit(part, mid, Graphemes::count);
            if (!candidate.isEmpty() && rules.fits(renderWith.apply(candidate))) {
                best = candidate;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static ComposedText done(String text, TextRules rules, boolean fits, List<String> adjustments) {
        int limit = rules.maxLength();
        return new ComposedText(text, rules.length(text), limit, fits, adjustments);
    }

    /** Fills the template and tidies the blank lines empty values leave. */
    static String render(MessageTemplate template, Parts parts) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("headline", parts.headline);
        values.put("summary", parts.summary);
        values.put("url", parts.url);
        values.put("hashtags", String.join(" ", parts.hashtags));
        values.put("mentions", String.join(" ", parts.mentions));
        values.put("site", parts.site);
        values.put("section", parts.section);
        StringBuilder out = new StringBuilder();
        String pattern = template.pattern().replace("\r\n", "\n");
        int i = 0;
        while (i < pattern.length()) {
            int open = pattern.indexOf('{', i);
            int close = open < 0 ? -1 : pattern.indexOf('}', open);
            String name = close < 0 ? null : pattern.substring(open + 1, close);
            if (name == null || !values.containsKey(name)) {
                int next = open < 0 ? pattern.length() : open + 1;
                out.append(pattern, i, next);
                i = next;
                continue;
            }
            out.append(pattern, i, open).append(values.get(name));
            i = close + 1;
        }
        String text = TRAILING_SPACE.matcher(out.toString()).replaceAll("\n");
        text = BLANK_RUNS.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    /** The article's parts, cleaned: one line each, hashtags made valid and unique. */
    record Parts(String headline, String summary, String url, List<String> hashtags, List<String> mentions, String site, String section) {
        static Parts of(ArticleMeta a, MessageTemplate t) {
            List<String> tags = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            List<String> sources = new ArrayList<>(t.hashtags());
            if (t.articleTags()) sources.addAll(a.tags());
            for (String raw : sources) {
                String tag = hashtag(raw);
                if (tag == null || seen.contains(tag.toLowerCase(Locale.ROOT))) continue;
                if (tags.size() == t.maxHashtags()) break;
                seen.add(tag.toLowerCase(Locale.ROOT));
                tags.add(tag);
            }
            return new Parts(line(a.title()), line(a.description()), a.url().toString(), List.copyOf(tags),
                    t.mentions().stream().map(Composer::line).filter(m -> !m.isEmpty()).toList(), line(a.siteName()), line(a.section()));
        }

        Parts withSummary(String s) {
            return new Parts(headline, s, url, hashtags, mentions, site, section);
        }

        Parts withHeadline(String h) {
            return new Parts(h, summary, url, hashtags, mentions, site, section);
        }

        Parts withHashtags(List<String> h) {
            return new Parts(headline, summary, url, List.copyOf(h), mentions, site, section);
        }

        Parts withMentions(List<String> m) {
            return new Parts(headline, summary, url, hashtags, m, site, section);
        }
    }

    private static String line(String s) {
        return s == null ? "" : SPACES.matcher(s).replaceAll(" ").strip();
    }

    /**
     * {@code "Middle East"} → {@code #MiddleEast}, {@code "#iran"} → {@code #iran}; {@code null} for a
     * tag with no letter (networks do not link all-digit tags).
     */
    static String hashtag(String raw) {
        if (raw == null) return null;
        List<String> words = new ArrayList<>();
        for (String word : NOT_TAG.split(raw.strip())) if (!word.isEmpty()) words.add(word);
        StringBuilder out = new StringBuilder("#");
        for (String word : words) {
            // CamelCase joins several words readably (and screen readers say them apart).
            out.append(words.size() > 1 ? word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1) : word);
        }
        String tag = out.toString();
        return tag.length() > 1 && tag.codePoints().anyMatch(Character::isLetter) ? tag : null;
    }
}
