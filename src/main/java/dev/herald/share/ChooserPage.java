package dev.herald.share;

import dev.herald.buttons.ButtonLabels;
import dev.herald.buttons.Network;
import dev.herald.internal.Escape;
import dev.herald.meta.ArticleMeta;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The Mastodon chooser: an HTML form, needing no JavaScript, that asks the reader for their server
 * and shows where they are about to go. Every value written into it is HTML-escaped.
 */
final class ChooserPage {
    /**
     * What the form shows besides the article.
     *
     * @param instance what the reader (or a link) gave as their server, or null
     * @param choice that server normalised, shown with where it leads; null when there is none
     * @param error the error to show, or null
     * @param confirm whether to ask the reader to check the server (Unicode folding changed it)
     * @param remembered whether the server comes from the reader's remembered choice
     * @param token the anti-forgery token the form repeats
     */
    record Content(String instance, ServerChoice choice, String error, boolean confirm, boolean remembered, String token) {}

    private ChooserPage() {}

    /** Writes the form for {@code meta}, posting to {@code action}, in {@code labels}' language. */
    static void write(HttpServletResponse resp, String action, ArticleMeta meta, ButtonLabels labels, Content c) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        // form-action also governs the redirect that follows the submission (Chromium enforces it), so the
        // reader's https server must be allowed.
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https:; frame-ancestors 'none'");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        String title = meta.title() == null ? meta.url().toString() : meta.title();
        String heading = html(labels.action(Network.MASTODON));
        StringBuilder h = new StringBuilder(2560);
        h.append("<!DOCTYPE html><html lang=\"").append(html(labels.locale().toLanguageTag())).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\">")
                .append("<title>").append(heading).append("</title><style>")
                .append("body{font:17px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1f29;background:#fbfaf7}")
                .append("h1{font-size:1.4rem}label{display:block;font-weight:600;margin:1rem 0 .3rem}")
                .append("input[type=text]{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #777;border-radius:6px}")
                .append(".remember{display:flex;gap:.5rem;align-items:center;font-weight:400}")
                .append("button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#563acc;color:#fff;min-height:44px}")
                .append("button:focus-visible,input:focus-visible{outline:3px solid #c2412d;outline-offset:2px}")
                .append(".error{color:#a4161a;font-weight:600}.article{color:#555}.destination{font-weight:600;overflow-wrap:anywhere}")
                .append("</style></head><body><main>")
                .append("<h1>").append(heading).append("</h1><p class=\"article\">").append(html(title)).append("</p>");
        if (c.error() != null) h.append("<p class=\"error\" role=\"alert\" id=\"instance-error\">").append(html(c.error())).append("</p>");
        if (c.confirm()) h.append("<p class=\"error\" role=\"alert\">").append(html(labels.chooser("confirm"))).append("</p>");
        h.append("<form method=\"post\" accept-charset=\"UTF-8\" action=\"").append(html(action)).append("\">")
                .append("<input type=\"hidden\" name=\"url\" value=\"").append(html(meta.url().toString())).append("\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(html(c.token())).append("\">");
        if (meta.title() != null) h.append("<input type=\"hidden\" name=\"text\" value=\"").append(html(meta.title())).append("\">");
        String value = c.choice() != null ? c.choice().shown().replaceFirst("^https://", "").replaceFirst("/$", "") : c.instance();
        h.append("<label for=\"instance\">").append(html(labels.chooser("server"))).append("</label>")
                .append("<input type=\"text\" id=\"instance\" name=\"instance\" required autocomplete=\"url\" autocapitalize=\"none\" spellcheck=\"false\"")
                .append(" inputmode=\"url\" placeholder=\"mastodon.social\"")
                .append(c.error() != null ? " aria-invalid=\"true\" aria-describedby=\"instance-error\"" : "")
                .append(" value=\"").append(value == null ? "" : html(value)).append("\">");
        if (c.choice() != null) {
            h.append("<p class=\"destination\" id=\"destination\">")
                    .append(html(labels.chooser("destination").replace("{0}", c.choice().shown()))).append("</p>");
        }
        h.append("<label class=\"remember\"><input type=\"checkbox\" name=\"remember\" value=\"1\"")
                .append(c.remembered() ? " checked" : "").append("> ")
                .append(html(labels.chooser("remember"))).append("</label>")
                .append("<button type=\"submit\">").append(html(labels.chooser("continue"))).append("</button></form>")
                .append("<p class=\"article\">").append(html(labels.chooser("note"))).append("</p>")
                .append("</main></body></html>");
        resp.getWriter().write(h.toString());
    }

    private static String html(String s) {
        return Escape.html(s, StandardCharsets.UTF_8);
    }
}
