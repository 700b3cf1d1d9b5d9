package dev.herald.page;

import dev.herald.buttons.ButtonRenderer;
import dev.herald.internal.Validate;
import dev.herald.meta.SiteDefaults;
import java.nio.charset.Charset;

/**
 * Turns an HTML page into a rich link preview: resolves its {@link dev.herald.meta.ArticleMeta}
 * and plans the insertions of the missing head tags and the share buttons.
 *
 * <p>The one code path shared by {@code ShareFilter} and the CLI. Thread-safe; never throws for bad
 * input: a page it cannot read safely yields {@link Rewrite#unchanged}.
 */
public final class PageTransformer {
    private final SiteDefaults defaults;
    private final ButtonRenderer buttons;
    private final ButtonPlacement placement;

    /**
     * @param defaults site-wide values, the lowest-precedence source
     * @param buttons renders the share buttons; {@code null} for none
     * @param placement where buttons go when the page has no placeholder
     */
    public PageTransformer(SiteDefaults defaults, ButtonRenderer buttons, ButtonPlacement placement) {
        this.defaults = Validate.notNull(defaults, "defaults");
        this.buttons = buttons;
        this.placement = Validate.notNull(placement, "placement");
    }

    /**
     * Plans the rewrite of {@code body[0..length)}.
     *
     * @param declaredCharset the charset from the Content-Type header, or {@code null} to detect it
     *     (byte-order mark, then {@code <meta charset>}, then UTF-8 if valid, else windows-1252)
     */
    public Rewrite plan(byte[] body, int length, Charset declaredCharset, PageRequest request) {
        throw new UnsupportedOperationException("implemented by the meta work");
    }
}
