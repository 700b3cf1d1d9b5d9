package dev.herald.syndication.threads;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;

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
        try {
            return new URIBuilder(base).addParameter("client_id", clientId).addParameter("redirect_uri", redirect.toString())
                    .addParameter("scope", SCOPES).addParameter("response_type", "code").addParameter("state", state).build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build Threads' authorization address: " + e.getMessage(), e);
        }
    }

    @Override
    public Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException {
        HttpPost post = new HttpPost(api.resolve("oauth/access_token"));
        post.setEntity(new UrlEncodedFormEntity(List.of(new BasicNameValuePair("client_id", clientId),
                new BasicNameValuePair("client_secret", clientSecret.value()), new BasicNameValuePair("grant_type", "authorization_code"),
                new BasicNameValuePair("redirect_uri", redirect.toString()), new BasicNameValuePair("code", code)), StandardCharsets.UTF_8));
        post.setHeader("Accept", "application/json");
        HttpReply first = http.execute(post, clientSecret, Secret.of("code", code));
        String shortLived = first.json().path("access_token").asText("");
        if (!first.ok() || shortLived.isBlank()) throw new SignInException("Threads refused the code (" + first.status() + "): " + message(first));
        String signedIn = first.json().path("user_id").asText("");
        if (user != null && !signedIn.isBlank() && !user.equals(signedIn) && !"me".equals(user)) {
            throw new SignInException("the signed-in Threads profile is " + signedIn + ", not the account's user " + user + "; sign in as that profile");
        }
        HttpGet exchange;
        try {
            exchange = new HttpGet(new URIBuilder(api.resolve("access_token")).addParameter("grant_type", "th_exchange_token")
                    .addParameter("client_secret", clientSecret.value()).addParameter("access_token", shortLived).build());
        } catch (URISyntaxException e) {
            throw new IOException("cannot build the exchange address", e);
        }
        exchange.setHeader("Accept", "application/json");
        HttpReply second = http.execute(exchange, clientSecret, Secret.of("short", shortLived));
        String longLived = second.json().path("access_token").asText("");
        if (!second.ok() || longLived.isBlank()) throw new SignInException("Threads refused the exchange for a long-lived token (" + second.status() + "): " + message(second));
        long seconds = second.json().path("expires_in").asLong(0);
        return Tokens.of(longLived, null, seconds > 0 ? clock.instant().plus(Duration.ofSeconds(seconds)) : null);
    }

    @Override
    public List<String> notes(URI redirect) {
        return List.of("In the Meta app dashboard, Threads use case settings: add " + redirect + " as a Redirect Callback URL.",
                "Herald asks for: " + SCOPES + ".");
    }

    private String message(HttpReply reply) {
        return clientSecret.maskIn(reply.json().path("error").path("message").asText(reply.json().path("error_message").asText("no reason given")));
    }
}
