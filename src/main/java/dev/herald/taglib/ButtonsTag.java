package dev.herald.taglib;

import dev.herald.buttons.ButtonOptions;
import dev.herald.buttons.ShareButtons;
import dev.herald.buttons.ShareCounts;
import dev.herald.share.ShareServlet;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code <herald:buttons networks="facebook, x, mastodon" layout="icons" label="Share this story"/>}:
 * renders the share bar where it stands, for the page's metadata as the tags and application know
 * it. Unset attributes take the site's configuration ({@code herald.buttons.*}). The filter adds
 * no second bar to a page that has one. With {@code counts="true"}, each button shows how often the
 * page was shared to its network through the share endpoint, read live on every request.
 */
public final class ButtonsTag extends SimpleTagSupport {
    private String networks;
    private String layout;
    private String label;
    private String locale;
    private boolean counts;

    /** Comma-separated network ids, in order. */
    public void setNetworks(String v) { networks = v; }
    /** {@code row}, {@code column} or {@code icons}. */
    public void setLayout(String v) { layout = v; }
    /** A heading shown above the buttons. */
    public void setLabel(String v) { label = v; }
    /** The language of the labels, as a BCP 47 tag. */
    public void setLocale(String v) { locale = v; }
    /** Whether to show each network's share count, as counted by the site's share endpoint. */
    public void setCounts(boolean v) { counts = v; }

    @Override
    public void doTag() throws JspException, IOException {
        PageContext context = (PageContext) getJspContext();
        TagPage page = TagPage.of(context);
        ButtonOptions options;
        try {
            ButtonOptions.Builder b = page.config.buttons().toBuilder();
            if (networks != null) b.networks(networks);
            if (layout != null) b.layout(layout);
            if (label != null) b.heading(label);
            if (locale != null && !locale.isBlank()) b.locale(Locale.forLanguageTag(locale.strip().replace('_', '-')));
            // The endpoint publishes its counter when it starts; before any share there is simply nothing to show.
            // Herald's files are linked only when the filter serves them here; otherwise the bar is self-contained.
            Object served = context.getServletContext().getAttribute(dev.herald.page.ShareFilter.ASSETS_ATTRIBUTE);
            String configured = page.config.buttons().assets();
            b.assets(served instanceof String path ? path : configured != null && !configured.startsWith("/") ? configured : null);
            if (counts && context.getServletContext().getAttribute(ShareServlet.COUNTER_ATTRIBUTE) instanceof ShareCounts c) b.counts(c);
            options = b.build();
        } catch (IllegalArgumentException e) {
            throw new JspException("<herald:buttons>: " + e.getMessage(), e);
        }
        context.getOut().write(dev.herald.internal.Escape.fragment(new ShareButtons(options).render(page.meta().meta()), page.charset()));
    }
}
