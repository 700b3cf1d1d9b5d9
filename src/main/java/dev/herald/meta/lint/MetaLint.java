package dev.herald.meta.lint;

import dev.herald.internal.Graphemes;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.meta.ImageSize;
import dev.herald.meta.ResolvedMeta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * Checks the metadata a page resolves to (what the filter emits and {@code herald post} sends)
 * against what the networks do with a link card: a missing or small image, an image of the wrong
 * shape or over plain http, a title or description the card cuts, no description, a page that
 * does not answer 200. The per-account post text is checked by
 * {@code dev.herald.syndication.Preview#lint()}, which knows the networks' text rules.
 *
 * <p>Pure and fast: it fetches nothing and reads no clock, so the console can run it on every
 * keystroke and the CLI after every preview.
 */
public final class MetaLint {
    /** A card that would crop away more than this share of the image is reported. */
    static final double MAX_CROP = 0.15;

    private MetaLint() {}

    /** The findings for {@code resolved}'s metadata; see {@link #check(ArticleMeta, PageFacts)}. */
    public static List<LintFinding> check(ResolvedMeta resolved, PageFacts facts) {
        Validate.notNull(resolved, "resolved");
        return check(resolved.meta(), facts);
    }

    /**
     * The problems {@code meta} would give its cards, errors first, then warnings, then hints; each
     * kind of problem at most once, naming every network it hurts. Empty when there is nothing to
     * fix.
     *
     * @param meta the resolved metadata of the page
     * @param facts the page's status and the image's measured size, where known
     */
    public static List<LintFinding> check(ArticleMeta meta, PageFacts facts) {
        Validate.notNull(meta, "meta");
        Validate.notNull(facts, "facts");
        List<LintFinding> out = new ArrayList<>();
        status(facts.status(), out);
        title(meta.title(), out);
        description(meta.description(), out);
        image(meta.image(), facts.imageSize(), out);
        out.sort(Comparator.comparing(LintFinding::severity)); // stable: within a severity, code order
        return List.copyOf(out);
    }

    private static void status(Integer status, List<LintFinding> out) {
        if (status == null || status == 200) return;
        if (status >= 300 && status < 400) {
            out.add(new LintFinding(LintCode.PAGE_NOT_OK, Severity.WARNING, "the page answers HTTP " + status
                    + ", a redirect: networks show the card of the page it leads to, so share that URL", CardRules.CARD_NETWORKS));
        } else {
            out.add(new LintFinding(LintCode.PAGE_NOT_OK, Severity.ERROR, "the page answers HTTP " + status
                    + ", not 200: networks show no card for it and readers land on an error", CardRules.CARD_NETWORKS));
        }
    }

    private static void title(String title, List<LintFinding> out) {
        if (title == null) {
            out.add(new LintFinding(LintCode.TITLE_MISSING, Severity.ERROR,
                    "no title: cards show the bare URL and posts have no headline", CardRules.CARD_NETWORKS));
            return;
        }
        tooLong(LintCode.TITLE_TOO_LONG, Severity.WARNING, "title", title, CardRules::title, out);
    }

    private static void description(String description, List<LintFinding> out) {
        if (description == null) {
            out.add(new LintFinding(LintCode.DESCRIPTION_MISSING, Severity.WARNING,
                    "no description: cards show no summary and posts have none to quote", CardRules.CARD_NETWORKS));
            return;
        }
        tooLong(LintCode.DESCRIPTION_TOO_LONG, Severity.INFO, "description", description, CardRules::description, out);
    }

    private static void tooLong(LintCode code, Severity severity, String what, String text, ToIntFunction<CardRules> limit,
            List<LintFinding> out) {
        int length = Graphemes.count(text);
        Set<String> hurt = new LinkedHashSet<>();
        List<String> cuts = new ArrayList<>();
        for (CardRules card : CardRules.ALL) {
            int max = limit.applyAsInt(card);
            if (max > 0 && length > max) {
                hurt.add(card.id());
                cuts.add(card.name() + " at " + max);
            }
        }
        if (hurt.isEmpty()) return;
        out.add(new LintFinding(code, severity, what + " is " + length + " characters: cut by " + String.join(", ", cuts), hurt));
    }

    private static void image(ImageMeta image, ImageSize measured, List<LintFinding> out) {
        if (image == null) {
            out.add(new LintFinding(LintCode.IMAGE_MISSING, Severity.WARNING,
                    "no preview image: cards show no picture, and X a small summary card instead of a large one", CardRules.CARD_NETWORKS));
            return;
        }
        if (!"https".equalsIgnoreCase(image.url().getScheme())) {
            out.add(new LintFinding(LintCode.IMAGE_NOT_HTTPS, Severity.WARNING,
                    "the image is served over plain http: some apps show the card without it; serve it over https",
                    CardRules.orderedSet(CardRules.X.id(), CardRules.FACEBOOK.id(), CardRules.LINKEDIN.id())));
        }
        int width;
        int height;
        if (measured != null) {
            width = measured.width();
            height = measured.height();
        } else if (image.width() != null && image.height() != null) {
            width = image.width();
            height = image.height();
        } else {
            out.add(new LintFinding(LintCode.IMAGE_SIZE_UNKNOWN, Severity.INFO,
                    "the image's size is unknown (no og:image:width and og:image:height): Facebook and LinkedIn may show the first share without it",
                    CardRules.orderedSet(CardRules.FACEBOOK.id(), CardRules.LINKEDIN.id())));
            return;
        }
        sized(width, height, out);
    }

    private static void sized(int width, int height, List<LintFinding> out) {
        String size = width + "x" + height;
        Set<String> small = new LinkedHashSet<>();
        List<String> smallWhy = new ArrayList<>();
        Set<String> blurred = new LinkedHashSet<>();
        List<String> blurredWhy = new ArrayList<>();
        Set<String> cropped = new LinkedHashSet<>();
        List<String> croppedWhy = new ArrayList<>();
        for (CardRules card : CardRules.ALL) {
            if (card.largeWidth() > 0 && (width < card.largeWidth() || height < card.largeHeight())) {
                small.add(card.id());
                smallWhy.add(card.name() + " (" + dimensions(card.largeWidth(), card.largeHeight()) + ")");
                continue; // shown as a thumbnail, if at all: neither blur nor the large card's crop applies
            }
            if (card.goodWidth() > 0 && (width < card.goodWidth() || height < card.goodHeight())) {
                blurred.add(card.id());
                blurredWhy.add(card.name() + " " + card.goodWidth() + "x" + card.goodHeight());
            }
            if (card.ratio() > 0) {
                double crop = cropped(width / (double) height, card.ratio());
                if (crop > MAX_CROP) {
                    cropped.add(card.id());
                    croppedWhy.add(card.name() + " " + Math.round(crop * 100) + " % to " + ratio(card.ratio()));
                }
            }
        }
        if (!small.isEmpty()) {
            out.add(new LintFinding(LintCode.IMAGE_TOO_SMALL, Severity.WARNING, "the image is " + size
                    + ", too small for a large card on " + String.join(", ", smallWhy) + ": shown as a thumbnail or not at all", small));
        }
        if (!blurred.isEmpty()) {
            out.add(new LintFinding(LintCode.IMAGE_LOW_RESOLUTION, Severity.INFO, "the image is " + size
                    + ", below the recommended " + String.join(", ", blurredWhy) + ": it looks soft on sharp screens", blurred));
        }
        if (!cropped.isEmpty()) {
            out.add(new LintFinding(LintCode.IMAGE_ASPECT_RATIO, Severity.WARNING, "the image is " + size + " ("
                    + ratio(width / (double) height) + "): large cards crop it, " + String.join(", ", croppedWhy), cropped));
        }
    }

    /** The share of an image of shape {@code ratio} lost when it is cropped to {@code target}'s shape. */
    static double cropped(double ratio, double target) {
        return 1 - Math.min(ratio, target) / Math.max(ratio, target);
    }

    private static String dimensions(int width, int height) {
        return height > 0 ? width + "x" + height : width + " wide";
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f:1", r).replace(".00:", ":");
    }
}
