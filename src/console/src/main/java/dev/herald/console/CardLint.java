package dev.herald.console;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageSize;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The console's own card checks, by the networks' published card rules: image missing or too
 * small for a large card (X and Facebook want at least 600 × 314 for the large layout), an aspect
 * ratio far from 1.91:1, a title longer than X and LinkedIn show (70 characters), no description,
 * an image not on https, and a page that does not answer 200.
 */
public final class CardLint implements Lint {
    private static final Set<String> CARD_NETWORKS = Set.of("x", "facebook", "linkedin", "mastodon", "bluesky", "threads");
    static final int MIN_WIDTH = 600;
    static final int MIN_HEIGHT = 314;
    static final int MAX_TITLE = 70;

    @Override
    public List<Finding> check(PageFacts page) {
        List<Finding> out = new ArrayList<>();
        ArticleMeta m = page.meta();
        if (page.status() != 200) {
            out.add(new Finding("page-status", Finding.Severity.ERROR,
                    "The page answered HTTP " + page.status() + ", not 200: networks will show no card (or an error page's).", CARD_NETWORKS));
        }
        if (m.image() == null) {
            out.add(new Finding("image-missing", Finding.Severity.ERROR,
                    "No image: cards show text only; add og:image (at least 1200 × 630).", CARD_NETWORKS));
        } else {
            if (!"https".equalsIgnoreCase(m.image().url().getScheme())) {
                out.add(new Finding("image-not-https", Finding.Severity.WARNING,
                        "The image is not on https: Facebook and X may not show it.", Set.of("facebook", "x", "linkedin")));
            }
            ImageSize size = page.imageSize();
            if (size != null && (size.width() < MIN_WIDTH || size.height() < MIN_HEIGHT)) {
                out.add(new Finding("image-too-small", Finding.Severity.WARNING,
                        "The image is " + size.width() + " × " + size.height() + ", too small for a large card (" + MIN_WIDTH + " × "
                                + MIN_HEIGHT + " at least, 1200 × 630 best): X and Facebook show a small thumbnail instead.",
                        Set.of("x", "facebook", "linkedin")));
            }
            if (size != null && size.height() > 0) {
                double ratio = (double) size.width() / size.height();
                if (ratio < 1.5 || ratio > 2.3) {
                    out.add(new Finding("image-aspect", Finding.Severity.WARNING,
                            String.format(java.util.Locale.ROOT, "The image's aspect ratio is %.2f:1, not about 1.91:1: networks will crop it.", ratio),
                            Set.of("x", "facebook", "linkedin", "bluesky", "threads")));
                }
            }
        }
        if (m.title() != null && m.title().codePointCount(0, m.title().length()) > MAX_TITLE) {
            out.add(new Finding("title-long", Finding.Severity.WARNING,
                    "The title has " + m.title().codePointCount(0, m.title().length()) + " characters; X and LinkedIn cut it after about " + MAX_TITLE + ".",
                    Set.of("x", "linkedin")));
        }
        if (m.description() == null || m.description().isBlank()) {
            out.add(new Finding("description-missing", Finding.Severity.WARNING,
                    "No description: Facebook, LinkedIn, Mastodon and Bluesky cards show only the title.",
                    Set.of("facebook", "linkedin", "mastodon", "bluesky")));
        }
        out.sort(Comparator.comparing(Finding::severity).reversed());
        return List.copyOf(out);
    }
}
