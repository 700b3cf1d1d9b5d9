package dev.herald.taglib;

import dev.herald.buttons.Network;
import dev.herald.buttons.ShareLinks;
import dev.herald.internal.Escape;
import jakarta.servlet.jsp.JspException;
import jakarta.servlet.jsp.PageContext;
import jakarta.servlet.jsp.tagext.SimpleTagSupport;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/**
 * {@code <herald:shareUrl network="x"/>}: the URL the site's button for {@code network} links to,
 * escaped for an HTML attribute, for custom share markup. With {@code var="name"}, the URL is stored
 * in that page attribute instead of written. Writes nothing when the network cannot share this page
 * (Pinterest without an image, Mastodon without the share endpoint).
 */
public final class ShareUrlTag extends SimpleTagSupport {
    private String network;
    private String var;

    /** The network's id, such as {@code x} or {@code mastodon}. */
    public void setNetwork(String v) { network = v; }
    /** A page-scoped attribute to store the (unescaped) URL in, instead of writing it. */
    public void setVar(String v) { var = v; }

    @Override
    public void doTag() throws JspException, IOException {
        PageContext context = (PageContext) getJspContext();
        TagPage page = TagPage.of(context);
        Network n;
        try {
            n = Network.of(network);
        } catch (IllegalArgumentException e) {
            throw new JspException("<herald:shareUrl>: " + e.getMessage(), e);
        }
        Optional<URI> href = ShareLinks.href(n, page.meta().meta(), page.config.buttons());
        if (var != null) {
            context.setAttribute(var, href.map(URI::toString).orElse(null));
        } else if (href.isPresent()) {
            context.getOut().write(Escape.html(href.get().toString(), page.charset()));
        }
    }
}
