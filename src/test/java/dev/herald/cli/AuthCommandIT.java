package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.AccountState;
import dev.herald.delivery.CredentialKey;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.JdbcCredentialStore;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.MockFacebook;
import dev.herald.testkit.MockLinkedIn;
import dev.herald.testkit.MockThreads;
import dev.herald.testkit.MockX;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code herald auth} end to end against the fake X: the test reads the printed address, follows it
 * like a browser (the fake's authorize page redirects to Herald's loopback address with code and
 * state), and the tokens land sealed in the H2 credential store, never on the screen.
 */
class AuthCommandIT {
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static final String KEY = CredentialKey.generate();

    @TempDir
    Path dir;
    Path config;
    String db;
    MockX x;
    final Map<String, String> env = Map.of("HERALD_CREDENTIALS_KEY", KEY, "LI_SECRET", MockLinkedIn.DEFAULT_CLIENT_SECRET,
            "FB_SECRET", MockFacebook.DEFAULT_APP_SECRET, "TH_SECRET", MockThreads.DEFAULT_APP_SECRET);
    final SecretSource secrets = reference -> Secret.resolve(reference, env::get, name -> null);
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @BeforeEach
    void start() throws Exception {
        x = MockX.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start();
        config = dir.resolve("herald.yaml");
        Files.writeString(config, """
                credentials:
                  key: ${env:HERALD_CREDENTIALS_KEY}
                accounts:
                  - name: ledger-x
                    network: x
                    clientId: %s
                    api: %s
                """.formatted(MockX.DEFAULT_CLIENT_ID, x.baseUri()));
        db = dir.resolve("data/herald").toString();
    }

    @AfterEach
    void stop() {
        x.close();
    }

    /** The command running on its own thread, its output line by line. */
    record Running(CompletableFuture<Integer> exit, BlockingQueue<String> lines, StringWriter all, StringWriter err) {
        String next() throws InterruptedException {
            String line = lines.poll(30, TimeUnit.SECONDS);
            assertNotNull(line, "the command printed nothing more; so far:\n" + all + err);
            return line;
        }

        URI authorizationUrl() throws InterruptedException {
            for (String line = next(); ; line = next()) if (line.startsWith("http")) return URI.create(line.strip());
        }
    }

    Running auth(String... extra) {
        return authAs("ledger-x", extra);
    }

