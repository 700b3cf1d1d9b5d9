package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.telegram.TelegramSyndicator;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake Telegram Bot API ({@code POST /bot<token>/sendMessage}, {@code getMe}) that checks a
 * message as Telegram does and answers with its envelopes: {@code {ok: true, result}} or
 * {@code {ok: false, error_code, description, parameters?}}.
 *
 * <ul>
 *   <li>an unknown token is {@code 401 Unauthorized}; one not shaped {@code <bot id>:<secret>} and an
 *       unknown method are {@code 404 Not Found};
 *   <li>{@code chat_id} is a configured chat's numeric id or {@code @username}, else
 *       {@code 400 Bad Request: chat not found}; a chat the bot was removed from is
 *       {@code 403 Forbidden: bot was kicked from the channel chat}; a group upgraded to a supergroup
 *       is {@code 400} with {@code parameters.migrate_to_chat_id};
 *   <li>{@code parse_mode: HTML} text is parsed like Telegram's parser (its tags only, {@code <},
 *       {@code >} and {@code &} escaped, tags nested) else {@code 400 Bad Request: can't parse
 *       entities: …}; the parsed text must be 1 to 4,096 UTF-16 units ({@code message is too long});
 *   <li>a {@code message_thread_id} must be a configured topic ({@code message thread not found});
 *   <li>more than 20 messages a minute in one chat (by the fake's clock) is {@code 429} with
 *       {@code parameters.retry_after}.
 * </ul>
 * Bodies may be JSON or form-encoded, as the Bot API takes both. {@link Fault#dropResponse()}
 * stores the message and closes the connection: the lost answer Telegram's missing idempotency key
 * cannot recover from. Thread-safe.
 */
public final class MockTelegram extends MockService {
    /** The bot token a default-built fake accepts. */
    public static final String DEFAULT_TOKEN = "123456789:AAHerald-test-token_0123456789abcdef";
    /** The default channel's username. */
    public static final String DEFAULT_CHANNEL = "@ledger_news";
    /** The default channel's numeric id. */
    public static final long DEFAULT_CHANNEL_ID = -1001234567890L;
    /** Messages per minute in one chat before a 429 (Telegram's Bot FAQ). */
    public static final int MESSAGES_PER_MINUTE = 20;

    private record Chat(long id, String username, String type, Set<Long> topics) {}

    private final String token;
    private final String botUsername;
    private final Map<Long, Chat> chats = new ConcurrentHashMap<>();
    private final Set<Long> kicked = ConcurrentHashMap.newKeySet();
    private final Map<Long, Long> migrated = new ConcurrentHashMap<>();
    private final List<TelegramMessage> messages = new ArrayList<>();
    private final Map<Long, AtomicLong> lastIds = new ConcurrentHashMap<>();
    private final FixedWindow perChat;

    private MockTelegram(Builder b) {
        super(b.clock, b.keepRequests);
        this.token = b.token;
        this.botUsername = b.botUsername;
        if (b.chats.isEmpty()) b.chats.put(DEFAULT_CHANNEL_ID, new Chat(DEFAULT_CHANNEL_ID, DEFAULT_CHANNEL, "channel", Set.of()));
        this.chats.putAll(b.chats);
        this.perChat = new FixedWindow(MESSAGES_PER_MINUTE, Duration.ofMinutes(1), true, b.clock);
    }

    /** A fake with the defaults: token {@link #DEFAULT_TOKEN}, channel {@link #DEFAULT_CHANNEL}, system clock (not started). */
    public MockTelegram() {
        this(builder());
    }

    /** Returns a builder for a fake with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port and returns this fake; idempotent. */
    public MockTelegram start() {
        startServer();
        return this;
    }

    /** {@code telegram}: the network whose syndicator this fake answers. */
    @Override
    public String network() {
        return TelegramSyndicator.NETWORK;
    }

    /** The bot token the fake accepts. */
    public String token() {
        return token;
    }

    /** Removes the bot from {@code chatId}: its next messages there get 403, as after an admin kicks it. */
    public void kickBot(long chatId) {
        kicked.add(chatId);
    }

    /** Upgrades group {@code chatId} to a supergroup with id {@code newId}: messages to the old id get 400 with {@code migrate_to_chat_id}. */
    public void migrateToSupergroup(long chatId, long newId) {
        Chat old = chats.get(chatId);
        Validate.isTrue(old != null, "chatId", "is not a chat of this fake");
        migrated.put(chatId, newId);
        chats.put(newId, new Chat(newId, old.username(), "supergroup", old.topics()));
    }

    /** Messages accepted, oldest first. */
    public List<TelegramMessage> messages() {
        synchronized (messages) {
            return List.copyOf(messages);
        }
    }

    /** How many messages were accepted. */
    public int messageCount() {
        synchronized (messages) {
            return messages.size();
        }
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (!path.startsWith("/bot") || path.indexOf('/', 4) < 0) return error(404, "Not Found", null);
        String given = path.substring(4, path.indexOf('/', 4));
        String method = path.substring(path.indexOf('/', 4) + 1);
        // Telegram routes only "<bot id>:<secret>": any other token is an unknown path, 404 Not Found.
        if (!given.matches("\\d+:[A-Za-z0-9_-]+")) return error(404, "Not Found", null);
        if (!given.equals(token)) return error(401, "Unauthorized", null);
        if (method.equals("getMe")) {
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("id", Long.parseLong(token.substring(0, token.indexOf(':'))));
            me.put("is_bot", true);
            me.put("first_name", "Herald");
            me.put("username", botUsername);
            return ok(me);
        }
        if (!method.equals("sendMessage")) return error(404, "Not Found", null);
        JsonNode p;
        try {
            p = params(request);
        } catch (IOException e) {
            return error(400, "Bad Request: can't parse JSON object", null);
        }
        return sendMessage(p);
    }

    private MockResponse sendMessage(JsonNode p) {
        JsonNode chatParam = p.path("chat_id");
        if (chatParam.isMissingNode() || chatParam.asText().isBlank()) return error(400, "Bad Request: chat_id is empty", null);
        Chat chat = resolve(chatParam.asText().strip());
        if (chat == null) return error(400, "Bad Request: chat not found", null);
        Long newId = migrated.get(chat.id());
        if (newId != null) {
            return error(400, "Bad Request: group chat was upgraded to a supergroup chat", Map.of("migrate_to_chat_id", newId));
        }
        if (kicked.contains(chat.id())) return error(403, "Forbidden: bot was kicked from the " + chat.type() + " chat", null);
        Long thread = null;
        if (!p.path("message_thread_id").isMissingNode()) {
            thread = p.path("message_thread_id").asLong();
            if (!chat.topics().contains(thread)) return error(400, "Bad Request: message thread not found", null);
        }
        String html = p.path("text").asText("");
        String parseMode = p.path("parse_mode").isTextual() ? p.path("parse_mode").asText() : null;
        TelegramHtml.Parsed parsed;
        if ("HTML".equalsIgnoreCase(parseMode)) {
            try {
                parsed = TelegramHtml.parse(html);
            } catch (TelegramHtml.ParseError e) {
                return error(400, "Bad Request: can't parse entities: " + e.getMessage(), null);
            }
        } else {
            parsed = new TelegramHtml.Parsed(html, List.of());
        }
        if (parsed.text().isBlank()) return error(400, "Bad Request: message text is empty", null);
        if (parsed.text().length() > 4096) return error(400, "Bad Request: message is too long", null);
        FixedWindow.Status window = perChat.consume(Long.toString(chat.id()), 1);
        if (!window.allowed()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), window.reset()).toSeconds());
            return error(429, "Too Many Requests: retry after " + seconds, Map.of("retry_after", seconds));
        }
        JsonNode preview = p.path("link_preview_options");
        if (preview.isTextual()) {
            try {
                preview = JSON.readTree(preview.asText());
            } catch (IOException e) {
                return error(400, "Bad Request: can't parse link preview options JSON object", null);
            }
        }
        long id = lastIds.computeIfAbsent(chat.id(), k -> new AtomicLong()).incrementAndGet();
        TelegramMessage m = new TelegramMessage(id, chat.id(), thread, html, parsed.text(), parsed.bold(), parseMode,
                preview.isObject() ? preview : null, clock.instant());
        synchronized (messages) {
            messages.add(m);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("message_id", id);
        Map<String, Object> chatJson = new LinkedHashMap<>();
        chatJson.put("id", chat.id());
        chatJson.put("title", "Test chat");
        if (chat.username() != null) chatJson.put("username", chat.username().substring(1));
        chatJson.put("type", chat.type());
        result.put("chat", chatJson);
        result.put("date", m.date().getEpochSecond());
        if (thread != null) result.put("message_thread_id", thread);
        result.put("text", parsed.text());
        return ok(result);
    }

    private Chat resolve(String chatId) {
        if (chatId.startsWith("@")) {
            for (Chat c : chats.values()) if (chatId.equalsIgnoreCase(c.username()) && !migrated.containsKey(c.id())) return c;
            return null;
        }
        try {
            return chats.get(Long.parseLong(chatId));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode params(RecordedRequest request) throws IOException {
        String type = header(request, "Content-Type");
        byte[] body = body(request);
        if (type != null && type.startsWith("application/json")) {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) throw new IOException("not an object");
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        String form = new String(body, StandardCharsets.UTF_8);
        String query = request.getUrl().encodedQuery();
        for (String source : new String[] {query == null ? "" : query, form}) {
            for (String pair : source.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static MockResponse ok(Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", true);
        body.put("result", result);
        return json(200, body).build();
    }

    private static MockResponse error(int code, String description, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ok", false);
        body.put("error_code", code);
        body.put("description", description);
        if (parameters != null) body.put("parameters", parameters);
        return json(code, body).build();
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return error(401, "Unauthorized", null);
            case RATE_LIMITED:
                long seconds = Math.max(1, fault.duration().toSeconds());
                return error(429, "Too Many Requests: retry after " + seconds, Map.of("retry_after", seconds));
            default:
                return fault.status() == 502
                        ? new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html").body("<html><body><h1>502 Bad Gateway</h1></body></html>").build()
                        : error(fault.status(), "Internal Server Error", null);
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return error(500, "Internal Server Error", null);
    }

    /** Settings for a {@link MockTelegram}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String token = DEFAULT_TOKEN;
        private String botUsername = "herald_test_bot";
        private final Map<Long, Chat> chats = new LinkedHashMap<>();
        private int keepRequests = 1_000;

        private Builder() {}

        /** The clock for message dates and the per-chat rate limit (a {@link ManualClock} in tests). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** The bot token accepted ({@code <bot id>:<secret>}) and the bot's username. */
        public Builder bot(String token, String username) {
            Validate.isTrue(token != null && token.matches("[0-9]+:[A-Za-z0-9_-]+"), "token", "must look like 123456:ABC-DEF");
            this.token = token;
            this.botUsername = Validate.notBlank(username, "username");
            return this;
        }

        /** A public channel {@code @username} with numeric id {@code id}. */
        public Builder channel(String username, long id) {
            Validate.isTrue(username != null && username.startsWith("@"), "username", "must start with @");
            chats.put(id, new Chat(id, username, "channel", Set.of()));
            return this;
        }

        /** A group (or, with topics, a forum supergroup) with numeric id {@code id} and no username. */
        public Builder group(long id, Long... topics) {
            chats.put(id, new Chat(id, null, topics.length == 0 ? "group" : "supergroup", Set.of(topics)));
            return this;
        }

        /** Keeps the last {@code count} requests for {@link MockService#recentRequests()} (default 1,000). */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake, not started. */
        public MockTelegram build() {
            return new MockTelegram(this);
        }

        /** Builds and starts the fake. */
        public MockTelegram start() {
            return build().start();
        }
    }
}
