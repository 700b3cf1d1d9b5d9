package dev.herald.console;

import dev.herald.console.view.Chrome;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The standalone console's own sign-in: the form, a throttled password check with a fresh session,
 * and signing out.
 */
final class SignInPages {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignInPages.class);

    private final Console c;
    private final Web web;
    private final ConsoleModel model;

    SignInPages(Console console, Web web, ConsoleModel model) {
        this.c = console;
        this.web = web;
        this.model = model;
    }

    void loginPage(HttpServletRequest req, HttpServletResponse resp, String error, String name, int status) throws IOException {
        Chrome chrome = new Chrome("Sign in", "login", null, Csrf.token(req), Web.base(req), null, false, false, c.zone.getId());
        resp.setStatus(status);
        resp.setContentType("text/html;charset=UTF-8");
        Map<String, Object> params = new HashMap<>();
        params.put("chrome", chrome);
        params.put("error", error);
        params.put("name", name);
        web.template("login.jte", params, resp);
    }

    void login(HttpServletRequest req, HttpServletResponse resp, ConsoleUsers users) throws IOException {
        String name = Web.orDefault(req.getParameter("name"), "");
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
            loginPage(req, resp, "Too many failed sign-ins. Try again in " + ConsoleModel.human(wait) + ".", name, 429);
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
        Web.redirect(req, resp, "/compose");
    }

    void logout(HttpServletRequest req, HttpServletResponse resp, ConsoleUser user) throws IOException {
        HttpSession session = req.getSession(false);
        if (session != null) session.invalidate();
        c.client.audit(user.name(), "sign out", "", "");
        Web.redirect(req, resp, c.authenticator.ownsSignIn() ? "/login" : "/");
    }
}
