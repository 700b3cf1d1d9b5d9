package dev.herald.syndication.x;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.core5.http.message.BasicNameValuePair;

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
        HttpPost post = new HttpPost(tokenEndpoint);
        post.setEntity(new UrlEncodedFormEntity(List.of(new BasicNameValuePair("grant_type", "refresh_token"),
                new BasicNameValuePair("refresh_token", refresh), new BasicNameValuePair("client_id", clientId)), StandardCharsets.UTF_8));
        if (clientSecret != null) {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret.value()).getBytes(StandardCharsets.UTF_8));
            post.setHeader("Authorization", "Basic " + basic);
        }
        HttpReply reply = http.execute(post, new Secret("${refresh}", refresh));
        String newAccess = reply.json().path("access_token").asText("");
        String newRefresh = reply.json().path("refresh_token").asText("");
        if (!reply.ok() || newAccess.isBlank()) return null;
        if (!newRefresh.isBlank() && !newRefresh.equals(refresh)) {
            refresh = newRefresh;
            onRotate.accept(newRefresh);
        }
        access = newAccess;
        return newAccess;
    }
}
