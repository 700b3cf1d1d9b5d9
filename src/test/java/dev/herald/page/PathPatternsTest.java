package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathPatternsTest {
    private static boolean matches(String pattern, String path) {
        return PathPatterns.of(List.of(pattern)).matches(path);
    }

    @Test
    void slashStarMatchesEveryPath() {
        assertTrue(matches("/*", "/"));
        assertTrue(matches("/*", "/a/b/c.html"));
    }

    @Test
    void directoryPatternMatchesTheDirectoryAndEverythingBelow() {
        assertTrue(matches("/news/*", "/news"));
        assertTrue(matches("/news/*", "/news/2024/03/bridge.html"));
        assertFalse(matches("/news/*", "/newsletter"));
    }

    @Test
    void extensionPatternMatchesAtAnyDepth() {
        assertTrue(matches("*.html", "/a/b/story.html"));
        assertFalse(matches("*.html", "/a/b/story.htm"));
    }

    @Test
    void exactPatternMatchesOnlyThatPath() {
        assertTrue(matches("/about", "/about"));
        assertFalse(matches("/about", "/about/team"));
    }

    @Test
    void singleStarStaysInsideOneSegment() {
        assertTrue(matches("/news/*.html", "/news/bridge.html"));
        assertFalse(matches("/news/*.html", "/news/2024/bridge.html"));
    }

    @Test
    void doubleStarCrossesSegments() {
        assertTrue(matches("/news/**/print", "/news/2024/03/print"));
        assertFalse(matches("/news/**/print", "/blog/2024/print"));
    }

    @Test
    void patternCharactersOtherThanStarAreLiteral() {
        assertTrue(matches("/a+b/*.html", "/a+b/x.html"));
        assertFalse(matches("/a.b/*.html", "/axb/x.html"));
    }

    @Test
    void rejectsPatternsThatAreNeitherPathsNorExtensions() {
        assertThrows(IllegalArgumentException.class, () -> PathPatterns.check("news/*"));
        assertThrows(IllegalArgumentException.class, () -> PathPatterns.check(" "));
        assertThrows(IllegalArgumentException.class, () -> PathPatterns.check("*."));
    }
}
