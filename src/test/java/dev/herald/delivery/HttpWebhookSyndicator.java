package dev.herald.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;

/**
 * A minimal webhook syndicator over real HTTP (Apache HttpClient 5, as Herald's syndicators use)
 * for the delivery proofs: the idempotency key goes in {@code webhook-id}, and status codes are
 * classified the way the real syndicators do. Stand-in until the syndication branch's signed
 * webhook syndicator lands.
 */
public final class HttpWebhookSyndicator implements Syndicator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String account;
    private final URI url;
    private final CloseableHttpClient http;

    /** A syndicator for {@code account} posting to {@code url} over a pooled client. */
    public HttpWebhookSyndicator(String account, URI url) {
        this.account = account;
        this.url = url;
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(64)
                .setMaxConnPerRoute(64)
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.ofSeconds(5)).build())
                .build();
        this.http = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build())
                .disableAutomaticRetries()
                .build();
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String network() {
        return "webhook";
    }

    @Override
    public Outcome send(Post post) {
        try {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", "article.published");
            body.put("url", post.article().url().toString());
            body.put("title", post.article().title());
            HttpPost request = new HttpPost(url);
            request.setHeader("webhook-id", post.idempotencyKey());
            request.setHeader("webhook-timestamp", String.valueOf(Instant.now().getEpochSecond()));
            request.setEntity(new ByteArrayEntity(JSON.writeValueAsBytes(body), ContentType.APPLICATION_JSON));
            return http.execute(request, response -> {
                int code = response.getCode();
                String text = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity());
                if (code >= 200 && code < 300) return new Outcome.Posted(post.idempotencyKey(), null);
                if (code == 401 || code == 403) return new Outcome.AuthFailed("HTTP " + code);
                if (code == 429) return new Outcome.RateLimited(Instant.now().plusSeconds(1), "HTTP 429");
                if (code >= 500) return new Outcome.Transient("HTTP " + code, null);
                return new Outcome.Permanent("HTTP " + code + ": " + text);
            });
        } catch (IOException e) {
            return new Outcome.Transient(e.toString(), null);
        }
    }
}
