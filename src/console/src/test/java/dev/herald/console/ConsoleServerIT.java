package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.AuditEntry;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.testkit.ManualClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone console ({@code herald console}) on its own embedded Jetty: users from
 * herald.yaml with bcrypt hashes, its own sign-in page, a session cookie that scripts and other
 * sites cannot use, and a sign-in rate limit. Cookies are handled by hand here, as a browser
 * would: Java's client withholds Secure cookies from http, browsers send them to loopback.
 */
class ConsoleServerIT {
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    static final String EDITOR_PASSWORD = "correct horse battery";
    static final String YAML_USERS = "console:\n  zone: Europe/Berlin\n  users:\n"
            + "    - name: edith\n      role: editor\n      password: \"" + ConsoleUsers.hash(EDITOR_PASSWORD) + "\"\n"
            + "    - name: vera\n      role: viewer\n      password: \"" + ConsoleUsers.hash("viewer password") + "\"\n";

    @TempDir
    Path dir;

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
    DeliveryDatabase db;
    Console console;
    ConsoleServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        db = DeliveryDatabase.h2(dir.resolve("herald"));
        ConsoleUsers users = ConsoleUsers.parse("accounts: []\n" + YAML_USERS, "herald.yaml");
        console = Console.builder(Delivery.client(db, Map.of("ledger-mastodon", "mastodon"), clock))
                .authenticator(users).zone(users.zone()).clock(clock).build();
        server = ConsoleServer.start(console, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    /** A browser's cookie jar of one: the session cookie. */
    final class Session {
        String cookie;
        HttpResponse<String> last;

        HttpResponse<String> get(String path) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).GET();
            if (cookie != null) b.header("Cookie", cookie);
            return keep(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(server.uri().resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Origin", server.uri().toString().replaceAll("/$", "")).POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) b.header("Cookie", cookie);
            return keep(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
        }

        private HttpResponse<String> keep(HttpResponse<String> r) {
            r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(ConsoleServer.COOKIE + "=")).findFirst()
                    .ifPresent(c -> cookie = c.substring(0, c.indexOf(';')));
            last = r;
            return r;
        }

        HttpResponse<String> signIn(String name, String password) throws Exception {
            Matcher m = TOKEN.matcher(get("/login").body());
            assertTrue(m.find());
            return post("/login", "csrf=" + m.group(1) + "&name=" + enc(name) + "&password=" + enc(password));
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void sendsSomeoneNotSignedInToTheSignInPage() throws Exception {
        for (String path : List.of("/", "/compose", "/queue", "/history", "/accounts", "/audit")) {
            HttpResponse<String> r = new Session().get(path);
            assertEquals(303, r.statusCode(), path);
            assertEquals("/login", URI.create(r.headers().firstValue("Location").orElseThrow()).getPath());
        }
        assertEquals(403, new Session().post("/shares/cancel", "id=0123456789abcdef").statusCode(), "a change without a session is refused");
    }

    @Test
    void signsInWithTheRightPasswordIntoAFreshStrictSecureHttpOnlySession() throws Exception {
        Session s = new Session();
        s.get("/login");
        String before = s.cookie;
        HttpResponse<String> in = s.signIn("edith", EDITOR_PASSWORD);
        assertEquals(303, in.statusCode(), in.body());
        String setCookie = in.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(ConsoleServer.COOKIE)).findFirst().orElseThrow();
        String lower = setCookie.toLowerCase();
        assertTrue(lower.contains("httponly") && lower.contains("secure") && lower.contains("samesite=strict"), setCookie);
        assertTrue(before != null && !before.equals(s.cookie), "a new session id at sign-in");
        HttpResponse<String> queue = s.get("/queue");
        assertEquals(200, queue.statusCode());
        assertTrue(queue.body().contains("edith · editor"));
    }

    @Test
    void refusesAWrongPasswordOrAnUnknownName() throws Exception {
        assertEquals(401, new Session().signIn("edith", "wrong password").statusCode());
        assertEquals(401, new Session().signIn("mallory", EDITOR_PASSWORD).statusCode());
        Session s = new Session();
        s.signIn("edith", "wrong password");
        assertEquals(303, s.get("/queue").statusCode(), "still not signed in");
    }

    @Test
    void refusesEvenTheRightPasswordAfterFiveFailuresUntilTheWindowPasses() throws Exception {
        for (int i = 0; i < 5; i++) assertEquals(401, new Session().signIn("edith", "guess " + i).statusCode());
        HttpResponse<String> locked = new Session().signIn("edith", EDITOR_PASSWORD);
        assertEquals(429, locked.statusCode());
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertTrue(locked.body().contains("Too many failed sign-ins"));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(303, new Session().signIn("edith", EDITOR_PASSWORD).statusCode());
    }

    @Test
    void signsOutForGood() throws Exception {
        Session s = new Session();
        s.signIn("vera", "viewer password");
        Matcher m = TOKEN.matcher(s.get("/history").body());
        assertTrue(m.find(), "the sign-out form carries the token");
        String old = s.cookie;
        assertEquals(303, s.post("/logout", "csrf=" + m.group(1)).statusCode());
        s.cookie = old;
        assertEquals(303, s.get("/queue").statusCode(), "the old session cookie opens nothing");
    }

    @Test
    void aViewerSignedInHereChangesNothing() throws Exception {
        Session s = new Session();
        s.signIn("vera", "viewer password");
        Matcher m = TOKEN.matcher(s.get("/history").body());
        assertTrue(m.find());
        HttpResponse<String> r = s.post("/accounts/check", "csrf=" + m.group(1) + "&account=ledger-mastodon");
        assertEquals(403, r.statusCode());
    }

    @Test
    void aSignInFormWithoutItsTokenIsRefusedAndKeepsTheNameTyped() throws Exception {
        Session s = new Session();
        s.get("/login");
        HttpResponse<String> r = s.post("/login", "name=edith&password=" + enc(EDITOR_PASSWORD));
        assertEquals(403, r.statusCode());
        assertTrue(r.body().contains("The sign-in form was out of date; try again."), r.body());
        assertTrue(r.body().contains("value=\"edith\""), "the name stays in its field");
        assertEquals(303, s.get("/queue").statusCode(), "not signed in");
    }

    @Test
    void signingInAndOutIsAuditedAndSigningOutLeadsBackToTheSignInPage() throws Exception {
        Session s = new Session();
        assertEquals(303, s.signIn("edith", EDITOR_PASSWORD).statusCode());
        Matcher m = TOKEN.matcher(s.get("/history").body());
        assertTrue(m.find());
        HttpResponse<String> out = s.post("/logout", "csrf=" + m.group(1));
        assertEquals("/login", URI.create(out.headers().firstValue("Location").orElseThrow()).getPath());
        List<AuditEntry> log = Delivery.client(db, Map.of("ledger-mastodon", "mastodon"), clock).auditLog(10);
        assertEquals(List.of("sign out", "sign in"), log.stream().map(AuditEntry::action).toList());
        assertEquals("edith", log.get(1).actor());
        assertEquals("127.0.0.1", log.get(1).target(), "from where");
        assertEquals("as editor", log.get(1).detail());
    }

    @Test
    void aSessionIdInTheAddressOpensNothing() throws Exception {
        Session s = new Session();
        s.signIn("edith", EDITOR_PASSWORD);
        String id = s.cookie.substring(s.cookie.indexOf('=') + 1);
        assertEquals(200, s.get("/queue").statusCode());
        for (String param : List.of("jsessionid", ConsoleServer.COOKIE)) {
            HttpResponse<String> r = new Session().get("/queue;" + param + "=" + id);
            assertEquals(303, r.statusCode(), "only the cookie carries a session: " + param);
        }
    }

    @Test
    void listensOnlyOnTheAddressAndPortItWasGiven() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.2"))) {
            port = probe.getLocalPort();
        }
        try (ConsoleServer other = ConsoleServer.start(console, "127.0.0.2", port)) {
            assertEquals(URI.create("http://127.0.0.2:" + port + "/"), other.uri());
            HttpResponse<String> there = http.send(HttpRequest.newBuilder(other.uri().resolve("/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, there.statusCode());
            assertThrows(java.net.ConnectException.class, () -> http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString()),
                    "not on another loopback address");
        }
    }

    @Test
    void refusesAPortOutOfRangeOrTakenAndStopsListeningWhenClosed() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> ConsoleServer.start(console, "127.0.0.1", -1));
        assertThrows(IllegalArgumentException.class, () -> ConsoleServer.start(console, "127.0.0.1", 65536));
        int taken = server.uri().getPort();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ConsoleServer.start(console, "127.0.0.1", taken));
        assertTrue(e.getMessage().startsWith("cannot start the console on 127.0.0.1:" + taken), e.getMessage());
        ConsoleServer second = ConsoleServer.start(console, "127.0.0.1", 0);
        URI login = second.uri().resolve("/login");
        assertEquals(200, http.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        second.close();
        assertThrows(java.net.ConnectException.class, () -> http.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aConsoleWithoutAPageReaderSaysSoInsteadOfComposing() throws Exception {
        Session s = new Session();
        s.signIn("edith", EDITOR_PASSWORD);
        HttpResponse<String> compose = s.get("/compose?url=" + enc("https://news.example/story"));
        assertEquals(200, compose.statusCode());
        assertTrue(compose.body().contains("This console cannot fetch pages (no page reader configured)."), compose.body());
        Matcher m = TOKEN.matcher(compose.body());
        assertTrue(m.find());
        HttpResponse<String> schedule = s.post("/compose", "csrf=" + m.group(1) + "&url=" + enc("https://news.example/story")
                + "&action=schedule&when=now&account=ledger-mastodon");
        assertEquals(400, schedule.statusCode());
        assertTrue(schedule.body().contains("This console cannot fetch pages (no page reader configured)."), schedule.body());
    }

    @Test
    void aRefusalToSomeoneNotSignedInMakesNoSessionAndOffersNoSignOut() throws Exception {
        HttpResponse<String> r = new Session().post("/shares/cancel", "id=0123456789abcdef");
        assertEquals(403, r.statusCode());
        assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), "no session for a stranger: " + r.headers().allValues("Set-Cookie"));
        assertTrue(!r.body().contains("/logout"), r.body());
    }

