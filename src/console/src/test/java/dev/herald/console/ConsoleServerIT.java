package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    ConsoleServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void start() {
        db = DeliveryDatabase.h2(dir.resolve("herald"));
        ConsoleUsers users = ConsoleUsers.parse("accounts: []\n" + YAML_USERS, "herald.yaml");
        Console console = Console.builder(Delivery.client(db, Map.of("ledger-mastodon", "mastodon"), clock))
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
}