    Running authAs(String account, String... extra) {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        StringWriter all = new StringWriter();
        StringWriter err = new StringWriter();
        Writer out = new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public synchronized void write(char[] buf, int off, int len) {
                all.write(buf, off, len);
                for (int i = off; i < off + len; i++) {
                    if (buf[i] == '\n') {
                        lines.add(line.toString());
                        line.setLength(0);
                    } else {
                        line.append(buf[i]);
                    }
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of(account, "--db", db, "--config", config.toString(), "--port", "0"),
                java.util.stream.Stream.of(extra)).toArray(String[]::new);
        CommandLine line = HeraldCli.withErrorHandling(new CommandLine(new AuthCommand(Clock.fixed(NOW, ZoneOffset.UTC), secrets)))
                .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        return new Running(CompletableFuture.supplyAsync(() -> line.execute(args)), lines, all, err);
    }

    HttpResponse<String> follow(URI url) throws Exception {
        return browser.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    JdbcCredentialStore store(DeliveryDatabase d) {
        return new JdbcCredentialStore(d, CredentialKey.of(1, new Secret("${env:HERALD_CREDENTIALS_KEY}", KEY)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void signsInWithPkceStoresTheRotatingTokensSealedAndTheAccountPostsWithThem() throws Exception {
        try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db))) {
            Delivery.client(d, Map.of("ledger-x", "x"), Map.of(), Clock.systemUTC());
            new JdbcDeliveryStore(d).setAccount("ledger-x", AccountState.AUTH_FAILED, "401 Unauthorized", NOW);
        }
        Running run = auth();

        URI url = run.authorizationUrl();
        assertEquals("S256", query(url).get("code_challenge_method"));
        assertTrue(query(url).get("scope").contains("offline.access"));
        assertTrue(query(url).get("redirect_uri").startsWith("http://127.0.0.1:"));
        HttpResponse<String> page = follow(url);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("signed in"), page.body());
        assertEquals(0, run.exit().get(30, TimeUnit.SECONDS), run.all() + "" + run.err());
        String printed = run.all().toString() + run.err();
        assertFalse(printed.contains("x-oauth2-access") || printed.contains("x-refresh-token") || printed.contains("x-auth-code"), printed);
        assertTrue(printed.contains("ledger-x: signed in"), printed);
        try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db)); HttpTransport http = HttpTransport.create()) {
            Tokens stored = store(d).find("ledger-x").orElseThrow();
            assertTrue(x.refreshTokens().contains(stored.refresh()), "the stored refresh token is the live one");
            assertFalse(new JdbcDeliveryStore(d).account("ledger-x").authFailed(), "signing in cleared the auth failure");
            SyndicationConfig cfg = SyndicationConfig.load(config);
            Syndicator s = new SyndicatorFactory(http, Clock.fixed(NOW, ZoneOffset.UTC), secrets, store(d)).createAll(cfg).get(0);
            Outcome posted = s.send(Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/harbour").build(), "ledger-x", "1"));
            assertInstanceOf(Outcome.Posted.class, posted, posted.describe());
        }
    }

    @Test
    void aRedirectWithAnotherStateIsRefusedAndTheSignInWaitsForTheRealOne() throws Exception {
        Running run = auth();
        URI url = run.authorizationUrl();
        URI redirect = URI.create(query(url).get("redirect_uri"));

        HttpResponse<String> forged = follow(URI.create(redirect + "?state=forged&code=attacker-code"));
        assertEquals(400, forged.statusCode());
        assertFalse(forged.body().contains("attacker-code"), "nothing from the request is echoed");
        assertFalse(run.exit().isDone());

        assertEquals(200, follow(url).statusCode());
        assertEquals(0, run.exit().get(30, TimeUnit.SECONDS), run.all() + "" + run.err());
    }

    @Test
    void aRefusedSignInEndsWithAClearErrorAndStoresNothing() throws Exception {
        x.denyNextAuthorization();
        Running run = auth();

        follow(run.authorizationUrl());

        assertEquals(2, run.exit().get(30, TimeUnit.SECONDS));
        assertTrue(run.err().toString().contains("did not allow the sign-in (access_denied)"), run.err().toString());
        try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db))) {
            assertTrue(store(d).find("ledger-x").isEmpty());
        }
    }

    @Test
    void signsALinkedInAuthorInAndTheStoredTokenPostsWithItsYearOfRefreshShownByAccounts() throws Exception {
        try (MockLinkedIn li = MockLinkedIn.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
            Files.writeString(config, Files.readString(config) + """
                      - name: ledger-li
                        network: linkedin
                        author: %s
                        clientId: %s
                        clientSecret: ${env:LI_SECRET}
                        api: %s
                    """.formatted(MockLinkedIn.DEFAULT_AUTHOR, MockLinkedIn.DEFAULT_CLIENT_ID, li.baseUri()));
            Running run = authAs("ledger-li");

            URI url = run.authorizationUrl();
            assertTrue(url.getPath().endsWith("/oauth/v2/authorization"), url.toString());
            assertEquals(200, follow(url).statusCode());

            assertEquals(0, run.exit().get(30, TimeUnit.SECONDS), run.all() + "" + run.err());
            assertFalse((run.all() + "" + run.err()).contains("AQV"), "no token printed");
            QueueCommandsIT.Run accounts = QueueCommandsIT.run(new AccountsCommand(Clock.fixed(NOW, ZoneOffset.UTC)), "--db", db, "--config", config.toString());
            assertTrue(accounts.out().contains("refresh token expires 2027-12-07"), accounts.out());
            try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db)); HttpTransport http = HttpTransport.create()) {
                Syndicator s = new SyndicatorFactory(http, Clock.fixed(NOW, ZoneOffset.UTC), secrets, store(d)).create(SyndicationConfig.load(config),
                        SyndicationConfig.load(config).account("ledger-li"));
                Outcome posted = s.send(Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/harbour").build(), "ledger-li", "1"));
                assertInstanceOf(Outcome.Posted.class, posted, posted.describe());
            }
        }
    }

    @Test
    void signsAFacebookPageManagerInAndStoresOnlyThePagesOwnTokenOrSaysWhichPagesThereAre() throws Exception {
        try (MockFacebook fb = MockFacebook.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
            Files.writeString(config, Files.readString(config) + """
                      - name: ledger-fb
                        network: facebook
                        page: "%s"
                        clientId: %s
                        clientSecret: ${env:FB_SECRET}
                        api: %s
                    """.formatted(MockFacebook.DEFAULT_PAGE_ID, MockFacebook.DEFAULT_APP_ID, fb.baseUri()));
            Running wrongPage = authAs("ledger-fb", "--page", "999");
            follow(wrongPage.authorizationUrl());
            assertEquals(2, wrongPage.exit().get(30, TimeUnit.SECONDS));
            assertTrue(wrongPage.err().toString().contains("does not manage Page 999; Pages found: " + MockFacebook.DEFAULT_PAGE_ID + " (The Meridian Ledger), "
                    + MockFacebook.SECOND_PAGE_ID + " (Ledger Sport)"), wrongPage.err().toString());

            Running run = authAs("ledger-fb");
            URI url = run.authorizationUrl();
            assertTrue(query(url).get("scope").contains("pages_manage_posts"), url.toString());
            assertEquals(200, follow(url).statusCode());
            assertEquals(0, run.exit().get(30, TimeUnit.SECONDS), run.all() + "" + run.err());
            assertFalse((run.all() + "" + run.err()).contains("EAAfb"), "no token printed");

            try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db)); HttpTransport http = HttpTransport.create()) {
                Tokens stored = store(d).find("ledger-fb").orElseThrow();
                assertTrue(stored.access().startsWith("EAAfb-page-" + MockFacebook.DEFAULT_PAGE_ID), "the Page's token, not the user's");
                assertEquals(null, stored.expiresAt(), "a Page token from a long-lived user token does not expire");
                SyndicationConfig cfg = SyndicationConfig.load(config);
                Syndicator s = new SyndicatorFactory(http, Clock.fixed(NOW, ZoneOffset.UTC), secrets, store(d)).create(cfg, cfg.account("ledger-fb"));
                Outcome posted = s.send(Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/harbour").build(), "ledger-fb", "1"));
                assertInstanceOf(Outcome.Posted.class, posted, posted.describe());
                assertEquals(1, fb.posts().size());
            }
        }
    }

    @Test
    void signsAThreadsProfileInWithItsSixtyDayTokenWhichPostsAndIsShownByAccounts() throws Exception {
        try (MockThreads th = MockThreads.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).start()) {
            Files.writeString(config, Files.readString(config) + """
                      - name: ledger-th
                        network: threads
                        user: "%s"
                        clientId: %s
                        clientSecret: ${env:TH_SECRET}
                        api: %s
                    """.formatted(MockThreads.DEFAULT_USER_ID, MockThreads.DEFAULT_APP_ID, th.baseUri()));
            Running run = authAs("ledger-th");
            assertEquals(200, follow(run.authorizationUrl()).statusCode());
            assertEquals(0, run.exit().get(30, TimeUnit.SECONDS), run.all() + "" + run.err());
            assertFalse((run.all() + "" + run.err()).contains("threads-token") || (run.all() + "" + run.err()).contains("THshort"), "no token printed");

            QueueCommandsIT.Run accounts = QueueCommandsIT.run(new AccountsCommand(Clock.fixed(NOW, ZoneOffset.UTC)), "--db", db, "--config", config.toString());
            assertTrue(accounts.out().contains("token expires 2027-02-05"), accounts.out());
            try (DeliveryDatabase d = DeliveryDatabase.h2(Path.of(db)); HttpTransport http = HttpTransport.create()) {
                SyndicationConfig cfg = SyndicationConfig.load(config);
                Syndicator s = new SyndicatorFactory(http, Clock.fixed(NOW, ZoneOffset.UTC), secrets, store(d)).create(cfg, cfg.account("ledger-th"));
                Outcome posted = s.send(Post.of(ArticleMeta.builder().title("Harbour reopens").url("https://ledger.example/harbour").build(), "ledger-th", "1"));
                assertInstanceOf(Outcome.Posted.class, posted, posted.describe());
                assertEquals(0, th.refreshCount(), "a token just signed in for is not refreshed");
            }
        }
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> out = new java.util.HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