    @Test
    void aRefusalToSomeoneSignedInStillLetsThemSignOut() throws Exception {
        Session s = new Session();
        s.signIn("vera", "viewer password");
        Matcher m = TOKEN.matcher(s.get("/history").body());
        assertTrue(m.find());
        HttpResponse<String> r = s.post("/accounts/check", "csrf=" + m.group(1) + "&account=ledger-mastodon");
        assertEquals(403, r.statusCode());
        Matcher onRefusal = Pattern.compile("action=\"/logout\"[^>]*>\\s*<input type=\"hidden\" name=\"csrf\" value=\"([^\"]+)\"").matcher(r.body());
        assertTrue(onRefusal.find(), r.body());
        assertEquals(m.group(1), onRefusal.group(1), "the session's own token");
    }

    @Test
    void theSignInPageIsUtf8HtmlAndASuccessfulSignInClearsTheNamesFailures() throws Exception {
        HttpResponse<String> page = new Session().get("/login");
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow().toLowerCase().replace(" ", ""));
        for (int i = 0; i < 4; i++) assertEquals(401, new Session().signIn("edith", "guess " + i).statusCode());
        assertEquals(303, new Session().signIn("edith", EDITOR_PASSWORD).statusCode(), "the fifth try, right");
        assertEquals(401, new Session().signIn("edith", "one more guess").statusCode());
        assertEquals(303, new Session().signIn("edith", EDITOR_PASSWORD).statusCode(), "not locked: the success cleared the four failures");
    }

    @Test
    void startsOnTheHighestPort() throws Exception {
        try (java.net.ServerSocket probe = new java.net.ServerSocket(65535, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            probe.close();
        } catch (java.io.IOException taken) {
            org.junit.jupiter.api.Assumptions.abort("port 65535 is in use here");
        }
        try (ConsoleServer top = ConsoleServer.start(console, "127.0.0.1", 65535)) {
            assertEquals(65535, top.uri().getPort());
        }
    }

    @Test
    void theSignInPageTakesOnlyGetAndPost() throws Exception {
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(server.uri().resolve("/login")).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, put.statusCode());
    }

    @Test
    void behindAnHttpsProxyTheFormsOfTheProxysOriginAreTaken() throws Exception {
        Session s = new Session();
        s.signIn("edith", EDITOR_PASSWORD);
        Matcher m = TOKEN.matcher(s.get("/history").body());
        assertTrue(m.find());
        String body = "csrf=" + m.group(1) + "&account=ledger-mastodon&back=/accounts";
        HttpRequest.Builder proxied = HttpRequest.newBuilder(server.uri().resolve("/accounts/check"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", s.cookie)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "console.news.example")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> taken = http.send(proxied.copy().header("Origin", "https://console.news.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(303, taken.statusCode(), taken.body());
        HttpResponse<String> elsewhere = http.send(proxied.copy().header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, elsewhere.statusCode(), "another site is still refused");
    }
}
