package dev.herald.meta.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LintFindingTest {
    @Test
    void aFindingIsOneLineWithItsSeverityCodeAndNetworks() {
        LintFinding f = new LintFinding(LintCode.IMAGE_TOO_SMALL, Severity.WARNING, "the image is small",
                new LinkedHashSet<>(List.of("x", "facebook")));
        assertEquals("WARNING image-too-small: the image is small [x, facebook]", f.toLine());
    }

    @Test
    void codesHaveStableHyphenatedIds() {
        assertEquals("page-not-ok", LintCode.PAGE_NOT_OK.id());
        assertEquals("text-cut", LintCode.TEXT_CUT.id());
        assertEquals("image-aspect-ratio", LintCode.IMAGE_ASPECT_RATIO.id());
    }

    @Test
    void theNetworksAreACopyInTheOrderGiven() {
        LinkedHashSet<String> given = new LinkedHashSet<>(List.of("linkedin", "x"));
        LintFinding f = new LintFinding(LintCode.TEXT_CUT, Severity.INFO, "m", given);
        given.add("facebook");
        assertEquals(List.of("linkedin", "x"), List.copyOf(f.networks()));
        assertThrows(UnsupportedOperationException.class, () -> f.networks().add("slack"));
    }

    @Test
    void everyPartIsRequiredAndTheMessageIsOneLine() {
        Set<String> x = Set.of("x");
        assertThrows(IllegalArgumentException.class, () -> new LintFinding(null, Severity.INFO, "m", x));
        assertThrows(IllegalArgumentException.class, () -> new LintFinding(LintCode.TEXT_CUT, null, "m", x));
        assertThrows(IllegalArgumentException.class, () -> new LintFinding(LintCode.TEXT_CUT, Severity.INFO, " ", x));
        assertThrows(IllegalArgumentException.class, () -> new LintFinding(LintCode.TEXT_CUT, Severity.INFO, "one\ntwo", x));
        assertThrows(IllegalArgumentException.class, () -> new LintFinding(LintCode.TEXT_CUT, Severity.INFO, "m", Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new LintFinding(LintCode.TEXT_CUT, Severity.INFO, "m", null));
        assertThrows(IllegalArgumentException.class, () -> new LintFinding(LintCode.TEXT_CUT, Severity.INFO, "m", Set.of(" ")));
    }

    @Test
    void aStatusMustBeAnHttpStatus() {
        assertThrows(IllegalArgumentException.class, () -> PageFacts.UNKNOWN.withStatus(99));
        assertThrows(IllegalArgumentException.class, () -> PageFacts.UNKNOWN.withStatus(600));
        assertEquals(100, PageFacts.UNKNOWN.withStatus(100).status());
        assertEquals(599, PageFacts.UNKNOWN.withStatus(599).status());
    }
}
