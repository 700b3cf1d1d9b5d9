package dev.herald.syndication.threads;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.internal.Forms;
import dev.herald.syndication.internal.Payloads;
import dev.herald.syndication.internal.Uris;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Threads' sign-in: {@code https://threads.net/oauth/authorize} with scopes {@code threads_basic},
 * {@code threads_content_publish}; the code for a short-lived token
 * ({@code POST /oauth/access_token}); that for a 60-day one ({@code GET /access_token},
 * {@code grant_type=th_exchange_token}), which is stored and then refreshed before it expires.
 * Threads takes no PKCE; the state ties the redirect to this sign-in.
 */
final class ThreadsSignIn implements SignIn {
    /** Threads' authorization host (its API is on another). */
    static final URI AUTHORIZE = URI.create("https://threads.net/oauth/authorize");
    static final String SCOPES = "threads_basic,threads_content_publish";

    private final URI api;
    private final String clientId;
    private final Secret clientSecret;
    private final String user;
    private final HttpTransport http;
    private final Clock clock;

    ThreadsSignIn(URI api, String clientId, Secret clientSecret, String user, HttpTransport http, Clock clock) {
        this.api = Validate.notNull(api, "api");
        this.clientId = Validate.notBlank(clientId, "clientId");
        this.clientSecret = Validate.notNull(clientSecret, "clientSecret");
        this.user = user;
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    @Override
    public URI authorizationUrl(URI redirect, String state, String codeChallenge) {
        URI base = api.equals(ThreadsAccount.DEFAULT_API) ? AUTHORIZE : api.resolve("oauth/authorize");
        return Uris.withQuery(base, "client_id", clientId, "redirect_uri", redirect.toString(), "scope", SCOPES,
                "response_type", "code", "state", state);
    }

    @Override
    public Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException {
        HttpCall post = HttpCall.post(api.resolve("oauth/access_token")).header("Accept", "application/json")
                .form(Forms.of("client_id", clientId, "client_secret", clientSecret.value(), "grant_type", "authorization_code",
                        "redirect_uri", redirect.toString(), "code", code));
        HttpReply first = http.execute(post, clientSecret, Secret.of("code", code));
        String shortLived = Payloads.json(first).path("access_token").asText("");
        if (!first.ok() || shortLived.isBlank()) throw new SignInException("Threads refused the code (" + first.status() + "): " + message(first));
        String signedIn = Payloads.json(first).path("user_id").asText("");
        if (user != null && !signedIn.isBlank() && !user.equals(signedIn) && !"me".equals(user)) {
            throw new SignInException("the signed-in Threads profile is " + signedIn + ", not the account's user " + user + "; sign in as that profile");
        }
        HttpCall exchange = HttpCall.get(Uris.withQuery(api.resolve("access_token"), "grant_type", "th_exchange_token",
                "client_secret", clientSecret.value(), "access_token", shortLived)).header("Accept", "application/json");
        HttpReply second = http.execute(exchange, clientSecret, Secret.of("short", shortLived));
        String longLived = Payloads.json(second).path("access_token").asText("");
        if (!second.ok() || longLived.isBlank()) throw new SignInException("Threads refused the exchange for a long-lived token (" + second.status() + "): " + message(second));
        long seconds = Payloads.json(second).path("expires_in").asLong(0);
        return Tokens.of(longLived, null, seconds > 0 ? clock.instant().plus(Duration.ofSeconds(seconds)) : null);
    }

    @Override
    public List<String> notes(URI redirect) {
        return List.of("In the Meta app dashboard, Threads use case settings: add " + redirect + " as a Redirect Callback URL.",
                "Herald asks for: " + SCOPES + ".");
    }

    private String message(HttpReply reply) {
        return clientSecret.maskIn(Payloads.json(reply).path("error").path("message").asText(Payloads.json(reply).path("error_message").asText("no reason given")));
    }
}
