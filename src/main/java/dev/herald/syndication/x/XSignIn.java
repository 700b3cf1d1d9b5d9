package dev.herald.syndication.x;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.URIBuilder;

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
        try {
            return new URIBuilder(base).addParameter("response_type", "code").addParameter("client_id", clientId)
                    .addParameter("redirect_uri", redirect.toString()).addParameter("scope", SCOPES).addParameter("state", state)
                    .addParameter("code_challenge", codeChallenge).addParameter("code_challenge_method", "S256").build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build X's authorization address: " + e.getMessage(), e);
        }
    }

    @Override
    public Tokens exchange(String code, URI redirect, String codeVerifier, String choice) throws IOException {
        HttpPost post = new HttpPost(api.resolve("2/oauth2/token"));
        List<NameValuePair> form = new ArrayList<>(List.of(new BasicNameValuePair("grant_type", "authorization_code"),
                new BasicNameValuePair("code", code), new BasicNameValuePair("redirect_uri", redirect.toString()),
                new BasicNameValuePair("code_verifier", codeVerifier), new BasicNameValuePair("client_id", clientId)));
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        post.setHeader("Accept", "application/json");
        if (clientSecret != null) {
            post.setHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret.value()).getBytes(StandardCharsets.UTF_8)));
        }
        HttpReply reply = clientSecret == null ? http.execute(post, Secret.of("code", code)) : http.execute(post, Secret.of("code", code), clientSecret);
        String access = reply.json().path("access_token").asText("");
        if (!reply.ok() || access.isBlank()) {
            throw new SignInException("X refused the code (" + reply.status() + "): "
                    + reply.json().path("error_description").asText(reply.json().path("error").asText("no reason given")));
        }
        String refresh = reply.json().path("refresh_token").asText("");
        if (refresh.isBlank()) throw new SignInException("X sent no refresh token: the app must ask for the offline.access scope");
        long seconds = reply.json().path("expires_in").asLong(0);
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
