package dev.herald.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.herald.delivery.CredentialStores;
import dev.herald.delivery.CredentialStore;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald auth ACCOUNT}: signs an account in with its network's OAuth flow and stores the
 * tokens in the credential store ({@code credentials: key:} in herald.yaml). It prints the
 * authorization address, receives the redirect on {@code http://127.0.0.1:PORT/callback}, checks
 * the {@code state} and sends the PKCE (S256) verifier with the code, stores the tokens, and clears
 * the account's auth failure so its waiting shares resume. It never prints a token.
 */
@Command(name = "auth", mixinStandardHelpOptions = true,
        description = "Sign an account in with its network's OAuth flow; the tokens go to the credential store, never to the screen.")
public final class AuthCommand implements Callable<Integer> {
    /** The redirect port unless told otherwise: register http://127.0.0.1:8765/callback with the network's app. */
    public static final int DEFAULT_PORT = 8765;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Mixin
    ConfigOption config = new ConfigOption();

    @Parameters(paramLabel = "ACCOUNT", description = "The account's name in herald.yaml.")
    String account;

    @Option(names = "--port", paramLabel = "PORT", description = "Loopback port for the redirect (default ${DEFAULT-VALUE}; 0 picks a free one).",
            defaultValue = "" + DEFAULT_PORT)
    int port;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the redirect (default ${DEFAULT-VALUE}).", defaultValue = "300")
    long timeoutSeconds;

    @Option(names = "--page", paramLabel = "ID", description = "Facebook: the Page whose token to take (default: the account's page).")
    String page;

    private final Clock clock;
    private final SecretSource secrets;

    /** The command as the CLI runs it: credentials from the environment, the system clock. */
    public AuthCommand() {
        this(Clock.systemUTC(), SecretSource.environment());
    }

    /** The command with its clock and secret lookup given (tests). */
    public AuthCommand(Clock clock, SecretSource secrets) {
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
        this.secrets = java.util.Objects.requireNonNull(secrets, "secrets");
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        SyndicationConfig cfg = config.load().orElseThrow(() -> new IllegalArgumentException("no herald.yaml here; name it with --config"));
        var settings = cfg.account(account);
        NetworkProvider provider = cfg.registry().get(settings.network());
        if (cfg.credentialKey().isEmpty()) {
            throw new IllegalArgumentException("herald auth stores tokens in the credential store; add to " + cfg.source()
                    + ":\n  credentials:\n    key: ${env:HERALD_CREDENTIALS_KEY}\nwith the variable set to a key from: openssl rand -base64 32");
        }
        try (HttpTransport http = HttpTransport.create(); DeliveryDatabase db = database.open()) {
            NetworkContext context = new NetworkContext(http, clock);
            SignIn signIn = provider.signIn(new AccountSetup(cfg.source(), settings, secrets), context)
                    .orElseThrow(() -> new IllegalArgumentException("network " + provider.name() + " has no sign-in: its credentials go in herald.yaml"));
            DeliveryClient client = Delivery.client(db, cfg.networks(), cfg.queueSlots(), clock); // migrates
            CredentialStore store = CredentialStores.open(db, cfg, secrets, clock).orElseThrow();

            String state = random();
            String verifier = random();
            CompletableFuture<String> code = new CompletableFuture<>();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            server.createContext("/callback", exchange -> callback(exchange, state, code));
            server.start();
            try {
                URI redirect = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
                for (String note : signIn.notes(redirect)) out.println(note);
                out.println("Open this address in a browser and allow access:");
                out.println(signIn.authorizationUrl(redirect, state, challenge(verifier)));
                out.println("Waiting for the redirect on " + redirect + " …");
                out.flush();
                String received;
                try {
                    received = code.get(timeoutSeconds, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new IllegalArgumentException("no redirect came within " + timeoutSeconds + " seconds; run herald auth " + account + " again");
                } catch (ExecutionException e) {
                    throw new IllegalArgumentException(e.getCause().getMessage());
                }
                Tokens tokens;
                try {
                    tokens = signIn.exchange(received, redirect, verifier, page);
                } catch (SignIn.SignInException e) {
                    throw new IllegalArgumentException(account + ": " + e.getMessage());
                }
                store.save(account, tokens);
                int woken = client.credentialsChanged(account);
                out.printf("%s: signed in; the tokens are stored in the credential store%s%s%n", account,
                        tokens.expiresAt() == null ? "" : " (the access token expires " + TIME.format(tokens.expiresAt())
                                + (tokens.refresh() != null ? " and is renewed with the refresh token" : "") + ")",
                        woken > 0 ? "; " + woken + " waiting share(s) resume" : "");
                out.flush();
                return 0;
            } finally {
                server.stop(0);
            }
        }
    }

    /**
     * The redirect: a matching {@code state} with a {@code code} completes the sign-in; the
     * network's {@code error} ends it; anything else (a stray or forged request) is refused and the
     * wait goes on. Nothing from the request is written back into the page.
     */
    private static void callback(HttpExchange exchange, String state, CompletableFuture<String> code) throws IOException {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        boolean stateOk = q.containsKey("state") && MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8), q.get("state").getBytes(StandardCharsets.UTF_8));
        if (!stateOk) {
            respond(exchange, 400, "This is not the sign-in Herald is waiting for (the state does not match). Close this tab.");
            return;
        }
        if (q.containsKey("error")) {
            respond(exchange, 200, "The sign-in was not allowed. You can close this tab.");
            code.completeExceptionally(new IllegalArgumentException("the network did not allow the sign-in (" + q.get("error").replaceAll("[^A-Za-z0-9_.-]", "") + ")"));
            return;
        }
        if (!q.containsKey("code") || q.get("code").isBlank()) {
            respond(exchange, 400, "The redirect carries no code. Close this tab and run herald auth again.");
            return;
        }
        respond(exchange, 200, "Herald is signed in. You can close this tab.");
        code.complete(q.get("code"));
    }

    private static void respond(HttpExchange exchange, int status, String message) throws IOException {
        byte[] body = ("<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Herald sign-in</title><p>" + message + "</p></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** 32 random bytes, Base64url: a state or a PKCE verifier (43 characters, within RFC 7636's 43–128). */
    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The PKCE S256 challenge of {@code verifier}. */
    static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
