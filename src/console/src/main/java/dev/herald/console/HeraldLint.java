package dev.herald.console;

import dev.herald.meta.lint.LintFinding;
import dev.herald.meta.lint.MetaLint;
import dev.herald.meta.lint.Severity;
import java.util.List;
import java.util.Locale;

/**
 * Herald's metadata lint ({@link MetaLint}, the one {@code herald preview} prints) on the page the
 * console read: missing or small images, aspect ratios, long titles, missing descriptions, non-https
 * images, pages not answering 200, each with the networks it hurts.
 */
public final class HeraldLint implements Lint {
    @Override
    public List<Finding> check(PageFacts page) {
        dev.herald.meta.lint.PageFacts facts = dev.herald.meta.lint.PageFacts.UNKNOWN.withStatus(page.status());
        if (page.imageSize() != null) facts = facts.withImageSize(page.imageSize());
        return MetaLint.check(page.meta(), facts).stream().sorted(java.util.Comparator.comparing(LintFinding::severity))
                .map(HeraldLint::finding).toList();
    }

    /** The console's form of one of the lint's findings: its code in lower case with dashes ({@code image-too-small}). */
    static Finding finding(LintFinding f) {
        String message = f.message().isEmpty() ? f.message() : Character.toUpperCase(f.message().charAt(0)) + f.message().substring(1);
        return new Finding(f.code().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                f.severity() == Severity.ERROR ? Finding.Severity.ERROR : Finding.Severity.WARNING, message, f.networks());
    }
}
