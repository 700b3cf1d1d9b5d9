package dev.herald.meta.lint;

/** How much a {@link LintFinding} costs a share, most serious first. */
public enum Severity {
    /** The card or the post fails: no card at all, or a post the network refuses. */
    ERROR,
    /** The card or the post is shown, but worse than it could be: cut, cropped, small or without a picture. */
    WARNING,
    /** Worth fixing, but most readers will not notice. */
    INFO
}
