package dev.herald.console;

import dev.herald.console.view.ComposePage;
import dev.herald.delivery.DeliveryException;
import dev.herald.delivery.Recurrence;
import dev.herald.delivery.ScheduleResult;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareRequest;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The compose page: reading an article, its lint and per-account cards, and scheduling it (now, at
 * a time, in the next queue slot, or as re-shares); plus the live character count.
 */
final class ComposePages {
    private static final Duration FEED_TTL = Duration.ofMinutes(5);

    private final Console c;
    private final Web web;
    private final ConsoleModel model;

    ComposePages(Console console, Web web, ConsoleModel model) {
        this.c = console;
        this.web = web;
        this.model = model;
    }

    void compose(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String url = Web.trim(req.getParameter("url"));
        List<String> accounts = model.accountNames();
        Draft d = new Draft(url, Map.of(), new LinkedHashSet<>(accounts), defaultWhen(), tomorrowNine(), c.zone.getId(), "", "");
        renderCompose(req, resp, user, d, null, HttpServletResponse.SC_OK);
    }

    /** What a person typed on the compose page, kept through a refusal. */
    private record Draft(String url, Map<String, String> texts, Set<String> selected, String when, String at, String zone, String everyDays,
            String times) {}

    private void renderCompose(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user, Draft d, String error, int status)
            throws IOException {
        List<ArticleMeta> recent = recentArticles();
        ArticleMeta article = null;
        int pageStatus = 0;
        List<Finding> findings = List.of();
        List<Card> cards = List.of();
        Set<String> imageOrigins = new TreeSet<>();
        if (!d.url().isEmpty()) {
            if (c.pages == null) {
                error = error != null ? error : "This console cannot fetch pages (no page reader configured).";
            } else {
                try {
                    PageFacts facts = c.pages.read(d.url());
                    article = facts.meta();
                    pageStatus = facts.status();
                    findings = new ArrayList<>(c.lint.check(facts));
                    cards = c.cards.cards(article, c.syndicators, d.texts());
                    // Each account's own: a composed text its network will cut, say.
                    for (Syndicator syn : c.syndicators) {
                        for (dev.herald.meta.lint.LintFinding f : syn.preview(dev.herald.syndication.Post.of(article, syn.account(), null)).lint()) {
                            Finding own = HeraldLint.finding(f);
                            if (!findings.contains(own)) findings.add(own);
                        }
                    }
                    if (article.image() != null) imageOrigins.add(Web.origin(article.image().url()));
                } catch (IOException | IllegalArgumentException e) {
                    error = error != null ? error : "Could not read the article: " + ConsoleModel.readError(e);
                    if (status == HttpServletResponse.SC_OK) status = HttpServletResponse.SC_BAD_REQUEST;
                }
            }
        }
        for (ArticleMeta m : recent) {
            if (m.image() != null) imageOrigins.add(Web.origin(m.image().url()));
        }
        if (!imageOrigins.isEmpty()) Web.allowImages(resp, imageOrigins);
        ComposePage page = new ComposePage(d.url(), recent, article, pageStatus, findings, cards, d.selected(), error, d.when(), d.at(),
                d.zone(), zones(), d.everyDays(), d.times());
        web.render(req, resp, user, "compose.jte", "Compose", "compose", page, status);
    }

