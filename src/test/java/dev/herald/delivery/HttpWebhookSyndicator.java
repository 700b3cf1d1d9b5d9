package dev.herald.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A minimal webhook syndicator over real HTTP for the delivery proofs: the idempotency key goes
 * in {@code webhook-id}, and status codes are classified the way the real syndicators do.
 * Stand-in until the syndication branch's signed webhook syndicator lands.
 */
public final class HttpWebhookSyndicator implements Syndicator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String account;
    private final URI url;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public HttpWebhookSyndicator(String account, URI url) {
        this.account = account;
        this.url = url;
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
            HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(Duration.ofSeconds(10))
                    .header("content-type", "application/json")
                    .header("webhook-id", post.idempotencyKey())
                    .header("webhook-timestamp", String.valueOf(Instant.now().getEpochSecond()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int code = response.statusCode();
            if (code >= 200 && code < 300) return new Outcome.Posted(post.idempotencyKey(), null);
            if (code == 401 || code == 403) return new Outcome.AuthFailed("HTTP " + code);
            if (code == 429) return new Outcome.RateLimited(Instant.now().plusSeconds(1), "HTTP 429");
            if (code >= 500) return new Outcome.Transient("HTTP " + code, null);
            return new Outcome.Permanent("HTTP " + code + ": " + response.body());
        } catch (IOException e) {
            return new Outcome.Transient(e.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Transient("interrupted", null);
        }
    }
}
