package dev.herald.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.buttons.ButtonLabels;
import dev.herald.buttons.Network;
import dev.herald.buttons.ShareLinks;
import dev.herald.internal.Escape;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.page.HeraldConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The share endpoint, mapped to {@code {endpoint}/*} (the web fragment maps it to
 * {@code /herald/share/*}; set {@code herald.buttons.endpoint=/herald/share} so buttons use it).
 *
 * <ul>
 *   <li>{@code GET {endpoint}/{network}?url=…&text=…[&media=…]} counts the share and answers
 *       {@code 303 See Other} to the network's share page, with UTM parameters when enabled.</li>
 *   <li>{@code GET {endpoint}/mastodon?url=…&text=…} shows a form asking for the reader's server;
 *       with {@code &instance=host} it redirects to {@code https://host/share?text=…}, remembering the
 *       server in a cookie when the reader ticked {@code remember}.</li>
 *   <li>{@code GET {endpoint}/counts?url=…} answers the page's counts as JSON.</li>
 * </ul>
 *
 * <p>Only pages of this site are shared: a {@code url} on another host is refused with 400, so the
 * endpoint can never serve as an open redirect. Each client's counted shares are rate-limited;
 * past the limit the reader is still redirected, but the share is not counted.
 */
public class ShareServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(ShareServlet.class);
    /** Cookie holding the reader's remembered fediverse server. */
    static final String INSTANCE_COOKIE = "herald_instance";
    /**
     * Context attribute under which the endpoint publishes its {@link ShareCounter}; one already
     * there when the endpoint starts (put by the app) is the one it records to.
     */
    public static final String COUNTER_ATTRIBUTE = ShareCounter.class.getName();
    static final int MAX_URL = 2048;
    static final int MAX_TEXT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private transient ShareCounter counter;
    private transient ClientRateLimiter limiter;
    private transient HeraldConfig config;
    private final transient HeraldConfig given;
    private transient HeraldMetrics metrics = HeraldMetrics.NONE;
    private final transient Clock clock;

    /**
     * An endpoint with the system clock, recording to the counter the app published under
     * {@link #COUNTER_ATTRIBUTE}, else to an in-memory one.
     */
    public ShareServlet() {
        this(null, Clock.systemUTC());
    }

    /**
     * An endpoint recording to {@code counter} ({@code null} for an in-memory one) and measuring its
     * rate-limit windows with {@code clock}.
     */
    public ShareServlet(ShareCounter counter, Clock clock) {
        this(null, counter, clock);
    }

    /**
     * An endpoint with {@code config}, the same configuration the filter was given (the context's
     * {@code herald.*} parameters and properties file are then ignored), the system clock, and the
     * counter the app published under {@link #COUNTER_ATTRIBUTE}, else an in-memory one.
     */
    public ShareServlet(HeraldConfig config) {
        this(Validate.notNull(config, "config"), null, Clock.systemUTC());
    }

    /**
     * An endpoint with {@code config} ({@code null} to read the context's), recording to
     * {@code counter} ({@code null} for the published or an in-memory one) and measuring its
     * rate-limit windows with {@code clock}.
     */
    public ShareServlet(HeraldConfig config, ShareCounter counter, Clock clock) {
        this.given = config;
        this.counter = counter;
        this.clock = Validate.notNull(clock, "clock");
    }

    @Override
    public void init() throws ServletException {
        try {
            config = given != null ? given : HeraldConfig.of(getServletContext());
        } catch (IllegalArgumentException e) {
            throw new ServletException("Herald configuration error: " + e.getMessage(), e);
        }
        if (counter == null) {
            // An app plugs its own counter (a JdbcShareCounter, say) by publishing it under
            // COUNTER_ATTRIBUTE before the endpoint starts, from a ServletContextListener.
            Object published = getServletContext().getAttribute(COUNTER_ATTRIBUTE);
            counter = published instanceof ShareCounter c ? c : new MemoryShareCounter(10_000);
        }
        metrics = HeraldMetrics.of(getServletContext());
        limiter = new ClientRateLimiter(30, Duration.ofMinutes(10), clock, 50_000);
        getServletContext().setAttribute(COUNTER_ATTRIBUTE, counter);
    }

    /** The counter this endpoint records to; the buttons can show its counts. */
    public ShareCounter counter() {
        return counter;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String name = path.startsWith("/") ? path.substring(1) : path;
        try {
            if (name.equals("counts")) {
                counts(req, resp);
                return;
            }
            Network network = network(name);
            URI page = ownPage(req);
            String text = param(req, "text", MAX_TEXT);
            String media = param(req, "media", MAX_URL);
            ArticleMeta meta = ArticleMeta.builder()
                    .url(page)
                    .title(text)
                    .image(media == null ? null : ImageMeta.of(httpUrl("media", media)))
                    .twitterSite(config.site().twitterSite())
                    .siteName(config.site().siteName())
                    .build();
            ArticleMeta shared = config.buttons().utm() == null ? meta
                    : meta.toBuilder().url(config.buttons().utm().tag(page, network)).build();
            if (network == Network.MASTODON) {
                mastodon(req, resp, meta, shared);
                return;
            }
            Optional<URI> target = ShareLinks.intent(network, shared);
            if (target.isEmpty() || !network.isDestination() || network == Network.EMAIL) {
                throw new BadRequest("cannot share to " + network.id() + " through this endpoint");
            }
            count(req, page, network);
            redirect(resp, target.get());
        } catch (BadRequest e) {
            metrics.shareRefused(e.status);
            fail(resp, e.status, e.getMessage());
        }
    }

    private void mastodon(HttpServletRequest req, HttpServletResponse resp, ArticleMeta meta, ArticleMeta shared) throws IOException {
        String instance = param(req, "instance", 253);
        if (instance == null) {
            form(req, resp, meta, rememberedInstance(req));
            return;
        }
        URI target;
        try {
            target = ShareLinks.mastodonIntent(instance.strip(), shared);
        } catch (IllegalArgumentException e) {
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form(req, resp, meta, instance, labels(req).chooser("invalid"));
            return;
        }
        if (req.getParameter("remember") != null) {
            Cookie c = new Cookie(INSTANCE_COOKIE, target.getRawAuthority());
            c.setMaxAge((int) Duration.ofDays(365).toSeconds());
            c.setHttpOnly(true);
            c.setSecure(req.isSecure());
            c.setPath(req.getContextPath() + req.getServletPath());
            c.setAttribute("SameSite", "Lax");
            resp.addCookie(c);
        }
        count(req, meta.url(), Network.MASTODON);
        redirect(resp, target);
    }

    private void form(HttpServletRequest req, HttpServletResponse resp, ArticleMeta meta, String instance) throws IOException {
        form(req, resp, meta, instance, null);
    }

    private static void form(HttpServletRequest req, HttpServletResponse resp, ArticleMeta meta, String instance, String error)
            throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        // form-action also governs the redirect that follows the submission (Chromium enforces it), so the
        // reader's https server must be allowed.
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' https:; frame-ancestors 'none'");
        resp.setHeader("Referrer-Policy", "no-referrer");
        String action = req.getContextPath() + req.getServletPath() + "/mastodon";
        String title = meta.title() == null ? meta.url().toString() : meta.title();
        ButtonLabels labels = labels(req);
        String heading = Escape.html(labels.action(Network.MASTODON), StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder(2048);
        h.append("<!DOCTYPE html><html lang=\"").append(labels.locale().toLanguageTag()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\">")
                .append("<title>").append(heading).append("</title><style>")
                .append("body{font:17px/1.5 system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1b1f29;background:#fbfaf7}")
                .append("h1{font-size:1.4rem}label{display:block;font-weight:600;margin:1rem 0 .3rem}")
                .append("input[type=text]{font:inherit;width:100%;box-sizing:border-box;padding:.6rem;border:1px solid #777;border-radius:6px}")
                .append(".remember{display:flex;gap:.5rem;align-items:center;font-weight:400}")
                .append("button{font:inherit;margin-top:1rem;padding:.6rem 1.2rem;border-radius:6px;border:0;background:#563acc;color:#fff;min-height:44px}")
                .append("button:focus-visible,input:focus-visible{outline:3px solid #c2412d;outline-offset:2px}")
                .append(".error{color:#a4161a;font-weight:600}.article{color:#555}")
                .append("</style></head><body><main>")
                .append("<h1>").append(heading).append("</h1><p class=\"article\">")
                .append(Escape.html(title, StandardCharsets.UTF_8)).append("</p>");
        if (error != null) h.append("<p class=\"error\" role=\"alert\" id=\"instance-error\">").append(Escape.html(error, StandardCharsets.UTF_8)).append("</p>");
        h.append("<form method=\"get\" action=\"").append(Escape.html(action, StandardCharsets.UTF_8)).append("\">")
                .append("<input type=\"hidden\" name=\"url\" value=\"").append(Escape.html(meta.url().toString(), StandardCharsets.UTF_8)).append("\">");
        if (meta.title() != null) {
            h.append("<input type=\"hidden\" name=\"text\" value=\"").append(Escape.html(meta.title(), StandardCharsets.UTF_8)).append("\">");
        }
        h.append("<label for=\"instance\">").append(Escape.html(labels.chooser("server"), StandardCharsets.UTF_8)).append("</label>")
                .append("<input type=\"text\" id=\"instance\" name=\"instance\" required autocomplete=\"url\" autocapitalize=\"none\" spellcheck=\"false\"")
                .append(" inputmode=\"url\" placeholder=\"mastodon.social\"")
                .append(error != null ? " aria-invalid=\"true\" aria-describedby=\"instance-error\"" : "")
                .append(" value=\"").append(instance == null ? "" : Escape.html(instance, StandardCharsets.UTF_8)).append("\">")
                .append("<label class=\"remember\"><input type=\"checkbox\" name=\"remember\" value=\"1\"")
                .append(instance != null && error == null ? " checked" : "").append("> ")
                .append(Escape.html(labels.chooser("remember"), StandardCharsets.UTF_8)).append("</label>")
                .append("<button type=\"submit\">").append(Escape.html(labels.chooser("continue"), StandardCharsets.UTF_8)).append("</button></form>")
                .append("<p class=\"article\">").append(Escape.html(labels.chooser("note"), StandardCharsets.UTF_8)).append("</p>")
                .append("</main></body></html>");
        resp.getWriter().write(h.toString());
    }

    /**
     * The labels in the reader's language: the first of the browser's Accept-Language choices that
     * Herald has a translation for, else English.
     */
    private static ButtonLabels labels(HttpServletRequest req) {
        if (req.getHeader("Accept-Language") != null) {
            for (Locale wanted : java.util.Collections.list(req.getLocales())) {
                ButtonLabels l = ButtonLabels.forLocale(wanted);
                if (l.locale().getLanguage().equals(wanted.getLanguage())) return l; // translated (or English asked for)
            }
        }
        return ButtonLabels.forLocale(Locale.ENGLISH);
    }

    private static String rememberedInstance(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (INSTANCE_COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().length() <= 253) return c.getValue();
        }
        return null;
    }

    private void counts(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        URI page = ownPage(req);
        Map<Network, Long> counts = counter.counts(page);
        ObjectNode root = JSON.createObjectNode();
        root.put("url", page.toString());
        ObjectNode byNetwork = root.putObject("counts");
        long total = 0;
        for (Map.Entry<Network, Long> e : counts.entrySet()) {
            byNetwork.put(e.getKey().id(), e.getValue());
            total += e.getValue();
        }
        root.put("total", total);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "max-age=60");
        resp.getWriter().write(JSON.writeValueAsString(root));
    }

    private void count(HttpServletRequest req, URI page, Network network) {
        metrics.shared(network.id());
        if (limiter.tryAcquire(client(req))) {
            counter.record(page, network);
        } else {
            log.debug("share of {} to {} not counted: client over its rate limit", page, network.id());
        }
    }

    private String client(HttpServletRequest req) {
        if (config.trustProxy()) {
            String fwd = req.getHeader("X-Forwarded-For");
            if (fwd != null && !fwd.isBlank()) return fwd.split(",")[0].strip();
        }
        return req.getRemoteAddr();
    }

    private static void redirect(HttpServletResponse resp, URI target) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", target.toASCIIString());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Referrer-Policy", "no-referrer");
    }

    private static void fail(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(message + "\n");
    }

    private static Network network(String name) {
        try {
            Network n = Network.of(name);
            return n;
        } catch (IllegalArgumentException e) {
            throw new BadRequest(HttpServletResponse.SC_NOT_FOUND, "unknown network: " + Validate.abbreviate(name));
        }
    }

    /** The {@code url} parameter, required to be an http(s) page on this site. */
    private URI ownPage(HttpServletRequest req) {
        String raw = param(req, "url", MAX_URL);
        if (raw == null) throw new BadRequest("missing parameter url");
        URI u = httpUrl("url", raw);
        String allowed = config.siteUrl() != null ? config.siteUrl().getHost() : req.getServerName();
        if (allowed == null || !u.getHost().equalsIgnoreCase(allowed)) {
            throw new BadRequest("url must be a page of this site (" + allowed + ")");
        }
        if (u.getRawUserInfo() != null) throw new BadRequest("url must not contain user info");
        return u;
    }

    private static URI httpUrl(String name, String raw) {
        try {
            URI u = new URI(raw);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new BadRequest(name + " must be an absolute http(s) URL");
            }
            return new URI(u.getScheme(), u.getRawAuthority(), u.getRawPath(), u.getRawQuery(), null);
        } catch (URISyntaxException e) {
            throw new BadRequest(name + " is not a valid URL");
        }
    }

    private static String param(HttpServletRequest req, String name, int max) {
        String[] values = req.getParameterValues(name);
        if (values == null || values.length == 0 || values[0].isBlank()) return null;
        if (values.length > 1) throw new BadRequest("parameter " + name + " given more than once");
        String v = values[0];
        if (v.length() > max) throw new BadRequest("parameter " + name + " is longer than " + max + " characters");
        if (v.indexOf('\r') >= 0 || (v.indexOf('\n') >= 0 && !name.equals("text"))) {
            throw new BadRequest("parameter " + name + " must not contain line breaks");
        }
        return v;
    }

    /** A request the endpoint refuses, with the status to answer. */
    private static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequest(String message) {
            this(HttpServletResponse.SC_BAD_REQUEST, message);
        }

        BadRequest(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }
}
