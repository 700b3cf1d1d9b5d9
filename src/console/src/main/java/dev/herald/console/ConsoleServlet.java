package dev.herald.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's pages and actions. Every request is checked in one place, {@link #service}: a
 * signed-in user, the role the route needs, and for every state change the session's form token
 * from this site; then one handler calls the delivery API and renders a compiled template or
 * redirects (post/redirect/get). The handlers live in one class per page ({@link ComposePages},
 * {@link QueuePages}, {@link HistoryPages}, {@link AccountPages}, {@link SignInPages}); the route
 * table and the checks stay here, so no page can skip them.
 */
final class ConsoleServlet extends HttpServlet {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ConsoleServlet.class);

    private static final long serialVersionUID = 1L;

    @FunctionalInterface
    private interface Handler {
        void handle(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException;
    }

    private record Route(Role role, Handler handler) {}

    private final transient Console c;

    private final transient Web web;
    private final transient SignInPages signIn;
    private final transient Map<String, Route> routes = new HashMap<>();

    ConsoleServlet(Console console) {
        this.c = console;
        TemplateEngine jte = TemplateEngine.createPrecompiled(null, ContentType.Html, ConsoleServlet.class.getClassLoader(), "dev.herald.console.templates");
        this.web = new Web(console, jte);
        ConsoleModel model = new ConsoleModel(console);
        this.signIn = new SignInPages(console, web, model);
        ComposePages compose = new ComposePages(console, web, model);
        QueuePages queue = new QueuePages(console, web, model);
        HistoryPages history = new HistoryPages(console, web, model);
        AccountPages accounts = new AccountPages(console, web, model);
        get("/", Role.VIEWER, (q, r, u) -> Web.redirect(q, r, "/compose"));
        get("/compose", Role.VIEWER, compose::compose);
        get("/count", Role.VIEWER, compose::count);
        get("/queue", Role.VIEWER, queue::queue);
        get("/history", Role.VIEWER, history::history);
        get("/accounts", Role.VIEWER, accounts::accounts);
        get("/audit", Role.ADMIN, history::audit);
        post("/compose", Role.EDITOR, compose::schedule);
        post("/shares/reschedule", Role.EDITOR, queue::reschedule);
        post("/shares/cancel", Role.EDITOR, queue::cancel);
        post("/shares/retry", Role.EDITOR, queue::retry);
        post("/shares/text", Role.EDITOR, queue::text);
        post("/shares/confirm", Role.EDITOR, queue::confirm);
        post("/accounts/check", Role.EDITOR, accounts::check);
        post("/accounts/reset", Role.ADMIN, accounts::reset);
        post("/logout", Role.VIEWER, signIn::logout);
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
                Web.securityHeaders(resp);
                resp.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Web.securityHeaders(resp);
        String path = req.getPathInfo() == null || req.getPathInfo().isEmpty() ? "/" : req.getPathInfo();
        String method = req.getMethod();
        if (path.startsWith("/assets/") && (method.equals("GET") || method.equals("HEAD"))) {
            asset(path.substring("/assets/".length()), resp);
            return;
        }
        if (path.equals("/login") && c.authenticator instanceof ConsoleUsers users) {
            if (method.equals("GET")) signIn.loginPage(req, resp, null, "", HttpServletResponse.SC_OK);
            else if (method.equals("POST")) signIn.login(req, resp, users);
            else resp.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        Optional<ConsoleUser> user = c.authenticator.user(req);
        if (user.isEmpty()) {
            if (c.authenticator.ownsSignIn() && method.equals("GET")) {
                Web.redirect(req, resp, "/login");
            } else {
                web.refuse(req, resp, null, HttpServletResponse.SC_FORBIDDEN,
                        "Sign in with a console role (viewer, editor or admin) to use the console.");
            }
            return;
        }
        Route route = routes.get(method + " " + path);
        if (route == null) {
            boolean other = routes.containsKey((method.equals("GET") ? "POST " : "GET ") + path);
            web.refuse(req, resp, user.get(), other ? HttpServletResponse.SC_METHOD_NOT_ALLOWED : HttpServletResponse.SC_NOT_FOUND,
                    other ? "That page does not take " + method + "." : "There is no such console page.");
            return;
        }
        boolean write = method.equals("POST");
        if (!user.get().may(route.role())) {
            if (write) c.client.audit(user.get().name(), "refused", path, "needs the " + route.role().label() + " role; has " + user.get().role().label());
            web.refuse(req, resp, user.get(), HttpServletResponse.SC_FORBIDDEN,
                    "This needs the " + route.role().label() + " role; you are signed in as a " + user.get().role().label() + ".");
            return;
        }
        if (write && !Csrf.valid(req)) {
            c.client.audit(user.get().name(), "refused", path, "missing or wrong form token, or another site's request");
            web.refuse(req, resp, user.get(), HttpServletResponse.SC_FORBIDDEN,
                    "The form was out of date or came from another site; nothing was changed. Reload the page and try again.");
            return;
        }
        route.handler().handle(req, resp, user.get());
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
}
