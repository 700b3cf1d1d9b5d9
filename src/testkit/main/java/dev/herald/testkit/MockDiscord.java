package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.discord.DiscordSyndicator;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake Discord webhook ({@code POST /api/webhooks/<id>/<token>[?wait=true]}) that checks a message
 * as Discord does and answers with its shapes: the saved message object with {@code wait=true},
 * else {@code 204}; errors {@code {message, code}} ({@code 10015 Unknown Webhook},
 * {@code 50027 Invalid Webhook Token}, {@code 50006 Cannot send an empty message},
 * {@code 50035 Invalid Form Body} with {@code errors}).
 *
 * <ul>
 *   <li>limits: content 2,000; at most 10 embeds; title 256, description 4,096, author name 256,
 *       and 6,000 over all embeds;
 *   <li>a rate-limit bucket of 5 executions per 2 seconds (by the fake's clock) with Discord's
 *       {@code X-RateLimit-*} headers on every answer, and on a 429 {@code Retry-After},
 *       {@code X-RateLimit-Scope} and the body {@code {message, retry_after, global}};
 *   <li>each message records whether it would have pinged {@code @everyone}.
 * </ul>
 * {@link Fault#dropResponse()} saves the message and closes the connection.
 *
 * <p>A bot reads the webhook's channel ({@link #channelId()}) with
 * {@code GET /api/v10/channels/<id>/messages?limit=} ({@code Authorization: Bot <token>},
 * {@link #botToken()}): the most recent messages first (limit 1–100, default 50), webhook messages
 * with their {@code webhook_id}; {@code 401 Unauthorized} for a wrong token, {@code 404 Unknown
 * Channel} (10003) for another channel, {@code 403 Missing Access} (50001) for a bot that may not
 * read it ({@link Builder#botCannotReadChannel()}). {@link #addMemberMessage} adds a member's
 * message. Thread-safe.
 */
public final class MockDiscord extends MockService {
    /** The default webhook's id. */
    public static final String DEFAULT_ID = "1180000000000000001";
    /** The default webhook's token. */
    public static final String DEFAULT_TOKEN = "discord-test-webhook-token_0123456789";
    /** Executions per bucket window. */
    public static final int BUCKET_LIMIT = 5;
    /** The bucket's window. */
    public static final Duration BUCKET_WINDOW = Duration.ofSeconds(2);

    /** The default bot token. */
    public static final String DEFAULT_BOT_TOKEN = "MTE4MDAwMDAwMDAwMDAwMDAwMQ.discord-test-bot-token_0123456789";
    /** The id of the webhook's channel. */
    public static final String CHANNEL_ID = "1180000000000000100";

    private final String id;
    private final String token;
    private final String botToken;
    private final boolean botCanRead;
    private final String channelId = CHANNEL_ID;
    private final AtomicBoolean deleted = new AtomicBoolean();
    private final List<DiscordMessage> messages = new ArrayList<>();
    private final AtomicLong lastId = new AtomicLong(1190000000000000000L);
    private final FixedWindow bucket;

    private MockDiscord(Builder b) {
        super(b.clock, b.keepRequests);
        this.id = b.id;
        this.token = b.token;
        this.botToken = b.botToken;
        this.botCanRead = b.botCanRead;
        this.bucket = new FixedWindow(BUCKET_LIMIT, BUCKET_WINDOW, false, b.clock);
    }

    /** A fake with the default webhook and the system clock (not started). */
    public MockDiscord() {
        this(builder());
    }

    /** Returns a builder for a fake with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port and returns this fake; idempotent. */
    public MockDiscord start() {
        startServer();
        return this;
    }

    /** {@code discord}: the network whose syndicator this fake answers. */
    @Override
    public String network() {
        return DiscordSyndicator.NETWORK;
    }

    /** {@link #webhookUri()}: an account's {@code url} points here. */
    @Override
    public URI endpoint() {
        return webhookUri();
    }

    /** The webhook's URL, token included. */
    public URI webhookUri() {
        return uri("/api/webhooks/" + id + "/" + token);
    }

    /** The token a bot reads the channel with. */
    public String botToken() {
        return botToken;
    }

    /** The id of the channel the webhook posts to. */
    public String channelId() {
        return channelId;
    }

    /** A message a member wrote in the channel (no {@code webhook_id}); returns it. */
    public DiscordMessage addMemberMessage(String content) {
        Validate.notNull(content, "content");
        DiscordMessage m = new DiscordMessage(Long.toString(lastId.incrementAndGet()), content, JSON.createArrayNode(), null, false, false, clock.instant(), null);
        synchronized (messages) {
            messages.add(m);
        }
        return m;
    }

    /**
     * Removes a message's embeds as a moderator's "Remove Embed" does (Discord sets the message's
     * {@code SUPPRESS_EMBEDS} flag and answers it with {@code embeds: []} from then on); the content stays.
     *
     * @throws IllegalArgumentException when no message has this id
     */
    public void suppressEmbeds(String messageId) {
        Validate.notNull(messageId, "messageId");
        synchronized (messages) {
            for (int i = 0; i < messages.size(); i++) {
                DiscordMessage m = messages.get(i);
                if (m.id().equals(messageId)) {
                    messages.set(i, new DiscordMessage(m.id(), m.content(), JSON.createArrayNode(), m.allowedMentions(), m.mentionsEveryone(), m.waited(),
                            m.timestamp(), m.webhookId()));
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no message " + messageId);
    }

    /** Deletes the webhook: every later execution gets {@code 404 Unknown Webhook}. */
    public void deleteWebhook() {
        deleted.set(true);
    }

    /** Messages saved, oldest first. */
    public List<DiscordMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** How many messages were saved. */
    public int messageCount() {
        synchronized (messages) {
            return messages.size();
        }
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.startsWith("/api/v10/channels/")) return channelMessages(request, path.substring("/api/v10/channels/".length()));
        String prefix = "/api/webhooks/";
        if (!path.startsWith(prefix)) return error(404, "404: Not Found", 0, null);
        String[] parts = path.substring(prefix.length()).split("/");
        if (parts.length != 2 || !parts[0].equals(id) || deleted.get()) return error(404, "Unknown Webhook", 10015, null);
        if (!parts[1].equals(token)) return error(401, "Invalid Webhook Token", 50027, null);
        if (!"POST".equals(request.getMethod())) return error(405, "405: Method Not Allowed", 0, null);
        FixedWindow.Status window = bucket.consume(id, 1);
        if (!window.allowed()) return limited(window.reset(), false);
        JsonNode body;
        try {
            body = JSON.readTree(body(request));
            if (body == null || !body.isObject()) throw new IOException("not an object");
        } catch (IOException e) {
            return withBucket(error(400, "The request body contains invalid JSON.", 50109, null), window);
        }
        String content = body.path("content").asText("");
        JsonNode embeds = body.path("embeds").isArray() ? body.path("embeds") : JSON.createArrayNode();
        if (content.isEmpty() && embeds.isEmpty()) return withBucket(error(400, "Cannot send an empty message", 50006, null), window);
        Map<String, Object> errors = new LinkedHashMap<>();
        if (length(content) > 2000) errors.put("content", "Must be 2000 or fewer in length.");
        if (embeds.size() > 10) errors.put("embeds", "Must be 10 or fewer in length.");
        int total = 0;
        for (int i = 0; i < embeds.size(); i++) {
            JsonNode e = embeds.get(i);
            int title = length(e.path("title").asText(""));
            int description = length(e.path("description").asText(""));
            int author = length(e.path("author").path("name").asText(""));
            if (title > 256) errors.put("embeds." + i + ".title", "Must be 256 or fewer in length.");
            if (description > 4096) errors.put("embeds." + i + ".description", "Must be 4096 or fewer in length.");
            if (author > 256) errors.put("embeds." + i + ".author.name", "Must be 256 or fewer in length.");
            total += title + description + author + length(e.path("footer").path("text").asText(""));
        }
        if (total > 6000) errors.put("embeds", "Embed size exceeds maximum size of 6000");
        if (!errors.isEmpty()) return withBucket(error(400, "Invalid Form Body", 50035, errors), window);
        boolean waited = "true".equalsIgnoreCase(request.getUrl().queryParameter("wait"));
        JsonNode allowed = body.path("allowed_mentions");
        boolean everyoneAllowed = !allowed.isObject()
                || allowed.path("parse").isArray() && allowed.path("parse").toString().contains("\"everyone\"");
        boolean pings = everyoneAllowed && (content.contains("@everyone") || content.contains("@here"));
        DiscordMessage m = new DiscordMessage(Long.toString(lastId.incrementAndGet()), content, embeds, allowed.isObject() ? allowed : null, pings,
                waited, clock.instant(), id);
        synchronized (messages) {
            messages.add(m);
        }
        if (!waited) return withBucket(new MockResponse.Builder().code(204), window).build();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", m.id());
        message.put("type", 0);
        message.put("content", content);
        message.put("channel_id", channelId);
        message.put("author", Map.of("bot", true, "id", id, "username", "Herald"));
        message.put("embeds", embeds);
        message.put("mention_everyone", pings);
        message.put("timestamp", m.timestamp().toString());
        message.put("webhook_id", id);
        return withBucket(json(200, message), window).build();
    }

    private MockResponse channelMessages(RecordedRequest request, String rest) {
        String auth = header(request, "Authorization");
        if (auth == null || !auth.equals("Bot " + botToken)) return error(401, "401: Unauthorized", 0, null);
        String[] parts = rest.split("/");
        if (parts.length != 2 || !parts[1].equals("messages")) return error(404, "404: Not Found", 0, null);
        if (!parts[0].equals(channelId)) return error(404, "Unknown Channel", 10003, null);
        if (!botCanRead) return error(403, "Missing Access", 50001, null);
        if (!"GET".equals(request.getMethod())) return error(405, "405: Method Not Allowed", 0, null);
        int limit;
        try {
            String given = request.getUrl().queryParameter("limit");
            limit = given == null ? 50 : Integer.parseInt(given);
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 100) return error(400, "Invalid Form Body", 50035, Map.of("limit", "int value should be less than or equal to 100."));
        List<DiscordMessage> all = messages();
        List<Object> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            DiscordMessage m = all.get(i);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", m.id());
            message.put("type", 0);
            message.put("content", m.content());
            message.put("channel_id", channelId);
            message.put("author", m.webhookId() != null ? Map.of("bot", true, "id", m.webhookId(), "username", "Herald")
                    : Map.of("id", "1180000000000000300", "username", "reader"));
            message.put("embeds", m.embeds());
            message.put("timestamp", m.timestamp().toString());
            if (m.webhookId() != null) message.put("webhook_id", m.webhookId());
            out.add(message);
        }
        return json(200, out).build();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    private MockResponse.Builder withBucket(MockResponse.Builder b, FixedWindow.Status w) {
        double after = Math.max(0, Duration.between(clock.instant(), w.reset()).toMillis() / 1000.0);
        return b.setHeader("X-RateLimit-Limit", Integer.toString(BUCKET_LIMIT))
                .setHeader("X-RateLimit-Remaining", Integer.toString(w.remaining()))
                .setHeader("X-RateLimit-Reset", String.format(java.util.Locale.ROOT, "%.3f", w.reset().toEpochMilli() / 1000.0))
                .setHeader("X-RateLimit-Reset-After", String.format(java.util.Locale.ROOT, "%.3f", after))
                .setHeader("X-RateLimit-Bucket", "b1f2c3d4e5");
    }

    private MockResponse withBucket(MockResponse response, FixedWindow.Status w) {
        return withBucket(response.newBuilder(), w).build();
    }

    private MockResponse limited(Instant reset, boolean global) {
        double after = Math.max(0.001, Duration.between(clock.instant(), reset).toMillis() / 1000.0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "You are being rate limited.");
        body.put("retry_after", after);
        body.put("global", global);
        MockResponse.Builder b = json(429, body)
                .setHeader("Retry-After", Long.toString((long) Math.ceil(after)))
                .setHeader("X-RateLimit-Limit", Integer.toString(BUCKET_LIMIT))
                .setHeader("X-RateLimit-Remaining", "0")
                .setHeader("X-RateLimit-Reset-After", String.format(java.util.Locale.ROOT, "%.3f", after))
                .setHeader("X-RateLimit-Scope", global ? "global" : "user");
        if (global) b.setHeader("X-RateLimit-Global", "true");
        return b.build();
    }

    private static MockResponse error(int status, String message, int code, Map<String, Object> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("code", code);
        if (errors != null) body.put("errors", errors);
        return json(status, body).build();
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return error(401, "Invalid Webhook Token", 50027, null);
            case RATE_LIMITED:
                return limited(clock.instant().plus(fault.duration()), false);
            default:
                return fault.status() == 502
                        ? new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html").body("<html><body>502 Bad Gateway</body></html>").build()
                        : error(fault.status(), "500: Internal Server Error", 0, null);
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return error(500, "500: Internal Server Error", 0, null);
    }

    /** Settings for a {@link MockDiscord}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String id = DEFAULT_ID;
        private String token = DEFAULT_TOKEN;
        private String botToken = DEFAULT_BOT_TOKEN;
        private boolean botCanRead = true;
        private int keepRequests = 1_000;

        private Builder() {}

        /** The clock for timestamps and the rate-limit bucket (a {@link ManualClock} in tests). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** The webhook's id and token. */
        public Builder webhook(String id, String token) {
            this.id = Validate.notBlank(id, "id");
            this.token = Validate.notBlank(token, "token");
            return this;
        }

        /** The token a bot reads the channel with. */
        public Builder botToken(String token) {
            this.botToken = Validate.notBlank(token, "token");
            return this;
        }

        /** A bot without the channel's Read Message History permission: reads get {@code 403 Missing Access}. */
        public Builder botCannotReadChannel() {
            this.botCanRead = false;
            return this;
        }

        /** Keeps the last {@code count} requests for {@link MockService#recentRequests()} (default 1,000). */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake, not started. */
        public MockDiscord build() {
            return new MockDiscord(this);
        }

        /** Builds and starts the fake. */
        public MockDiscord start() {
            return build().start();
        }
    }
}
