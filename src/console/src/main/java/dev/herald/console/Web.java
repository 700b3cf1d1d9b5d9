package dev.herald.console;

import dev.herald.console.view.Chrome;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How every console page is written: the chrome around a template, refusals, security headers,
 * redirects back to the page a form was on, and one-shot messages carried across a redirect.
 */
final class Web {
    private static final String FLASH = "dev.herald.console.flash";

    private final Console c;
    private final TemplateEngine jte;

    Web(Console console, TemplateEngine jte) {
        this.c = console;
        this.jte = jte;
    }

    /** Writes template {@code name} with {@code params} as the response. */
    void template(String name, Map<String, Object> params, HttpServletResponse resp) throws IOException {
        jte.render(name, params, new WriterOutput(resp.getWriter()));
    }

    void render(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user, String template, String title, String nav, Object page,
            int status) throws IOException {
        String[] flash = takeFlash(req);
        Chrome chrome = new Chrome(title, nav, user, Csrf.token(req), base(req), flash == null ? null : flash[0], flash != null && flash[1] != null,
                c.authenticator.ownsSignIn(), c.zone.getId());
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", chrome);
        params.put("page", page);
        template(template, params, resp);
    }

    void refuse(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user, int status, String message) throws IOException {
        Chrome chrome = new Chrome("Not allowed", "", user, user == null ? null : Csrf.token(req), base(req), null, false,
                user != null && c.authenticator.ownsSignIn(), c.zone.getId());
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", chrome);
        params.put("message", message);
        template("refused.jte", params, resp);
    }

    static void securityHeaders(HttpServletResponse resp) {
        resp.setHeader("Content-Security-Policy", csp(""));
        resp.setHeader("X-Content-Type-Options", "nosniff");
        // Not no-referrer: with it, Chromium sends "Origin: null" on the console's own form posts.
        resp.setHeader("Referrer-Policy", "same-origin");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Cache-Control", "no-store");
    }

    /** The policy: scripts, styles and requests only from the console itself; no inline script or style; images also from the article's origin. */
    private static String csp(String extraImages) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:" + extraImages
                + "; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    }

    /** Lets the page show images from these (http) origins too: a site's own article images during development. */
    static void allowImages(HttpServletResponse resp, Set<String> origins) {
        StringBuilder extra = new StringBuilder();
        for (String o : origins) if (o != null && o.startsWith("http://")) extra.append(' ').append(o);
        resp.setHeader("Content-Security-Policy", csp(extra.toString()));
    }

    static String origin(URI u) {
        if (u == null || u.getScheme() == null || u.getHost() == null) return null;
        // Only characters a CSP source may hold: a URI's scheme, host and port already are.
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    static String base(HttpServletRequest req) {
        return req.getContextPath() + req.getServletPath();
    }

    static void redirect(HttpServletRequest req, HttpServletResponse resp, String path) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", base(req) + path);
    }

    /**
     * Back to the page the form was on: the {@code back} parameter when it is one of the console's
     * own pages (a path and query, never another site), else the queue.
     */
    void back(HttpServletRequest req, HttpServletResponse resp, String message, boolean error) {
        flash(req, message, error);
        String back = req.getParameter("back");
        boolean own = back != null && back.matches("/(queue|history|accounts|compose)(\\?[A-Za-z0-9=&%._+-]*)?");
        redirect(req, resp, own ? back : "/queue");
    }

    static void flash(HttpServletRequest req, String message, boolean error) {
        req.getSession(true).setAttribute(FLASH, new String[] {message, error ? "error" : null});
    }

    private static String[] takeFlash(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session == null) return null;
        Object f = session.getAttribute(FLASH);
        session.removeAttribute(FLASH);
        return f instanceof String[] a ? a : null;
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s.strip();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
