package dev.herald.syndication.x;

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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * X's OAuth 2.0 authorization code flow with PKCE (S256): {@code https://x.com/i/oauth2/authorize}
 * with scopes {@code tweet.read tweet.write users.read offline.access} (the last for a refresh
 * token), then {@code POST /2/oauth2/token} with {@code grant_type=authorization_code}. Against a
 * test's fake API the authorize address is the fake's {@code /i/oauth2/authorize}.
 */
final class XSignIn implements SignIn {
    /** X's authorization page. */
    static final URI AUTHORIZE = URI.create("https://x.com/i/oauth2/authorize");
    /** What Herald asks for: posting and reading the account's own posts, and a refresh token. */
    static final String SCOPES = "tweet.read tweet.write users.read offline.access";

    private final URI api;
    private final String clientId;
    private final Secret clientSecret;
    private final HttpTransport http;
    private final Clock clock;

    XSignIn(URI api, String clientId, Secret clientSecret, HttpTransport http, Clock clock) {
        this.api = Validate.notNull(api, "api");
        this.clientId = Validate.notBlank(clientId, "clientId");
        this.clientSecret = clientSecret;
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    @Override
    public URI authorizationUrl(URI redirect, String state, String codeChallenge) {
        URI base = api.equals(XAccount.DEFAULT_API) ? AUTHORIZE : api.resolve("i/oauth2/authorize");
        return Uris.withQuery(base, "response_type", "code", "client_id", clientId, "redirect_uri", redirect.toString(), "scope", SCOPES,
                "state", state, "code_challenge", codeChallenge, "code_challenge_method", "S256");
    }

    @Override
    public Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException {
        HttpCall post = HttpCall.post(api.resolve("2/oauth2/token")).header("Accept", "application/json")
                .form(Forms.of("grant_type", "authorization_code", "code", code, "redirect_uri", redirect.toString(),
                        "code_verifier", codeVerifier, "client_id", clientId));
        if (clientSecret != null) {
            post = post.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret.value()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpReply reply = clientSecret == null ? http.execute(post, Secret.of("code", code)) : http.execute(post, Secret.of("code", code), clientSecret);
        String access = Payloads.json(reply).path("access_token").asText("");
        if (!reply.ok() || access.isBlank()) {
            throw new SignInException("X refused the code (" + reply.status() + "): "
                    + Payloads.json(reply).path("error_description").asText(Payloads.json(reply).path("error").asText("no reason given")));
        }
        String refresh = Payloads.json(reply).path("refresh_token").asText("");
        if (refresh.isBlank()) throw new SignInException("X sent no refresh token: the app must ask for the offline.access scope");
        long seconds = Payloads.json(reply).path("expires_in").asLong(0);
        return Tokens.of(access, refresh, seconds > 0 ? clock.instant().plus(Duration.ofSeconds(seconds)) : null);
    }

    @Override
    public List<String> notes(URI redirect) {
        return List.of("In the X developer portal, under the app's User authentication settings: OAuth 2.0 on, type Web App (confidential, with clientSecret)"
                        + " or Native App (public), and " + redirect + " as a Callback URI.",
                "Herald asks for: " + SCOPES + ".",
                "To use OAuth 1.0a keys instead, put consumerKey, consumerSecret, accessToken and accessTokenSecret in herald.yaml; they need no sign-in.");
    }
}
