package dev.herald.share;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.buttons.ButtonLabels;
import dev.herald.buttons.Network;
import dev.herald.buttons.ShareLinks;
import dev.herald.internal.HttpUrls;
import dev.herald.internal.Json;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.page.HeraldConfig;
import dev.herald.page.HeraldRequests;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The share endpoint, mapped to {@code {endpoint}/*} (the web fragment maps it to
 * {@code /herald/share/*}; set {@code herald.buttons.endpoint=/herald/share} so buttons use it).
 *
 * <ul>
 *   <li>{@code GET {endpoint}/{network}?url=…&text=…[&media=…]} counts the share and answers
 *       {@code 303 See Other} to the network's share page, with UTM parameters when enabled.</li>
 *   <li>{@code GET {endpoint}/mastodon?url=…&text=…[&instance=…]} shows a form asking for the
 *       reader's server (prefilled, and saying where it leads, when {@code instance} or a remembered
 *       server is known). Only the form's own submission, a same-origin {@code POST}, redirects to
 *       {@code https://server/share?text=…} and remembers the server in a cookie when asked.</li>
 *   <li>{@code GET {endpoint}/counts?url=…} answers the page's counts as JSON.</li>
 * </ul>
 *
 * <p>Never an open redirect: a {@code url} that is not a page of this site (its host and port those
 * of the site's origin) is refused with 400, networks are fixed addresses, and a reader's own server
 * is reached only from the site's own form, on port 443 or a port the site allows
 * ({@code herald.share.serverPorts}). A share is counted only when it is a top-level navigation to
 * a page the filter serves ({@code herald.paths}), and each client (an IPv4 address or an IPv6 /64;
 * behind proxies the right-most address they did not write) has a rate limit; past it the reader is
 * still redirected, but the share is not counted.
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
    private static final ObjectMapper JSON = Json.MAPPER;
    /** Cookie holding the chooser form's anti-forgery token. */
    static final String TOKEN_COOKIE = "herald_form";
    /** Memory for the rate limiter's clients: 8 MiB, about 40,000 clients. */
    static final long LIMITER_BYTES = 8L * 1024 * 1024;
    /** Memory for the default in-memory counts: 16 MiB. */
    static final long COUNTER_BYTES = 16L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private transient ShareCounter counter;
    private transient ClientRateLimiter limiter;
    private transient HeraldConfig config;
    private transient Predicate<String> pagePaths;
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
            counter = published instanceof ShareCounter c ? c : MemoryShareCounter.withBudget(COUNTER_BYTES);
        }
        metrics = HeraldMetrics.of(getServletContext());
        limiter = new ClientRateLimiter(30, Duration.ofMinutes(10), clock, LIMITER_BYTES);
        pagePaths = HeraldRequests.pagePaths(config);
        getServletContext().setAttribute(COUNTER_ATTRIBUTE, counter);
    }

    /** The counter this endpoint records to; the buttons can show its counts. */
    public ShareCounter counter() {
        return counter;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        handle(req, resp);
    }

    /** Only the Mastodon chooser's form is posted; every other path answers 405. */
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/mastodon".equals(req.getPathInfo())) {
            resp.setHeader("Allow", "GET");
            fail(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "only the Mastodon chooser accepts POST");
            return;
        }
        // Browsers post forms in the page's charset (the chooser's is UTF-8) without naming it; Tomcat
        // would otherwise read the body as ISO-8859-1.
        if (req.getCharacterEncoding() == null) req.setCharacterEncoding("UTF-8");
        handle(req, resp);
    }

    private void handle(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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

    /**
     * The chooser. A GET (a share button, or any link anyone made) only ever shows the form, with the
     * normalised server and where it leads when one is given. Only the form's own submission, a
     * same-origin POST, redirects to the reader's server and may remember it in a cookie.
     */
    private void mastodon(HttpServletRequest req, HttpServletResponse resp, ArticleMeta meta, ArticleMeta shared) throws IOException {
        String token = formToken(req, resp);
        String instance = param(req, "instance", 300);
        boolean post = "POST".equals(req.getMethod());
        if (instance == null) {
            if (post) {
                resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                chooser(req, resp, meta, new ChooserPage.Content(null, null, labels(req).chooser("invalid"), false, false, token));
                return;
            }
            String remembered = rememberedInstance(req);
            ServerChoice choice = remembered == null ? null : choice(remembered);
            chooser(req, resp, meta, new ChooserPage.Content(choice == null ? null : remembered, choice, null, false, choice != null, token));
            return;
        }
        ServerChoice choice = choice(instance);
        if (choice == null) {
            resp.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            chooser(req, resp, meta, new ChooserPage.Content(instance, null, labels(req).chooser("invalid"), false, false, token));
            return;
        }
        boolean tokenMatches = tokenMatches(req);
        if (!post || !FetchMetadata.isSameOrigin(req, origin(req), tokenMatches) || !choice.typedAsShown()) {
            // Not the site's own form, or Unicode folding changed what the reader typed: show them the real
            // server and let them send the form themselves.
            chooser(req, resp, meta, new ChooserPage.Content(instance, choice, null, post && !choice.typedAsShown(), false, token));
            return;
        }
        URI target = ShareLinks.mastodonIntent(choice.authority(), shared);
        if (req.getParameter("remember") != null && tokenMatches) {
            Cookie c = new Cookie(INSTANCE_COOKIE, choice.authority());
            c.setMaxAge((int) Duration.ofDays(365).toSeconds());
            c.setHttpOnly(true);
            c.setSecure(isHttps(req));
            c.setPath(endpointPath(req));
            c.setAttribute("SameSite", "Lax");
            resp.addCookie(c);
        }
        count(req, meta.url(), Network.MASTODON);
        redirect(resp, target);
    }

    private ServerChoice choice(String typed) {
        try {
            return ServerChoice.parse(typed, config.serverPorts());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void chooser(HttpServletRequest req, HttpServletResponse resp, ArticleMeta meta, ChooserPage.Content content)
            throws IOException {
        ChooserPage.write(resp, endpointPath(req) + "/mastodon", meta, labels(req), content);
    }

    /**
     * The chooser form's anti-forgery token, kept in a strict same-site cookie and repeated in the
     * form (a double submit): only a page of this site can send both. Reused while the cookie lives.
     */
    private String formToken(HttpServletRequest req, HttpServletResponse resp) {
        String current = cookie(req, TOKEN_COOKIE);
        if (current != null && current.matches("[A-Za-z0-9_-]{22}")) return current;
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie c = new Cookie(TOKEN_COOKIE, token);
        c.setHttpOnly(true);
        c.setSecure(isHttps(req));
        c.setPath(endpointPath(req));
        c.setAttribute("SameSite", "Strict");
        resp.addCookie(c);
        return token;
    }

    private static boolean tokenMatches(HttpServletRequest req) {
        String cookie = cookie(req, TOKEN_COOKIE);
        String field = req.getParameter("token");
        return cookie != null && field != null && cookie.length() == 22
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }

    private boolean isHttps(HttpServletRequest req) {
        URI origin = origin(req);
        return req.isSecure() || (origin != null && "https".equals(origin.getScheme()));
    }

    private static String endpointPath(HttpServletRequest req) {
        return req.getContextPath() + req.getServletPath();
    }

    /** The site's origin as this request reaches it, built as the buttons build page URLs. */
    private URI origin(HttpServletRequest req) {
        return HeraldRequests.origin(req, config);
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
        String v = cookie(req, INSTANCE_COOKIE);
        return v != null && v.length() <= 300 ? v : null;
    }

    private static String cookie(HttpServletRequest req, String name) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) return null;
        for (Cookie c : cookies) {
            if (name.equals(c.getName()) && c.getValue() != null) return c.getValue();
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

    /**
     * Counts the share when it is a reader's own navigation (not an image or script some page embeds
     * to inflate counts), of a page the filter serves, and the client is within its rate limit.
     */
    private void count(HttpServletRequest req, URI page, Network network) {
        metrics.shared(network.id());
        if (!FetchMetadata.isNavigation(req)) {
            log.debug("share of {} to {} not counted: not a top-level navigation", page, network.id());
        } else if (!isPageOfSite(req, page)) {
            log.debug("share of {} to {} not counted: not a page Herald serves", page, network.id());
        } else if (!limiter.tryAcquire(client(req))) {
            log.debug("share of {} to {} not counted: client over its rate limit", page, network.id());
        } else {
            counter.record(page, network);
        }
    }

    /**
     * Whether {@code page}'s path is one the filter rewrites ({@code herald.paths}, less
     * {@code herald.paths.exclude}), read inside this web app. A path outside the context path is
     * read as it is: a proxy may publish the app at the root, and pages may declare such canonical URLs.
     */
    private boolean isPageOfSite(HttpServletRequest req, URI page) {
        String path = page.getPath(); // decoded, as the container hands paths to the filter's patterns
        if (path == null) return false;
        String context = req.getContextPath();
        return pagePaths.test(!context.isEmpty() && path.startsWith(context + "/") ? path.substring(context.length()) : path);
    }

    /** The client's address: the container's, or with trusted proxies the right-most untrusted hop. */
    private String client(HttpServletRequest req) {
        if (!config.trustProxy()) return req.getRemoteAddr();
        return config.proxies().client(req.getRemoteAddr(), String.join(",", Collections.list(req.getHeaders("X-Forwarded-For"))));
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
        resp.setHeader("X-Content-Type-Options", "nosniff"); // the message may echo the request
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

    /**
     * The {@code url} parameter, normalised, required to be an http(s) page of this site: its host and
     * port those of the site's origin as the buttons build it ({@link HeraldRequests#origin}); the
     * default ports of http and https count as one, a site serving both.
     */
    private URI ownPage(HttpServletRequest req) {
        String raw = param(req, "url", MAX_URL);
        if (raw == null) throw new BadRequest("missing parameter url");
        return sitePage(raw, origin(req));
    }

    /**
     * {@code raw} normalised, when it is a page at {@code origin} (null when the request has none);
     * else a refusal. The whole of the endpoint's URL check, which the fuzz tests drive.
     */
    static URI sitePage(String raw, URI origin) {
        URI u = httpUrl("url", raw);
        if (origin == null || !sameSite(u, origin)) {
            throw new BadRequest("url must be a page of this site (" + (origin == null ? "no valid origin" : origin.getHost()) + ")");
        }
        return u;
    }

    /** Whether {@code page} (normalised) lives at {@code origin}'s host and port. */
    static boolean sameSite(URI page, URI origin) {
        String host = origin.getHost();
        if (host == null || !page.getHost().equalsIgnoreCase(host)) return false;
        return effectivePort(page) == effectivePort(origin)
                || (isDefaultPort(page) && isDefaultPort(origin));
    }

    private static int effectivePort(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static boolean isDefaultPort(URI u) {
        return u.getPort() == -1 || (u.getPort() == 443 && "https".equalsIgnoreCase(u.getScheme()))
                || (u.getPort() == 80 && "http".equalsIgnoreCase(u.getScheme()));
    }

    /** {@code raw} as a normalised http(s) URL without fragment or user info: the one normaliser ({@link HttpUrls}). */
    private static URI httpUrl(String name, String raw) {
        try {
            return HttpUrls.page(raw);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(name + " must be an absolute http(s) URL: " + e.getMessage());
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
    static final class BadRequest extends RuntimeException {
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
