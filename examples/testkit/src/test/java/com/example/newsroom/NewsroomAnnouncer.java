package com.example.newsroom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.syndication.webhook.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * Stands for a site's own integration code, the thing a user would test against the fakes: it
 * announces a story on Mastodon (retrying with the same Idempotency-Key), on Bluesky (one login,
 * a link facet in UTF-8 bytes) and to a signed webhook.
 */
final class NewsroomAnnouncer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Clock clock;
    private String blueskyToken;

    NewsroomAnnouncer(Clock clock) {
        this.clock = clock;
    }

    /** Posts to Mastodon, retrying up to three times on 5xx or a lost connection; returns the status URL. */
    String toMastodon(URI base, String token, String text, String storyId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/statuses"))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", "story-" + storyId)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("status=" + URLEncoder.encode(text, StandardCharsets.UTF_8)))
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return JSON.readTree(r.body()).get("url").asText();
                if (r.statusCode() < 500 || attempt == 3) throw new IOException("Mastodon answered " + r.statusCode() + ": " + r.body());
            } catch (IOException e) {
                if (attempt == 3 || e.getMessage() != null && e.getMessage().startsWith("Mastodon answered")) throw e;
            }
        }
    }

    /** Posts "headline url" to Bluesky with a link facet; logs in only once per announcer. */
    String toBluesky(URI base, String handle, String password, String headline, String url) throws IOException, InterruptedException {
        if (blueskyToken == null) {
            JsonNode session = xrpc(base, "com.atproto.server.createSession", null,
                    JSON.createObjectNode().put("identifier", handle).put("password", password));
            blueskyToken = session.get("accessJwt").asText();
        }
        String text = headline + " " + url;
        int start = headline.getBytes(StandardCharsets.UTF_8).length + 1;
        ObjectNode record = JSON.createObjectNode().put("$type", "app.bsky.feed.post").put("text", text)
                .put("createdAt", clock.instant().toString());
        ObjectNode facet = record.putArray("facets").addObject();
        facet.putObject("index").put("byteStart", start).put("byteEnd", start + url.getBytes(StandardCharsets.UTF_8).length);
        facet.putArray("features").addObject().put("$type", "app.bsky.richtext.facet#link").put("uri", url);
        ObjectNode input = JSON.createObjectNode().put("repo", handle).put("collection", "app.bsky.feed.post");
        input.set("record", record);
        return xrpc(base, "com.atproto.repo.createRecord", blueskyToken, input).get("uri").asText();
    }

    /** POSTs the story as a Standard Webhooks message signed with {@code secret}; returns the status code. */
    int toWebhook(URI endpoint, String secret, String storyId, String title) throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("type", "story.published").put("title", title));
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        WebhookSignature.of(secret).headers("story_" + storyId, clock.instant(), body).forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private JsonNode xrpc(URI base, String method, String token, ObjectNode input) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("/xrpc/" + method)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(input)));
        if (token != null) b.header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException(method + " answered " + r.statusCode() + ": " + r.body());
        return JSON.readTree(r.body());
    }
}