    void schedule(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String url = Web.trim(req.getParameter("url"));
        String[] ticked = req.getParameterValues("account");
        Set<String> selected = new LinkedHashSet<>(ticked == null ? List.of() : List.of(ticked));
        Map<String, String> texts = new HashMap<>();
        for (String a : model.accountNames()) {
            String t = req.getParameter("text." + a);
            if (t != null) texts.put(a, t.replace("\r\n", "\n"));
        }
        Draft d = new Draft(url, texts, selected, Web.orDefault(req.getParameter("when"), "now"), Web.trim(req.getParameter("at")),
                Web.orDefault(req.getParameter("zone"), c.zone.getId()), Web.trim(req.getParameter("everyDays")), Web.trim(req.getParameter("times")));
        if (!"schedule".equals(req.getParameter("action"))) {
            renderCompose(req, resp, user, d, null, HttpServletResponse.SC_OK);
            return;
        }
        if (c.pages == null) {
            renderCompose(req, resp, user, d, "This console cannot fetch pages (no page reader configured).", HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            if (selected.isEmpty()) throw new IllegalArgumentException("tick at least one account");
            for (String a : selected) {
                if (!model.accountNames().contains(a)) throw new IllegalArgumentException("unknown account '" + a + "'");
            }
            PageFacts facts = c.pages.read(url);
            if (facts.status() != 200) throw new IllegalArgumentException("the page answered HTTP " + facts.status() + "; share a page that answers 200");
            ArticleMeta article = facts.meta();
            Map<String, String> own = ownTexts(article, selected, texts);
            List<Share> done = new ArrayList<>();
            List<String> unchanged = new ArrayList<>();
            if (d.when().equals("next")) {
                // All or nothing: every ticked account needs queue slots, and every own text must fit,
                // before the first share is made.
                List<String> noSlots = selected.stream().filter(a -> !c.slots.containsKey(a)).toList();
                if (!noSlots.isEmpty()) {
                    throw new IllegalArgumentException(String.join(", ", noSlots) + (noSlots.size() == 1 ? " has" : " have")
                            + " no queue slots: choose a time for " + (noSlots.size() == 1 ? "it" : "them") + ", or untick");
                }
                for (String a : selected) if (own.containsKey(a)) c.textLimits.check(a, model.network(a), own.get(a));
                for (String a : selected) {
                    Share s = c.client.as(user.name()).shareNext(article, a);
                    if (own.containsKey(a)) c.client.as(user.name()).setText(s.id(), own.get(a));
                    done.add(s);
                }
            } else {
                SendTime when = d.when().equals("now") ? SendTime.now() : ConsoleModel.localTime(d.at(), d.zone());
                Recurrence recurrence = d.when().equals("recurring") ? ConsoleModel.recurrence(d.everyDays(), d.times()) : null;
                List<ShareRequest> requests = new ArrayList<>();
                for (String a : selected) {
                    requests.add(new ShareRequest(article, a, when, "", recurrence, own.get(a), ShareRequest.IfExists.KEEP));
                }
                for (ScheduleResult r : c.client.as(user.name()).submitAll(requests)) {
                    if (r.change() == ScheduleResult.Change.UNCHANGED) unchanged.add(r.share().account());
                    else done.add(r.share());
                }
            }
            StringBuilder msg = new StringBuilder();
            if (!done.isEmpty()) msg.append("Scheduled ").append(done.size()).append(done.size() == 1 ? " share" : " shares").append(" of “")
                    .append(article.title()).append("”.");
            if (!unchanged.isEmpty()) msg.append(msg.length() > 0 ? " " : "").append("Already scheduled for ").append(String.join(", ", unchanged))
                    .append(": left unchanged; reschedule them in the queue.");
            Web.flash(req, msg.toString(), done.isEmpty());
            Web.redirect(req, resp, "/queue");
        } catch (IllegalArgumentException | DeliveryException e) {
            renderCompose(req, resp, user, d, "Nothing was scheduled: " + e.getMessage(), HttpServletResponse.SC_BAD_REQUEST);
        } catch (IOException e) {
            renderCompose(req, resp, user, d, "Nothing was scheduled: could not read the article: " + ConsoleModel.readError(e), HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private record Recent(Instant at, List<ArticleMeta> articles) {}

    private volatile Recent recent;

    /** The feed's newest articles, read at most every {@link #FEED_TTL} rather than on every page. */
    private List<ArticleMeta> recentArticles() {
        if (c.pages == null || c.feed == null) return List.of();
        Instant now = c.clock.instant();
        Recent r = recent;
        if (r == null || r.at().plus(FEED_TTL).isBefore(now)) {
            r = new Recent(now, c.pages.recent(c.feed, 10));
            recent = r;
        }
        return r.articles();
    }

    /** The texts a person changed from what the account's template composes; the rest are composed at send time. */
    private Map<String, String> ownTexts(ArticleMeta article, Set<String> selected, Map<String, String> texts) {
        Map<String, String> composed = new HashMap<>();
        for (Card card : c.cards.cards(article, c.syndicators, Map.of())) composed.put(card.account(), card.text());
        Map<String, String> own = new HashMap<>();
        for (String a : selected) {
            String t = texts.get(a);
            if (t == null || t.isBlank() || t.equals(composed.get(a))) continue;
            own.put(a, t);
        }
        return own;
    }

    void count(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String network = Web.orDefault(req.getParameter("network"), "");
        String text = req.getParameter("text") == null ? "" : req.getParameter("text").replace("\r\n", "\n");
        TextRules rules = c.cards.rules(network);
        resp.setContentType("application/json;charset=UTF-8");
        // Numbers and booleans only: nothing here needs escaping.
        resp.getWriter().write("{\"length\":" + rules.length(text) + ",\"limit\":" + (rules.maxLength() == Integer.MAX_VALUE ? "null" : rules.maxLength())
                + ",\"fits\":" + rules.fits(text) + "}");
    }

    private String defaultWhen() {
        return c.slots.isEmpty() ? "at" : "next";
    }

    private String tomorrowNine() {
        return ConsoleModel.INPUT.format(c.clock.instant().atZone(c.zone).toLocalDate().plusDays(1).atTime(9, 0));
    }

    private List<String> zones() {
        Set<String> out = new TreeSet<>(ZoneId.getAvailableZoneIds());
        out.removeIf(z -> !z.contains("/") || z.startsWith("Etc/") || z.startsWith("SystemV/"));
        out.add("UTC");
        return List.copyOf(out);
    }
}
