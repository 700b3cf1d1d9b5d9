package dev.herald.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The console's defence against cross-site requests: a random token per session, carried by every
 * form and every script request, compared in constant time; and, when the browser says where a
 * request comes from ({@code Origin}, {@code Sec-Fetch-Site}), it must be this site.
 */
final class Csrf {
    static final String PARAMETER = "csrf";
    static final String HEADER = "X-Herald-Csrf";
    private static final String SESSION_KEY = "dev.herald.console.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Csrf() {}

    /** The session's token, made (with the session) on first use. */
    static String token(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        synchronized (session) {
            Object t = session.getAttribute(SESSION_KEY);
            if (t instanceof String s) return s;
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_KEY, token);
            return token;
        }
    }

    /** Whether a state-changing request carries the session's token and comes from this site. */
    static boolean valid(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SESSION_KEY) instanceof String expected)) return false;
        String given = request.getHeader(HEADER);
        if (given == null) given = request.getParameter(PARAMETER);
        if (given == null) return false;
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) return false;
        return sameOrigin(request);
    }

    private static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) return false;
        String origin = request.getHeader("Origin");
        if (origin == null) return true; // old browsers and non-browser clients: the token alone decides
        String scheme = request.getScheme();
        int port = request.getServerPort();
        boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String own = scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
        return origin.equalsIgnoreCase(own);
    }
}
