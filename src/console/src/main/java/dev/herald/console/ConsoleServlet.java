package dev.herald.console;

import dev.herald.console.view.AccountRow;
import dev.herald.console.view.CalendarRow;
import dev.herald.console.view.Chrome;
import dev.herald.console.view.ComposePage;
import dev.herald.console.view.HistoryPage;
import dev.herald.console.view.QueuePage;
import dev.herald.console.view.ShareRow;
import dev.herald.delivery.AccountStatus;
import dev.herald.delivery.DeliveryException;
import dev.herald.delivery.Recurrence;
import dev.herald.delivery.ScheduleResult;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareRequest;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.WriterOutput;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The console's pages and actions. Every request is checked in one place, {@link #service}: a
 * signed-in user, the role the route needs, and for every state change the session's form token
 * from this site; then one handler calls the delivery API and renders a compiled template or
 * redirects (post/redirect/get).
 */
final class ConsoleServlet extends HttpServlet {
    /** How long before a token must be renewed by signing in again the accounts page warns, as {@code herald accounts} does. */
    private static final java.time.Duration TOKEN_WARNING = java.time.Duration.ofDays(14);

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleServlet.class);

    private static final long serialVersionUID = 1L;
    private static final String FLASH = "dev.herald.console.flash";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final int LIST_LIMIT = 1000;
    private static final Duration FEED_TTL = Duration.ofMinutes(5);
    private static final int ATTEMPTS_SHOWN = 100;
    private static final Set<ShareState> HISTORY = historyStates();

    @FunctionalInterface
    private interface Handler {
        void handle(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException;
    }

    private record Route(Role role, Handler handler) {}

    private final transient Console c;
    private final transient TemplateEngine jte;
    private final transient Map<String, Route> routes = new HashMap<>();

    ConsoleServlet(Console console) {
        this.c = console;
        this.jte = TemplateEngine.createPrecompiled(null, ContentType.Html, ConsoleServlet.class.getClassLoader(), "dev.herald.console.templates");
        get("/", Role.VIEWER, (q, r, u) -> redirect(q, r, "/compose"));
        get("/compose", Role.VIEWER, this::compose);
        get("/count", Role.VIEWER, this::count);
        get("/queue", Role.VIEWER, this::queue);
        get("/history", Role.VIEWER, this::history);
        get("/accounts", Role.VIEWER, this::accounts);
        get("/audit", Role.ADMIN, this::audit);
        post("/compose", Role.EDITOR, this::schedule);
        post("/shares/reschedule", Role.EDITOR, this::reschedule);
        post("/shares/cancel", Role.EDITOR, this::cancel);
        post("/shares/retry", Role.EDITOR, this::retry);
        post("/shares/text", Role.EDITOR, this::text);
        post("/shares/confirm", Role.EDITOR, this::confirm);
        post("/accounts/check", Role.EDITOR, this::check);
        post("/accounts/reset", Role.ADMIN, this::reset);
        post("/logout", Role.VIEWER, this::logout);
    }

    /** Every write endpoint's path and the role it needs: what the tests walk to prove viewers change nothing. */
    Map<String, Role> writeEndpoints() {
        Map<String, Role> out = new LinkedHashMap<>();
        routes.forEach((k, v) -> {
            if (k.startsWith("POST ")) out.put(k.substring(5), v.role());
        });
        return out;
    }

    private void get(String path, Role role, Handler h) {
        routes.put("GET " + path, new Route(role, h));
    }

    private void post(String path, Role role, Handler h) {
        routes.put("POST " + path, new Route(role, h));
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // Before any parameter is read (the form token is one): containers differ in their default.
        req.setCharacterEncoding("UTF-8");
        try {
            serve(req, resp);
        } catch (RuntimeException e) {
            // A bug or an input no handler foresaw: logged here, never shown (no stack trace, no detail).
            LOG.warn("Console request {} {} failed", req.getMethod(), req.getPathInfo(), e);
            if (!resp.isCommitted()) {
                resp.reset();
                securityHeaders(resp);
                resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        securityHeaders(resp);
        String path = req.getPathInfo() == null || req.getPathInfo().isEmpty() ? "/" : req.getPathInfo();
        String method = req.getMethod();
        if (path.startsWith("/assets/") && (method.equals("GET") || method.equals("HEAD"))) {
            asset(path.substring("/assets/".length()), resp);
            return;
        }
        if (path.equals("/login") && c.authenticator instanceof ConsoleUsers users) {
            if (method.equals("GET")) loginPage(req, resp, null, "", HttpServletResponse.SC_OK);
            else if (method.equals("POST")) login(req, resp, users);
            else resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<ConsoleUser> user = c.authenticator.user(req);
        if (user.isEmpty()) {
            if (c.authenticator.ownsSignIn() && method.equals("GET")) {
                redirect(req, resp, "/login");
            } else {
                refuse(req, resp, null, HttpServletResponse.SC_FORBIDDEN,
                        "Sign in with a console role (viewer, editor or admin) to use the console.");
            }
            return;
        }
        Route route = routes.get(method + " " + path);
        if (route == null) {
            boolean other = routes.containsKey((method.equals("GET") ? "POST " : "GET ") + path);
            refuse(req, resp, user.get(), other ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND,
                    other ? "That page does not take " + method + "." : "There is no such console page.");
            return;
        }
        boolean write = method.equals("POST");
        if (!user.get().may(route.role())) {
            if (write) c.client.audit(user.get().name(), "refused", path, "needs the " + route.role().label() + " role; has " + user.get().role().label());
            refuse(req, resp, user.get(), HttpServletResponse.SC_FORBIDDEN,
                    "This needs the " + route.role().label() + " role; you are signed in as a " + user.get().role().label() + ".");
            return;
        }
        if (write && !Csrf.valid(req)) {
            c.client.audit(user.get().name(), "refused", path, "missing or wrong form token, or another site's request");
            refuse(req, resp, user.get(), HttpServletResponse.SC_FORBIDDEN,
                    "The form was out of date or came from another site; nothing was changed. Reload the page and try again.");
            return;
        }
        route.handler().handle(req, resp, user.get());
    }

    // ---------------------------------------------------------------- compose

    private void compose(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String url = trim(req.getParameter("url"));
        List<String> accounts = accountNames();
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
                    if (article.image() != null) imageOrigins.add(origin(article.image().url()));
                } catch (IOException | IllegalArgumentException e) {
                    error = error != null ? error : "Could not read the article: " + readError(e);
                    if (status == HttpServletResponse.SC_OK) status = HttpServletResponse.SC_BAD_REQUEST;
                }
            }
        }
        for (ArticleMeta m : recent) {
            if (m.image() != null) imageOrigins.add(origin(m.image().url()));
        }
        if (!imageOrigins.isEmpty()) allowImages(resp, imageOrigins);
        ComposePage page = new ComposePage(d.url(), recent, article, pageStatus, findings, cards, d.selected(), error, d.when(), d.at(),
                d.zone(), zones(), d.everyDays(), d.times());
        render(req, resp, user, "compose.jte", "Compose", "compose", page, status);
    }

    private void schedule(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String url = trim(req.getParameter("url"));
        String[] ticked = req.getParameterValues("account");
        Set<String> selected = new LinkedHashSet<>(ticked == null ? List.of() : List.of(ticked));
        Map<String, String> texts = new HashMap<>();
        for (String a : accountNames()) {
            String t = req.getParameter("text." + a);
            if (t != null) texts.put(a, t.replace("\r\n", "\n"));
        }
        Draft d = new Draft(url, texts, selected, orDefault(req.getParameter("when"), "now"), trim(req.getParameter("at")),
                orDefault(req.getParameter("zone"), c.zone.getId()), trim(req.getParameter("everyDays")), trim(req.getParameter("times")));
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
                if (!accountNames().contains(a)) throw new IllegalArgumentException("unknown account '" + a + "'");
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
                for (String a : selected) if (own.containsKey(a)) c.textLimits.check(a, network(a), own.get(a));
                for (String a : selected) {
                    Share s = c.client.as(user.name()).shareNext(article, a);
                    if (own.containsKey(a)) c.client.as(user.name()).setText(s.id(), own.get(a));
                    done.add(s);
                }
            } else {
                SendTime when = d.when().equals("now") ? SendTime.now() : localTime(d.at(), d.zone());
                Recurrence recurrence = d.when().equals("recurring") ? recurrence(d.everyDays(), d.times()) : null;
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
            flash(req, msg.toString(), done.isEmpty());
            redirect(req, resp, "/queue");
        } catch (IllegalArgumentException | DeliveryException e) {
            renderCompose(req, resp, user, d, "Nothing was scheduled: " + e.getMessage(), HttpServletResponse.SC_BAD_REQUEST);
        } catch (IOException e) {
            renderCompose(req, resp, user, d, "Nothing was scheduled: could not read the article: " + readError(e), HttpServletResponse.SC_BAD_REQUEST);
        }
    }

    private record Recent(Instant at, List<ArticleMeta> articles) {}

    private transient volatile Recent recent;

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

    private void count(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String network = orDefault(req.getParameter("network"), "");
        String text = req.getParameter("text") == null ? "" : req.getParameter("text").replace("\r\n", "\n");
        TextRules rules = c.cards.rules(network);
        resp.setContentType("application/json;charset=UTF-8");
        // Numbers and booleans only: nothing here needs escaping.
        resp.getWriter().write("{\"length\":" + rules.length(text) + ",\"limit\":" + (rules.maxLength() == Integer.MAX_VALUE ? "null" : rules.maxLength())
                + ",\"fits\":" + rules.fits(text) + "}");
    }

    // ---------------------------------------------------------------- queue and calendar

    private void queue(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String view = "month".equals(req.getParameter("view")) ? "month" : "week";
        String account = orDefault(req.getParameter("account"), "");
        String stateName = orDefault(req.getParameter("state"), "");
        String article = orDefault(req.getParameter("article"), "");
        LocalDate today = c.clock.instant().atZone(c.zone).toLocalDate();
        LocalDate anchor = today;
        try {
            if (req.getParameter("start") != null && !req.getParameter("start").isBlank()) anchor = LocalDate.parse(req.getParameter("start").strip());
        } catch (DateTimeParseException e) {
            anchor = today;
        }
        LocalDate first;
        LocalDate end;
        if (view.equals("month")) {
            first = anchor.withDayOfMonth(1);
            end = first.plusMonths(1);
        } else {
            first = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            end = first.plusWeeks(1);
        }
        Set<ShareState> states;
        if (!stateName.isEmpty()) {
            try {
                states = EnumSet.of(ShareState.valueOf(stateName.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                states = EnumSet.noneOf(ShareState.class);
                stateName = "";
            }
        } else {
            states = EnumSet.of(ShareState.SCHEDULED, ShareState.FAILED, ShareState.SENDING);
        }
        List<String> accounts = accountNames();
        List<Share> shares = new ArrayList<>(c.client.list(new ShareQuery(states, account.isEmpty() ? null : account, LIST_LIMIT)));
        String needle = article.toLowerCase(Locale.ROOT);
        if (!needle.isEmpty()) {
            shares.removeIf(s -> !s.headline().toLowerCase(Locale.ROOT).contains(needle) && !s.articleUrl().toString().toLowerCase(Locale.ROOT).contains(needle));
        }
        Map<String, String> by = scheduledBy();
        List<ShareRow> rows = shares.stream().map(s -> row(s, by)).toList();
        List<String> days = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) days.add(DAY.format(d));
        List<CalendarRow> calendar = new ArrayList<>();
        Instant from = first.atStartOfDay(c.zone).toInstant();
        Instant to = end.atStartOfDay(c.zone).toInstant();
        for (String a : accounts) {
            if (!account.isEmpty() && !account.equals(a)) continue;
            Set<Instant> held = new java.util.HashSet<>();
            for (Share s : shares) {
                if (!s.account().equals(a)) continue;
                // A slot is taken by the share holding it, or by any share due at that very time.
                if (s.slotAt() != null) held.add(s.slotAt());
                held.add(s.dueAt());
            }
            Map<LocalDate, List<String>> free = new HashMap<>();
            if (c.slots.containsKey(a)) {
                for (Instant slot : c.slots.get(a).after(from.minusSeconds(1))) {
                    if (!slot.isBefore(to)) break;
                    if (held.contains(slot)) continue;
                    ZonedDateTime z = slot.atZone(c.zone);
                    free.computeIfAbsent(z.toLocalDate(), k -> new ArrayList<>()).add(String.format(Locale.ROOT, "%02d:%02d", z.getHour(), z.getMinute()));
                }
            }
            List<CalendarRow.Cell> cells = new ArrayList<>();
            for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
                LocalDate day = d;
                List<ShareRow> inDay = new ArrayList<>();
                for (int i = 0; i < shares.size(); i++) {
                    Share s = shares.get(i);
                    if (s.account().equals(a) && s.dueAt().atZone(c.zone).toLocalDate().equals(day)) inDay.add(rows.get(i));
                }
                cells.add(new CalendarRow.Cell(day.toString(), DAY.format(day), inDay, free.getOrDefault(day, List.of()), day.equals(today)));
            }
            calendar.add(new CalendarRow(a, cells));
        }
        LocalDate prev = view.equals("month") ? first.minusMonths(1) : first.minusWeeks(1);
        String heading = view.equals("month") ? first.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH))
                : "Week of " + first.format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        String query = "account=" + enc(account) + "&state=" + enc(stateName) + "&article=" + enc(article);
        List<String> stateNames = new ArrayList<>();
        for (ShareState s : ShareState.values()) stateNames.add(s.name().toLowerCase(Locale.ROOT));
        QueuePage page = new QueuePage(view, first.toString(), prev.toString(), end.toString(), heading, days, calendar, rows, accounts,
                stateNames, account, stateName.toLowerCase(Locale.ROOT), article, query);
        render(req, resp, user, "queue.jte", "Calendar and queue", "queue", page, HttpServletResponse.SC_OK);
    }

    private void reschedule(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = share(req);
        if (s == null) {
            back(req, resp, "No such share.", true);
            return;
        }
        try {
            if ("next".equals(req.getParameter("when"))) {
                Optional<Share> moved = c.client.as(user.name()).rescheduleNext(s.id());
                if (moved.isEmpty()) {
                    back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be moved: it is being sent or was posted.", true);
                    return;
                }
                back(req, resp, "Moved “" + s.headline() + "” on " + s.account() + " to " + shown(moved.get().dueAt()) + ".", false);
                return;
            }
            SendTime when = localTime(trim(req.getParameter("at")), orDefault(req.getParameter("zone"), c.zone.getId()));
            if (!c.client.as(user.name()).reschedule(s.id(), when)) {
                back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be moved: it is being sent or was posted.", true);
                return;
            }
            Instant at = when.resolve(c.clock);
            back(req, resp, "Moved “" + s.headline() + "” on " + s.account() + " to " + shown(at) + ".", false);
        } catch (IllegalArgumentException | DeliveryException e) {
            back(req, resp, "Not moved: " + e.getMessage(), true);
        }
    }

    private void cancel(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = share(req);
        if (s == null) {
            back(req, resp, "No such share.", true);
        } else if (c.client.as(user.name()).cancel(s.id())) {
            back(req, resp, "Cancelled “" + s.headline() + "” on " + s.account() + ".", false);
        } else {
            back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be cancelled: it is being sent, was sent, or is dead.", true);
        }
    }

    private void retry(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = share(req);
        if (s == null) {
            back(req, resp, "No such share.", true);
        } else if (c.client.as(user.name()).retry(s.id())) {
            back(req, resp, "Sending “" + s.headline() + "” on " + s.account() + " again now.", false);
        } else {
            back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be retried in its state (" + s.state().name().toLowerCase(Locale.ROOT) + ").", true);
        }
    }

    private void confirm(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = share(req);
        if (s == null) {
            back(req, resp, "No such share.", true);
            return;
        }
        String given = trim(req.getParameter("url"));
        URI url = null;
        if (!given.isEmpty()) {
            try {
                url = URI.create(given);
            } catch (IllegalArgumentException e) {
                url = null;
            }
            if (httpOrNull(url) == null || url.getHost() == null) {
                back(req, resp, "Not confirmed: the post's address must start with https:// (or leave it empty).", true);
                return;
            }
        }
        if (c.client.as(user.name()).confirm(s.id(), url)) {
            back(req, resp, "Marked “" + s.headline() + "” on " + s.account() + " as posted; it will not be sent again.", false);
        } else {
            back(req, resp, "“" + s.headline() + "” on " + s.account() + " cannot be confirmed in its state (" + s.state().name().toLowerCase(Locale.ROOT) + ").", true);
        }
    }

    private void text(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Share s = share(req);
        String text = req.getParameter("text") == null ? null : req.getParameter("text").replace("\r\n", "\n");
        if (text != null && text.isBlank()) text = null;
        if (s == null) {
            back(req, resp, "No such share.", true);
            return;
        }
        try {
            if (c.client.as(user.name()).setText(s.id(), text)) {
                back(req, resp, "Saved the text of “" + s.headline() + "” on " + s.account() + ".", false);
            } else {
                back(req, resp, "The text of “" + s.headline() + "” cannot change: it is being sent or was posted.", true);
            }
        } catch (IllegalArgumentException e) {
            back(req, resp, "Text not saved: " + e.getMessage(), true);
        }
    }

    // ---------------------------------------------------------------- history

    private void history(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String account = orDefault(req.getParameter("account"), "");
        List<Share> shares = new ArrayList<>(c.client.list(new ShareQuery(HISTORY, account.isEmpty() ? null : account, LIST_LIMIT)));
        shares.sort(Comparator.comparing((Share s) -> s.postedAt() != null ? s.postedAt() : s.updatedAt() != null ? s.updatedAt() : s.dueAt()).reversed());
        Map<String, String> by = scheduledBy();
        int attention = 0;
        for (Share s : shares) if (s.state() == ShareState.DEAD || isUncertain(s)) attention++;
        List<ShareRow> rows = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            Share s = shares.get(i);
            // Every attempt of the newest shares; older ones show their count and last outcome.
            rows.add(row(s, by, i < ATTEMPTS_SHOWN ? attemptLines(s) : List.of()));
        }
        HistoryPage page = new HistoryPage(rows, attention, accountNames(), account);
        render(req, resp, user, "history.jte", "History", "history", page, HttpServletResponse.SC_OK);
    }

    // ---------------------------------------------------------------- accounts

    private void accounts(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        Map<String, Syndicator> byName = syndicators();
        Map<String, AccountStatus> statuses = new LinkedHashMap<>();
        for (AccountStatus st : c.client.accountStatuses()) statuses.put(st.name(), st);
        Instant now = c.clock.instant();
        Map<String, Instant> signInByAccount = new HashMap<>();
        for (dev.herald.delivery.StoredCredential sc : c.client.storedCredentials()) {
            if (sc.signInBy() != null) signInByAccount.put(sc.account(), sc.signInBy());
        }
        List<AccountRow> rows = new ArrayList<>();
        for (String name : accountNames()) {
            AccountStatus st = statuses.getOrDefault(name, AccountStatus.active(name));
            String network = network(name);
            String quota = null;
            Optional<NetworkProvider> provider = network == null ? Optional.empty() : NetworkRegistry.installed().find(network);
            if (provider.isPresent() && !provider.get().quotas().isEmpty()) {
                Quota q = provider.get().quotas().get(0);
                Instant since = now.minus(q.window());
                long used = c.client.list(new ShareQuery(Set.of(ShareState.POSTED), name, LIST_LIMIT)).stream()
                        .filter(s -> s.postedAt() != null && s.postedAt().isAfter(since)).count();
                quota = used + " / " + q.limit() + " in " + human(q.window());
            }
            List<String> next = new ArrayList<>();
            if (c.slots.containsKey(name)) for (Instant slot : c.slots.get(name).after(now)) {
                next.add(shown(slot));
                if (next.size() == 3) break;
            }
            long pending = c.client.list(new ShareQuery(EnumSet.of(ShareState.SCHEDULED, ShareState.FAILED, ShareState.SENDING), name, LIST_LIMIT)).size();
            String health = switch (st.state()) {
                case ACTIVE -> "ok";
                case AUTH_FAILED -> "auth failed";
                default -> st.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            };
            boolean healthy = st.state() == dev.herald.delivery.AccountState.ACTIVE;
            String message = st.message();
            Instant signInBy = signInByAccount.get(name);
            if (healthy && signInBy != null && signInBy.isBefore(now.plus(TOKEN_WARNING))) {
                // Still sending, but not for long: a person has to sign in again (herald auth) before then.
                boolean expired = !signInBy.isAfter(now);
                health = expired ? "token expired" : "token expiring";
                healthy = false;
                message = (expired ? "its token expired " : "its token expires ") + shown(signInBy) + "; sign in again: herald auth " + name;
            }
            rows.add(new AccountRow(name, network == null ? "?" : network, health, healthy, message,
                    st.changedAt() == null ? null : shown(st.changedAt()), quota, next, pending, byName.containsKey(name)));
        }
        render(req, resp, user, "accounts.jte", "Accounts", "accounts", rows, HttpServletResponse.SC_OK);
    }

    private void check(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String name = orDefault(req.getParameter("account"), "");
        Syndicator s = syndicators().get(name);
        if (s == null) {
            back(req, resp, "No account named '" + name + "' can be checked here.", true);
            return;
        }
        CredentialCheck check = s.check();
        String result = switch (check.status()) {
            case OK -> "accepted";
            case AUTH_FAILED -> "refused";
            default -> "could not be checked";
        };
        c.client.audit(user.name(), "check credentials", name, result + ": " + check.message());
        if (check.status() == CredentialCheck.Status.OK && c.client.account(name).authFailed()) {
            int woken = c.client.as(user.name()).credentialsChanged(name);
            c.client.audit(user.name(), "reset-account", name, "credentials accepted; " + woken + " waiting shares woken");
        }
        back(req, resp, name + ": the network " + result + " the credentials. " + check.message(), check.status() != CredentialCheck.Status.OK);
    }

    private void reset(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        String name = orDefault(req.getParameter("account"), "");
        try {
            int woken = c.client.as(user.name()).resetAccount(name);
            back(req, resp, name + " may send again; " + woken + " waiting shares woken.", false);
        } catch (IllegalArgumentException e) {
            back(req, resp, "Not reset: " + e.getMessage(), true);
        }
    }

    private void audit(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        render(req, resp, user, "audit.jte", "Audit log", "audit", c.client.auditLog(500), HttpServletResponse.SC_OK);
    }

    // ---------------------------------------------------------------- sign-in (standalone)

    private void loginPage(HttpServletRequest req, HttpServletResponse resp, String error, String name, int status) throws IOException {
        Chrome chrome = new Chrome("Sign in", "login", null, Csrf.token(req), base(req), null, false, false, c.zone.getId());
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", chrome);
        params.put("error", error);
        params.put("name", name);
        jte.render("login.jte", params, new WriterOutput(resp.getWriter()));
    }

    private void login(HttpServletRequest req, HttpServletResponse resp, ConsoleUsers users) throws IOException {
        req.setCharacterEncoding("UTF-8");
        String name = orDefault(req.getParameter("name"), "");
        if (!Csrf.valid(req)) {
            loginPage(req, resp, "The sign-in form was out of date; try again.", name, HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        String address = req.getRemoteAddr();
        Duration wait = c.throttle.reserve(name, address);
        if (!wait.isZero()) {
            resp.setHeader("Retry-After", String.valueOf(Math.max(1, wait.toSeconds())));
            // Not in the audit log: a flood of cheap refused attempts must not bury what people did.
            LOG.info("Console sign-in for '{}' from {} refused: too many failed sign-ins", dev.herald.internal.Validate.abbreviate(name.replaceAll("\\p{Cntrl}", "?")), address);
            loginPage(req, resp, "Too many failed sign-ins. Try again in " + human(wait) + ".", name, 429);
            return;
        }
        Optional<ConsoleUser> user = users.authenticate(name, req.getParameter("password"));
        if (user.isEmpty()) {
            // The failure was counted by reserve() before the password was checked.
            loginPage(req, resp, "Wrong name or password.", name, HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        c.throttle.succeeded(name, address);
        // A new session at sign-in, so a session id planted before it is worth nothing after.
        HttpSession old = req.getSession(false);
        if (old != null) old.invalidate();
        HttpSession session = req.getSession(true);
        session.setAttribute(ConsoleUsers.SESSION_USER, user.get().name());
        c.client.audit(user.get().name(), "sign in", address, "as " + user.get().role().label());
        redirect(req, resp, "/compose");
    }

    private void logout(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
        c.client.audit(user.name(), "sign out", "", "");
        redirect(req, resp, c.authenticator.ownsSignIn() ? "/login" : "/");
    }

    // ---------------------------------------------------------------- helpers

    private void render(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user, String template, String title, String nav, Object page,
            int status) throws IOException {
        String[] flash = takeFlash(req);
        Chrome chrome = new Chrome(title, nav, user, Csrf.token(req), base(req), flash == null ? null : flash[0], flash != null && flash[1] != null,
                c.authenticator.ownsSignIn(), c.zone.getId());
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", chrome);
        params.put("page", page);
        jte.render(template, params, new WriterOutput(resp.getWriter()));
    }

    private void refuse(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user, int status, String message) throws IOException {
        Chrome chrome = new Chrome("Not allowed", "", user, user == null ? null : Csrf.token(req), base(req), null, false,
                user != null && c.authenticator.ownsSignIn(), c.zone.getId());
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", chrome);
        params.put("message", message);
        jte.render("refused.jte", params, new WriterOutput(resp.getWriter()));
    }

    private static void securityHeaders(HttpServletResponse resp) {
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
    private static void allowImages(HttpServletResponse resp, Set<String> origins) {
        StringBuilder extra = new StringBuilder();
        for (String o : origins) if (o != null && o.startsWith("http://")) extra.append(' ').append(o);
        resp.setHeader("Content-Security-Policy", csp(extra.toString()));
    }

    private static String origin(URI u) {
        if (u == null || u.getScheme() == null || u.getHost() == null) return null;
        // Only characters a CSP source may hold: a URI's scheme, host and port already are.
        return u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost() + (u.getPort() == -1 ? "" : ":" + u.getPort());
    }

    private void asset(String name, HttpServletResponse resp) throws IOException {
        String type = switch (name) {
            case "console.css" -> "text/css;charset=UTF-8";
            case "console.js" -> "text/javascript;charset=UTF-8";
            default -> null;
        };
        InputStream in = type == null ? null : ConsoleServlet.class.getResourceAsStream("assets/" + name);
        if (in == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        resp.setContentType(type);
        resp.setHeader("Cache-Control", "no-cache");
        try (in; OutputStream out = resp.getOutputStream()) {
            in.transferTo(out);
        }
    }

    private static String base(HttpServletRequest req) {
        return req.getContextPath() + req.getServletPath();
    }

    private static void redirect(HttpServletRequest req, HttpServletResponse resp, String path) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", base(req) + path);
    }

    /**
     * Back to the page the form was on: the {@code back} parameter when it is one of the console's
     * own pages (a path and query, never another site), else the queue.
     */
    private void back(HttpServletRequest req, HttpServletResponse resp, String message, boolean error) {
        flash(req, message, error);
        String back = req.getParameter("back");
        boolean own = back != null && back.matches("/(queue|history|accounts|compose)(\\?[A-Za-z0-9=&%._+-]*)?");
        redirect(req, resp, own ? back : "/queue");
    }

    private static void flash(HttpServletRequest req, String message, boolean error) {
        req.getSession(true).setAttribute(FLASH, new String[] {message, error ? "error" : null});
    }

    private static String[] takeFlash(HttpServletRequest req) {
        HttpSession session = req.getSession(false);
        if (session == null) return null;
        Object f = session.getAttribute(FLASH);
        session.removeAttribute(FLASH);
        return f instanceof String[] a ? a : null;
    }

    private Share share(HttpServletRequest req) {
        String id = req.getParameter("id");
        if (id == null || id.isBlank()) return null;
        try {
            return c.client.resolve(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private ShareRow row(Share s, Map<String, String> by) {
        return row(s, by, List.of());
    }

    private ShareRow row(Share s, Map<String, String> by, List<String> attemptLines) {
        ZonedDateTime due = s.dueAt().atZone(c.zone);
        boolean movable = s.state() == ShareState.SCHEDULED || s.state() == ShareState.FAILED;
        boolean retryable = s.state() == ShareState.FAILED || s.state() == ShareState.DEAD || s.state() == ShareState.CANCELLED
                || s.state() == ShareState.UNCERTAIN;
        return new ShareRow(s.id(), s.shortId(), s.account(), s.network(), s.headline(), s.articleUrl().toString(),
                s.state().name().toLowerCase(Locale.ROOT), shown(s.dueAt()), INPUT.format(due), due.toLocalDate().toString(),
                String.format(Locale.ROOT, "%02d:%02d", due.getHour(), due.getMinute()), s.postedAt() == null ? null : shown(s.postedAt()),
                httpOrNull(s.remoteUrl()), s.attempts(), s.lastOutcome(), s.lastMessage(), s.text(), by.get(s.id()), movable, retryable,
                isUncertain(s) || s.state() == ShareState.DEAD, attemptLines);
    }

    private List<String> attemptLines(Share s) {
        List<String> out = new ArrayList<>();
        for (dev.herald.delivery.Attempt a : c.client.attempts(s.id())) {
            out.add("#" + a.number() + " " + shown(a.at()) + " — " + a.outcome().replace('_', ' ') + (a.message() == null ? "" : ": " + a.message())
                    + (a.node() == null ? "" : " (" + a.node() + ")"));
        }
        return out;
    }

    private static boolean isUncertain(Share s) {
        return s.state() == ShareState.UNCERTAIN;
    }

    /** Only http(s) links are ever written into a page: a network could report anything as a post's URL. */
    private static String httpOrNull(URI u) {
        if (u == null || u.getScheme() == null) return null;
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https") ? u.toString() : null;
    }

    /** Who scheduled each share, from the audit trail. */
    private Map<String, String> scheduledBy() {
        Map<String, String> by = new HashMap<>();
        for (dev.herald.delivery.AuditEntry e : c.client.auditLog(10_000)) {
            if (e.action().equals("schedule")) by.putIfAbsent(e.target(), e.actor());
        }
        return by;
    }

    private List<String> accountNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Syndicator s : c.syndicators) names.add(s.account());
        names.addAll(c.client.accounts());
        return List.copyOf(names);
    }

    private Map<String, Syndicator> syndicators() {
        Map<String, Syndicator> out = new HashMap<>();
        for (Syndicator s : c.syndicators) out.put(s.account(), s);
        return out;
    }

    /**
     * What a person is told when an article cannot be read. A host refused by the fetch guard is
     * reported without the address it resolved to, so the console never maps the site's inside.
     */
    static String readError(Exception e) {
        if (e instanceof java.net.UnknownHostException) return "its host is unknown or not a public address (the fetch allow-list decides)";
        return String.valueOf(e.getMessage());
    }

    private String network(String account) {
        for (Syndicator s : c.syndicators) if (s.account().equals(account)) return s.network();
        return null;
    }

    private String defaultWhen() {
        return c.slots.isEmpty() ? "at" : "next";
    }

    private String tomorrowNine() {
        return INPUT.format(c.clock.instant().atZone(c.zone).toLocalDate().plusDays(1).atTime(9, 0));
    }

    private String shown(Instant at) {
        return SHOWN.format(at.atZone(c.zone));
    }

    private static SendTime localTime(String at, String zone) {
        if (at == null || at.isEmpty()) throw new IllegalArgumentException("give a date and time");
        ZoneId z;
        try {
            z = ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + zone + "' (use a name such as Europe/Berlin)");
        }
        try {
            return SendTime.at(LocalDateTime.parse(at.strip()), z);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + at + "' is not a date and time such as 2026-12-08T09:00");
        }
    }

    private static Recurrence recurrence(String everyDays, String times) {
        try {
            return Recurrence.everyDays(Integer.parseInt(everyDays.strip()), Integer.parseInt(times.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("for re-shares, give whole numbers of days between them and of times");
        }
    }

    private List<String> zones() {
        Set<String> out = new TreeSet<>(ZoneId.getAvailableZoneIds());
        out.removeIf(z -> !z.contains("/") || z.startsWith("Etc/") || z.startsWith("SystemV/"));
        out.add("UTC");
        return List.copyOf(out);
    }

    private static String human(Duration d) {
        if (d.toDays() >= 1 && d.toHoursPart() == 0) return d.toDays() == 1 ? "24 h" : d.toDays() + " days";
        if (d.toHours() >= 1) return d.toHours() + " h";
        if (d.toMinutes() >= 1) return d.toMinutes() + " min";
        return Math.max(1, d.toSeconds()) + " s";
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String orDefault(String s, String d) {
        return s == null || s.isBlank() ? d : s.strip();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Set<ShareState> historyStates() {
        return EnumSet.of(ShareState.POSTED, ShareState.FAILED, ShareState.DEAD, ShareState.CANCELLED, ShareState.UNCERTAIN);
    }
}
