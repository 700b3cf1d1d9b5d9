package dev.herald.console;

import java.util.List;

/** Finds what is wrong with an article's link card before it is shared. */
@FunctionalInterface
public interface Lint {
    /** The problems with {@code page}'s card, most serious first; empty when there are none. */
    List<Finding> check(PageFacts page);
}
