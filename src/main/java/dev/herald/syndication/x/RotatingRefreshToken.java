package dev.herald.syndication.x;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import dev.herald.syndication.internal.Forms;
import dev.herald.syndication.internal.Payloads;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * An X OAuth 2.0 user token renewed with its refresh token ({@code POST /2/oauth2/token},
 * {@code grant_type=refresh_token}). X rotates the refresh token on every use, so each new one is
 * handed to {@code onRotate} to be stored before it is used again: losing it means signing in
 * again. Renewals are serialised; thread-safe.
 */
public final class RotatingRefreshToken implements XTokenSource {
    private final URI tokenEndpoint;
    private final String clientId;
    private final Secret clientSecret;
    private final HttpTransport http;
    private final Consumer<String> onRotate;
    private volatile String access;
    private String refresh;

    /**
     * A token source starting from {@code access}, renewing it with {@code refresh}.
     *
     * @param api X's API base URL
     * @param clientId the app's OAuth 2.0 client id
     * @param clientSecret the client secret of a confidential client (sent as Basic), or {@code null} for a public one
     * @param access the access token to start with
     * @param refresh the current refresh token
     * @param onRotate receives each new refresh token, to store it
     */
    public RotatingRefreshToken(URI api, String clientId, Secret clientSecret, String access, String refresh, HttpTransport http, Consumer<String> onRotate) {
        this.tokenEndpoint = Validate.notNull(api, "api").resolve("2/oauth2/token");
        this.clientId = Validate.notBlank(clientId, "clientId");
        this.clientSecret = clientSecret;
        this.access = Validate.notBlank(access, "access");
        this.refresh = Validate.notBlank(refresh, "refresh");
        this.http = Validate.notNull(http, "http");
        this.onRotate = Validate.notNull(onRotate, "onRotate");
    }

    @Override
    public String current() {
        return access;
    }

    @Override
    public synchronized String renew(String rejected) throws IOException {
        if (!access.equals(rejected)) return access;
        HttpCall post = HttpCall.post(tokenEndpoint).form(Forms.of("grant_type", "refresh_token", "refresh_token", refresh, "client_id", clientId));
        if (clientSecret != null) {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret.value()).getBytes(StandardCharsets.UTF_8));
            post = post.header("Authorization", "Basic " + basic);
        }
        HttpReply reply = http.execute(post, new Secret("${refresh}", refresh));
        String newAccess = Payloads.json(reply).path("access_token").asText("");
        String newRefresh = Payloads.json(reply).path("refresh_token").asText("");
        if (!reply.ok() || newAccess.isBlank()) return null;
        if (!newRefresh.isBlank() && !newRefresh.equals(refresh)) {
            refresh = newRefresh;
            onRotate.accept(newRefresh);
        }
        access = newAccess;
        return newAccess;
    }
}
