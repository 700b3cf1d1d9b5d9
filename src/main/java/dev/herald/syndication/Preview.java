package dev.herald.syndication;

import dev.herald.internal.Validate;
import dev.herald.meta.lint.LintCode;
import dev.herald.meta.lint.LintFinding;
import dev.herald.meta.lint.Severity;
import java.util.List;
import java.util.Set;

/**
 * Exactly what a {@link Syndicator} would send for a post, computed without any network request.
 *
 * @param account the account's name
 * @param network the network's identifier
 * @param text the post's text, with its length and limit by the network's rules
 * @param payload the request body as it would be sent (JSON, pretty-printed); credentials are never
 *     part of it
 */
public record Preview(String account, String network, ComposedText text, String payload) {
    /** Requires all parts. */
    public Preview {
        Validate.notBlank(account, "account");
        Validate.notBlank(network, "network");
        Validate.notNull(text, "text");
        Validate.notNull(payload, "payload");
    }

    /**
     * What the metadata lint says about this account's text: {@link LintCode#TEXT_TOO_LONG} when it
     * is over the network's limit even at its shortest (the network refuses it), else
     * {@link LintCode#TEXT_CUT} when something was shortened or dropped to make it fit; empty when
     * the full message fits. The page's own problems come from
     * {@link dev.herald.meta.lint.MetaLint}.
     */
    public List<LintFinding> lint() {
        String who = "account '" + account + "': ";
        String measure = text.length() + "/" + text.limit();
        if (!text.fits()) {
            return List.of(new LintFinding(LintCode.TEXT_TOO_LONG, Severity.ERROR,
                    who + "the post is " + measure + ", over the network's limit: the network will refuse it", Set.of(network)));
        }
        if (text.shortened()) {
            return List.of(new LintFinding(LintCode.TEXT_CUT, Severity.WARNING,
                    who + String.join("; ", text.adjustments()) + " to fit " + measure, Set.of(network)));
        }
        return List.of();
    }
}
