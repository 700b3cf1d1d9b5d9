package dev.herald.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Escape;
import dev.herald.meta.ArticleMeta;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.HeraldConfig;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import dev.herald.testkit.BlueskyPost;
import dev.herald.testkit.MastodonStatus;
import dev.herald.testkit.WebhookDelivery;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A page from which to syndicate one of the site's own articles into a {@link Sandbox} and see what
 * each fake network received: the Mastodon status, the Bluesky record with its byte-offset facets
 * and link card, the signed webhook delivery, the X post, the Facebook Page post, the LinkedIn post
 * with its article card, the Threads post, the Telegram message, the Discord message with its embed,
 * the Slack message with its ts, the WebSub hub's ping. Map it at {@code /sandbox/*} on a demo or
 * staging server, never in production: it starts a fake server per network on loopback ports.
 *
 * <p>{@code GET} shows the page; {@code POST .../post} with {@code path=/articles/x.html} reads that
 * page from this server (over loopback, so the filter's tags are what is read), posts it through
 * Herald's real syndicators and redirects back. What a post must carry, since the page is public:
 * an {@code Origin} header naming this site (the request's own origin or {@code herald.site.url}),
 * the form's token, and a plain site path; only a page that reads as an article
 * ({@code og:type article}) is posted. One run at a time; the fakes are replaced by fresh ones
 * after {@value #DEFAULT_MAX_RUNS} runs (context parameter {@code sandbox.maxRuns}), so what the
 * sandbox keeps in memory is bounded. With the servlet init parameter {@code role} set, only users
 * in that role may post.
 */
public final class SandboxServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SandboxServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEFAULT_PATH = "/articles/iran-retaliation.html";
    /** How many runs the fakes keep before they are replaced by fresh ones, unless {@code sandbox.maxRuns} says otherwise. */
    public static final int DEFAULT_MAX_RUNS = 20;
    // Letters, digits and the few marks a site path needs: no query, fragment, percent-escape, backslash or control.
    private static final Pattern SITE_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,299}");
    private static final int MAX_LINE = 500;

    /** The fakes in use and the syndicators pointed at them, replaced together. */
    private record Running(Sandbox sandbox, List<Syndicator> syndicators) {}

    private transient volatile Running running;
    private transient HttpTransport http;
    private transient volatile List<String> lastRun = List.of();
    private transient ReentrantLock oneRun;
    private transient int runs;
    private transient int maxRuns;
    private transient String token;
    private transient String role;

    @Override
    public void init() throws ServletException {
        String configured = getServletContext().getInitParameter("sandbox.maxRuns");
        try {
            maxRuns = configured == null ? DEFAULT_MAX_RUNS : Integer.parseInt(configured.strip());
        } catch (NumberFormatException e) {
            throw new ServletException("sandbox.maxRuns must be a whole number, not '" + configured + "'", e);
        }
        if (maxRuns < 1) throw new ServletException("sandbox.maxRuns must be at least 1, not " + maxRuns);
        role = getInitParameter("role");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        oneRun = new ReentrantLock();
        // The article's image comes from the demo site itself, on this machine: the sandbox
        // allow-lists loopback the way a site lists the internal host its images live on.
        http = HttpTransport.builder().fetchPolicy(FetchPolicy.allowing("127.0.0.0/8", "::1")).build();
        running = fresh();
    }

    private Running fresh() {
        Sandbox sandbox = Sandbox.start();
        LOG.info("Syndication sandbox: {} fakes, Mastodon at {}", sandbox.fakes().size(), sandbox.mastodon().baseUri());
        return new Running(sandbox, sandbox.syndicators(http, Clock.systemUTC()));
    }

    /** The sandbox in use: its fakes and what they received. */
    Sandbox sandbox() {
        return running.sandbox();
    }

    @Override
    public void destroy() {
        try {
            if (http != null) http.close();
        } catch (IOException e) {
            LOG.debug("closing the sandbox's HTTP client", e);
        }
        if (running != null) running.sandbox().close();
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"/post".equals(req.getPathInfo())) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String refusal = refusal(req);
        if (refusal != null) {
            resp.sendError(HttpServletResponse.SC_FORBIDDEN, refusal);
            return;
        }
        if (!oneRun.tryLock()) {
            resp.setHeader("Retry-After", "5");
            resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "another run is in progress");
            return;
        }
        try {
            String path = req.getParameter("path");
            if (path == null || path.isBlank()) path = DEFAULT_PATH;
            path = path.strip();
            if (!SITE_PATH.matcher(path).matches() || path.contains("//") || path.contains("..")) {
                lastRun = List.of("refused: give a path on this site, like " + DEFAULT_PATH);
            } else {
                if (runs >= maxRuns) {
                    Running old = running;
                    running = fresh();
                    runs = 0;
                    old.sandbox().close();
                }
                runs++;
                lastRun = syndicate(req, path).stream().map(SandboxServlet::bounded).toList();
            }
        } finally {
            oneRun.unlock();
        }
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", req.getContextPath() + req.getServletPath() + "/");
    }

    /** Why this post is refused, or null: the role when one is required, then same origin, then the form's token. */
    private String refusal(HttpServletRequest req) {
        if (role != null && !req.isUserInRole(role)) return "posting needs the role " + role;
        String origin = req.getHeader("Origin");
        // Browsers send Origin with every form POST; a post without one did not come from this page.
        if (origin == null || !ownOrigins(req).contains(origin.toLowerCase(Locale.ROOT))) return "cross-origin post refused";
        String sent = req.getParameter("token");
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            return "the form's token is missing or stale; reload the sandbox page";
        }
        return null;
    }

    private static String bounded(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
    }

    private List<String> syndicate(HttpServletRequest req, String path) {
        List<String> lines = new ArrayList<>();
        try {
            // Loopback to this very connector: the Host header is never trusted for where to fetch from.
            URI local = URI.create("http://127.0.0.1:" + req.getLocalPort() + req.getContextPath() + path);
            HttpReply page = http.execute(HttpCall.get(local));
            if (!page.ok()) return List.of("refused: could not read " + path + ": HTTP " + page.status());
            if (!isHtml(page)) return List.of("refused: " + path + " is not an HTML page");
            HeraldConfig config = HeraldConfig.of(getServletContext());
            URI pageUrl = config.siteUrl() != null ? config.siteUrl().resolve(req.getContextPath() + path) : local;
            ArticleMeta article = new PageTransformer(config.site(), null, ButtonPlacement.NONE)
                    .plan(page.body(), page.body().length, null, PageRequest.of(pageUrl)).meta().meta();
            // Only articles: the sandbox must not become a way to publish (and display) any page of the app.
            if (!article.isArticle()) return List.of("refused: " + path + " is not an article page");
            if (article.url() == null) article = article.toBuilder().url(pageUrl).build();
            for (Syndicator s : running.syndicators()) {
                try {
                    lines.add(s.account() + " (" + s.network() + "): " + s.send(Post.of(article, s.account(), "")).describe());
                } catch (RuntimeException e) {
                    lines.add(s.account() + " (" + s.network() + "): failed: " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            lines.add("failed: " + e.getMessage());
        }
        return lines;
    }

    private static boolean isHtml(HttpReply page) {
        String type = page.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).strip().startsWith("text/html");
    }

    /** The origins a post may come from: the request's own, and the configured public origin behind a proxy. */
    private Set<String> ownOrigins(HttpServletRequest req) {
        Set<String> origins = new HashSet<>();
        origins.add(origin(req.getScheme(), req.getServerName(), req.getServerPort()));
        URI site = HeraldConfig.of(getServletContext()).siteUrl();
        if (site != null && site.getHost() != null) origins.add(origin(site.getScheme(), site.getHost(), site.getPort()));
        return origins;
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String action = req.getContextPath() + req.getServletPath() + "/post";
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Syndication sandbox</title><style>")
                .append("body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}")
                .append("pre{white-space:pre-wrap;background:#f4f2ee;padding:.75rem;border-radius:4px;overflow-wrap:anywhere}")
                .append("section{border-top:1px solid #ccc;margin-top:1.5rem}label{font-weight:600;margin-right:.5rem}")
                .append("input{font:inherit;width:24rem;max-width:100%}button{font:inherit;padding:.3rem .9rem}")
                .append(".card{border:1px solid #bbb;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}")
                .append("</style></head><body>\n<h1>Syndication sandbox</h1>\n")
                .append("<p>Herald's real syndicators posting to the test kit's fakes of every network Herald ships (Mastodon, Bluesky, ")
                .append("a signed-webhook receiver, X, Facebook, LinkedIn, Threads, Telegram, Discord, Slack and a WebSub hub), ")
                .append("all running in this server. Nothing leaves this machine.</p>\n")
                .append("<form method=\"post\" action=\"").append(esc(action)).append("\">")
                .append("<label for=\"path\">Article on this site</label>")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(esc(token)).append("\">")
                .append("<input id=\"path\" name=\"path\" value=\"").append(esc(DEFAULT_PATH)).append("\"> ")
                .append("<button type=\"submit\">Syndicate to every account</button></form>\n");
        if (!lastRun.isEmpty()) {
            h.append("<section aria-labelledby=\"run\"><h2 id=\"run\">Last run</h2><ul id=\"outcomes\">");
            for (String line : lastRun) h.append("<li>").append(esc(line)).append("</li>");
            h.append("</ul></section>\n");
        }
        Sandbox sandbox = running.sandbox();
        h.append("<p>The fakes keep up to ").append(maxRuns).append(" runs; the run after that starts them afresh.</p>\n");
        mastodon(sandbox, h);
        bluesky(sandbox, h);
        webhook(sandbox, h);
        others(sandbox, h);
        h.append("<section><h2>The accounts' herald.yaml</h2><pre>").append(Escape.preformatted(sandbox.yaml())).append("</pre></section>\n")
                .append("</body></html>\n");
        resp.setContentType("text/html;charset=UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        resp.getOutputStream().write(h.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void mastodon(Sandbox sandbox, StringBuilder h) {
        List<MastodonStatus> statuses = sandbox.mastodon().statuses();
        h.append("<section id=\"mastodon\"><h2>Mastodon received ").append(statuses.size()).append(statuses.size() == 1 ? " status" : " statuses").append("</h2>");
        for (MastodonStatus s : newestFirst(statuses)) {
            h.append("<div class=\"card\"><pre>").append(Escape.preformatted(s.text())).append("</pre><p>")
                    .append(esc(s.visibility())).append(s.language() == null ? "" : " · " + esc(s.language()))
                    .append(" · Idempotency-Key ").append(esc(String.valueOf(s.idempotencyKey()))).append("</p></div>");
        }
        h.append("</section>\n");
    }

    private static void bluesky(Sandbox sandbox, StringBuilder h) {
        List<BlueskyPost> posts = sandbox.bluesky().posts();
        h.append("<section id=\"bluesky\"><h2>Bluesky received ").append(posts.size()).append(posts.size() == 1 ? " post" : " posts").append("</h2>");
        for (BlueskyPost p : newestFirst(posts)) {
            h.append("<div class=\"card\"><pre>").append(Escape.preformatted(p.text())).append("</pre><ul>");
            for (JsonNode facet : p.record().path("facets")) {
                JsonNode index = facet.path("index");
                h.append("<li>facet bytes ").append(index.path("byteStart").asInt()).append('–').append(index.path("byteEnd").asInt())
                        .append(": ").append(esc(facet.path("features").path(0).path("$type").asText()))
                        .append(" ").append(esc(facet.path("features").path(0).path("uri").asText(facet.path("features").path(0).path("tag").asText())))
                        .append("</li>");
            }
            h.append("</ul>");
            JsonNode card = p.externalEmbed();
            if (!card.isMissingNode()) {
                JsonNode thumb = card.path("thumb");
                h.append("<p>Link card: <strong>").append(esc(card.path("title").asText())).append("</strong> — ")
                        .append(esc(card.path("description").asText())).append("<br>")
                        .append(thumb.isMissingNode() ? "no thumbnail" : "thumbnail " + esc(thumb.path("mimeType").asText()) + ", " + thumb.path("size").asLong() + " bytes")
                        .append("</p>");
            }
            h.append("</div>");
        }
        h.append("</section>\n");
    }

    private static void webhook(Sandbox sandbox, StringBuilder h) {
        List<WebhookDelivery> deliveries = sandbox.webhook().deliveries();
        h.append("<section id=\"webhook\"><h2>Webhook received ").append(deliveries.size()).append(deliveries.size() == 1 ? " delivery" : " deliveries")
                .append("</h2><p>Signatures checked by the receiver (Standard Webhooks); rejected: ")
                .append(sandbox.webhook().rejectedCount()).append("</p>");
        for (WebhookDelivery d : newestFirst(deliveries)) {
            String pretty;
            try {
                pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(d.payload());
            } catch (IOException e) {
                pretty = d.rawBody();
            }
            h.append("<div class=\"card\"><p>webhook-id ").append(esc(d.id())).append(" · signed at ").append(esc(String.valueOf(d.timestamp())))
                    .append("</p><pre>").append(Escape.preformatted(pretty)).append("</pre></div>");
        }
        h.append("</section>\n");
    }

    /** What the other networks' fakes received, newest first: the words readers see and what carries the link. */
    private static void others(Sandbox sandbox, StringBuilder h) {
        section(h, "x", "X", "post", "posts", sandbox.x().posts().stream()
                .map(p -> p.text() + "\n\nlinks: " + String.join(", ", p.urls())).toList());
        section(h, "facebook", "Facebook", "Page post", "Page posts", sandbox.facebook().posts().stream()
                .map(p -> p.message() + "\n\nlink: " + p.link()).toList());
        section(h, "linkedin", "LinkedIn", "post", "posts", sandbox.linkedIn().posts().stream()
                .map(p -> p.commentary() + "\n\narticle card: " + p.body().path("content").path("article").path("title").asText()
                        + " <" + p.body().path("content").path("article").path("source").asText() + ">").toList());
        section(h, "threads", "Threads", "post", "posts", sandbox.threads().posts().stream()
                .map(p -> p.text() + "\n\nlink attachment: " + p.linkAttachment()).toList());
        section(h, "telegram", "Telegram", "message", "messages", sandbox.telegram().messages().stream()
                .map(m -> m.text() + "\n\nHTML: " + m.html()).toList());
        section(h, "discord", "Discord", "message", "messages", sandbox.discord().messages().stream()
                .map(m -> m.content() + "\n\nembed: " + m.embeds().path(0).path("title").asText() + " <" + m.embeds().path(0).path("url").asText() + ">").toList());
        section(h, "slack", "Slack", "message", "messages", sandbox.slack().messages().stream()
                .map(m -> m.sectionText() + "\n\nts " + m.ts() + " · " + sandbox.slack().permalinkOf(m.ts())).toList());
        section(h, "websub", "The WebSub hub", "ping", "pings", sandbox.webSubHub().pings().stream()
                .map(topics -> "topics: " + String.join(", ", topics.stream().map(URI::toString).toList())).toList());
    }

    private static void section(StringBuilder h, String id, String name, String one, String many, List<String> items) {
        h.append("<section id=\"").append(id).append("\"><h2>").append(esc(name)).append(" received ").append(items.size()).append(' ')
                .append(items.size() == 1 ? one : many).append("</h2>");
        for (String item : newestFirst(items)) h.append("<div class=\"card\"><pre>").append(Escape.preformatted(item)).append("</pre></div>");
        h.append("</section>\n");
    }

    private static <T> List<T> newestFirst(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String esc(String s) {
        return Escape.html(s == null ? "" : s, StandardCharsets.UTF_8);
    }
}
