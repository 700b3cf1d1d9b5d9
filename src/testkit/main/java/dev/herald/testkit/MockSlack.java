package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.slack.SlackSyndicator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake Slack: an incoming webhook and the part of the Web API a bot posts with, in one channel.
 *
 * <p><b>Incoming webhook</b> ({@code POST /services/T…/B…/<secret>}) answers as Slack
 * does, in plain text: {@code 200 ok}; {@code 400 invalid_payload} (not JSON, or a block that is
 * not valid Block Kit: a section without text, mrkdwn over 3,000 characters, more than 50 blocks, an
 * image accessory without {@code image_url} or {@code alt_text}); {@code 400 no_text};
 * {@code 404 no_service} once {@link #revoke() revoked}; {@code 410 channel_is_archived} once
 * {@link #archiveChannel() archived}; {@code 429 rate_limited} with {@code Retry-After} past
 * 5 messages in 5 seconds (by the fake's clock). Each message records what readers see and whether
 * it would notify the whole channel. {@link Fault#dropResponse()} posts the message and closes the
 * connection. Bodies may be JSON or a form's {@code payload=}.
 *
 * <p><b>Web API</b> under {@link #apiUri()} ({@code /api/}), with the bot token
 * {@link #botToken()} as {@code Authorization: Bearer} (or a {@code token} form field), answering
 * as Slack does: HTTP 200 with {@code {"ok": true, …}} or {@code {"ok": false, "error": …}}.
 * <ul>
 *   <li>{@code chat.postMessage} (JSON or form): {@code ts} and {@code channel}; errors
 *       {@code not_authed}, {@code invalid_auth}, {@code token_revoked} (after {@link #revokeBotToken()}),
 *       {@code channel_not_found}, {@code not_in_channel} (after {@link #removeBotFromChannel()}),
 *       {@code is_archived} (after {@link #archiveChannel()}), {@code no_text},
 *       {@code msg_too_long} (text over 40,000), {@code invalid_blocks} (the same checks as the
 *       webhook's, with Slack's {@code errors} list); HTTP 429 {@code ratelimited} with
 *       {@code Retry-After} past {@value #BURST} messages in the window, shared with the webhook;
 *   <li>{@code chat.getPermalink} ({@code channel}, {@code message_ts}), {@code message_not_found};
 *   <li>{@code conversations.history} ({@code channel}, {@code oldest}, {@code latest},
 *       {@code inclusive}, {@code limit} up to 999, {@code cursor}, {@code include_all_metadata}):
 *       newest first, with {@code has_more} and {@code response_metadata.next_cursor};
 *       {@code missing_scope} with {@code needed} when the token lacks {@code channels:history}
 *       ({@link Builder#withoutHistoryScope()});
 *   <li>{@code auth.test}.
 * </ul>
 * Webhook and bot messages land in the same channel, {@link #channelId()}, and both show in its
 * history (as an app's messages, with {@code bot_id}); {@link #addPersonMessage} adds one a person
 * wrote. Thread-safe.
 */
public final class MockSlack extends MockService {
    /** The default webhook path. */
    public static final String DEFAULT_PATH = "/services/T0LEDGER01/B0HERALD01/slackTestSecret0123456789ab";
    /** Messages per window before a 429. */
    public static final int BURST = 5;
    /** The rate-limit window. */
    public static final Duration WINDOW = Duration.ofSeconds(5);

    private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");

    /** The default bot token. */
    public static final String DEFAULT_BOT_TOKEN = "xoxb-1180000000001-1180000000002-slackTestBotToken0123";
    /** The default channel's id. */
    public static final String DEFAULT_CHANNEL = "C0LEDGER01";
    /** The bot's id on the messages it posts. */
    public static final String BOT_ID = "B0HERALD01";
    /** The most characters of a message's {@code text}. */
    public static final int MAX_TEXT = 40_000;

    private final String path;
    private final String botToken;
    private final String channel;
    private final boolean historyScope;
    private final AtomicReference<String> gone = new AtomicReference<>();
    private final AtomicReference<String> botRefusal = new AtomicReference<>();
    private final List<SlackMessage> messages = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final FixedWindow window;

    private MockSlack(Builder b) {
        super(b.clock, b.keepRequests);
        this.path = b.path;
        this.botToken = b.botToken;
        this.channel = b.channel;
        this.historyScope = b.historyScope;
        this.window = new FixedWindow(BURST, WINDOW, false, b.clock);
    }

    /** A fake with the default webhook path and the system clock (not started). */
    public MockSlack() {
        this(builder());
    }

    /** Returns a builder for a fake with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port and returns this fake; idempotent. */
    public MockSlack start() {
        startServer();
        return this;
    }

    /** {@code slack}: the network whose syndicator this fake answers. */
    @Override
    public String network() {
        return SlackSyndicator.NETWORK;
    }

    /** {@link #webhookUri()}: an account's {@code url} points here. */
    @Override
    public URI endpoint() {
        return webhookUri();
    }

    /**
     * {@code config} with account {@code account} pointed at this fake: a webhook account's
     * {@code url} at {@link #webhookUri()}, a bot account's {@code api} at {@link #apiUri()}.
     *
     * @throws IllegalArgumentException when the account is on another network than this fake plays
     */
    @Override
    public SyndicationConfig serve(SyndicationConfig config, String account) {
        Validate.notNull(config, "config");
        if (config.account(account).setting("token") == null) return super.serve(config, account);
        Validate.isTrue(config.account(account).network().equals(network()), "account " + account,
                "is a " + config.account(account).network() + " account; MockSlack plays " + network());
        return config.withUrl(account, "api", apiUri());
    }

    /** The webhook's URL, secret included. */
    public URI webhookUri() {
        return uri(path);
    }

    /** The Web API's base URL ({@code …/api/}): a bot account's {@code api} points here. */
    public URI apiUri() {
        return uri("/api/");
    }

    /** The bot token the Web API accepts. */
    public String botToken() {
        return botToken;
    }

    /** The id of the channel the webhook and the bot post to. */
    public String channelId() {
        return channel;
    }

    /** Revokes the bot token: later Web API calls get {@code token_revoked}. */
    public void revokeBotToken() {
        botRefusal.set("token_revoked");
    }

    /** Removes the bot from the channel: later posts get {@code not_in_channel}. */
    public void removeBotFromChannel() {
        botRefusal.set("not_in_channel");
    }

    /** A message a person wrote in the channel (no {@code bot_id}), as {@code mrkdwn}; returns its {@code ts}. */
    public String addPersonMessage(String mrkdwn) {
        Validate.notNull(mrkdwn, "mrkdwn");
        List<String> links = new ArrayList<>();
        String ts = nextTs();
        SlackMessage m = new SlackMessage(mrkdwn, JSON.createArrayNode(), render(mrkdwn, links), links, mentionsChannel(mrkdwn), clock.instant(),
                channel, ts, null, null);
        synchronized (messages) {
            messages.add(m);
        }
        return ts;
    }

    /**
     * Adds a message another app posted to the channel (an RSS bot, say): it has a {@code bot_id}
     * but none of Herald's metadata. Returns its {@code ts}.
     */
    public String addAppMessage(String mrkdwn, String botId) {
        Validate.notNull(mrkdwn, "mrkdwn");
        Validate.notBlank(botId, "botId");
        List<String> links = new ArrayList<>();
        String ts = nextTs();
        SlackMessage m = new SlackMessage(mrkdwn, JSON.createArrayNode(), render(mrkdwn, links), links, mentionsChannel(mrkdwn), clock.instant(),
                channel, ts, botId, null);
        synchronized (messages) {
            messages.add(m);
        }
        return ts;
    }

    /** Revokes the webhook (an admin removed the app): later posts get {@code 404 no_service}. */
    public void revoke() {
        gone.set("no_service");
    }

    /** Archives the channel: later webhook posts get {@code 410 channel_is_archived}, bot posts {@code is_archived}. */
    public void archiveChannel() {
        gone.set("channel_is_archived");
    }

    /** Messages accepted, oldest first. */
    public List<SlackMessage> messages() {
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
        if (request.getUrl().encodedPath().startsWith("/api/")) return api(request);
        if (!path.equals(request.getUrl().encodedPath()) || !"POST".equals(request.getMethod())) return plain(404, "no_service");
        String stop = gone.get();
        if (stop != null) return plain(stop.equals("no_service") ? 404 : 410, stop);
        if (!window.consume("hook", 1).allowed()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), window.peek("hook").reset()).toSeconds());
            return plain(429, "rate_limited").newBuilder().setHeader("Retry-After", Long.toString(seconds)).build();
        }
        JsonNode body;
        try {
            body = parse(request);
        } catch (IOException e) {
            return plain(400, "invalid_payload");
        }
        String text = body.path("text").asText("");
        JsonNode blocks = body.path("blocks");
        if (text.isBlank() && (!blocks.isArray() || blocks.isEmpty())) return plain(400, "no_text");
        if (!blocks.isMissingNode() && !blocks.isArray() || blocks.size() > 50) return plain(400, "invalid_payload");
        List<String> links = new ArrayList<>();
        boolean channel = mentionsChannel(text);
        String sectionText = null;
        for (JsonNode block : blocks.isArray() ? blocks : JSON.createArrayNode()) {
            if (!"section".equals(block.path("type").asText())) continue;
            JsonNode t = block.path("text");
            String type = t.path("type").asText();
            String value = t.path("text").asText("");
            if (!(type.equals("mrkdwn") || type.equals("plain_text")) || value.isEmpty() || value.length() > 3000) return plain(400, "invalid_payload");
            JsonNode accessory = block.path("accessory");
            if (accessory.isObject() && "image".equals(accessory.path("type").asText())
                    && (accessory.path("image_url").asText("").isBlank() || accessory.path("alt_text").asText("").isBlank())) {
                return plain(400, "invalid_payload");
            }
            channel |= mentionsChannel(value);
            String seen = render(value, links);
            if (sectionText == null) sectionText = seen;
        }
        SlackMessage m = new SlackMessage(text, blocks.isArray() ? blocks : JSON.createArrayNode(), sectionText == null ? "" : sectionText, links,
                channel, clock.instant(), this.channel, nextTs(), BOT_ID, null);
        synchronized (messages) {
            messages.add(m);
        }
        return plain(200, "ok");
    }

    /** Why {@code blocks} is not valid Block Kit as far as the fake checks, or {@code null}. */
    private static String blockProblem(JsonNode blocks) {
        if (blocks.isMissingNode() || blocks.isNull()) return null;
        if (!blocks.isArray()) return "blocks must be an array";
        if (blocks.size() > 50) return "no more than 50 items allowed [json-pointer:/blocks]";
        for (int i = 0; i < blocks.size(); i++) {
            JsonNode block = blocks.get(i);
            if (!"section".equals(block.path("type").asText())) continue;
            JsonNode t = block.path("text");
            String type = t.path("type").asText();
            String value = t.path("text").asText("");
            if (!(type.equals("mrkdwn") || type.equals("plain_text"))) return "must provide an object [json-pointer:/blocks/" + i + "/text]";
            if (value.isEmpty()) return "must be more than 0 characters [json-pointer:/blocks/" + i + "/text/text]";
            if (value.length() > 3000) return "must be less than 3001 characters [json-pointer:/blocks/" + i + "/text/text]";
            JsonNode accessory = block.path("accessory");
            if (accessory.isObject() && "image".equals(accessory.path("type").asText())
                    && (accessory.path("image_url").asText("").isBlank() || accessory.path("alt_text").asText("").isBlank())) {
                return "must provide a string [json-pointer:/blocks/" + i + "/accessory/alt_text]";
            }
        }
        return null;
    }

    private MockResponse api(RecordedRequest request) {
        String method = request.getUrl().encodedPath().substring("/api/".length());
        Map<String, String> form = new LinkedHashMap<>();
        JsonNode json = null;
        String type = header(request, "Content-Type");
        byte[] raw = body(request);
        try {
            if (type != null && type.startsWith("application/json") && raw.length > 0) {
                json = JSON.readTree(raw);
                if (json == null || !json.isObject()) return ok(false, "invalid_json");
            } else if (raw.length > 0) {
                form.putAll(formOf(new String(raw, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            return ok(false, "invalid_json");
        }
        for (String name : request.getUrl().queryParameterNames()) form.putIfAbsent(name, request.getUrl().queryParameter(name));
        String token = bearer(request);
        if (token == null) token = form.get("token");
        if (token == null || token.isBlank()) return ok(false, "not_authed");
        if (!token.equals(botToken)) return ok(false, "invalid_auth");
        if ("token_revoked".equals(botRefusal.get())) return ok(false, "token_revoked");
        JsonNode sent = json;
        Function<String, String> arg = sent != null ? name -> sent.path(name).isValueNode() ? sent.path(name).asText() : form.get(name) : form::get;
        switch (method) {
            case "auth.test":
                return json(200, Map.of("ok", true, "url", "https://ledger.slack.com/", "team", "Ledger", "user", "herald", "team_id", "T0LEDGER01",
                        "user_id", "U0HERALD01", "bot_id", BOT_ID)).build();
            case "chat.postMessage":
                return postMessage(json != null ? json : formAsJson(form), arg);
            case "chat.getPermalink":
                return permalink(arg);
            case "conversations.history":
                return history(arg);
            default:
                return json(404, Map.of("ok", false, "error", "unknown_method", "req_method", method)).build();
        }
    }

    private MockResponse postMessage(JsonNode body, Function<String, String> arg) {
        String target = arg.apply("channel");
        if (target == null || target.isBlank() || !target.equals(channel)) return ok(false, "channel_not_found");
        if ("channel_is_archived".equals(gone.get())) return ok(false, "is_archived");
        if ("not_in_channel".equals(botRefusal.get())) return ok(false, "not_in_channel");
        if (!window.consume("hook", 1).allowed()) {
            long seconds = Math.max(1, Duration.between(clock.instant(), window.peek("hook").reset()).toSeconds());
            return json(429, Map.of("ok", false, "error", "ratelimited")).setHeader("Retry-After", Long.toString(seconds)).build();
        }
        String text = body.path("text").asText("");
        JsonNode blocks = body.path("blocks");
        if (blocks.isTextual()) {
            try {
                blocks = JSON.readTree(blocks.asText());
            } catch (IOException e) {
                return ok(false, "invalid_blocks_format");
            }
        }
        if (text.isBlank() && (!blocks.isArray() || blocks.isEmpty())) return ok(false, "no_text");
        if (text.length() > MAX_TEXT) return ok(false, "msg_too_long");
        String problem = blockProblem(blocks);
        if (problem != null) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("ok", false);
            error.put("error", "invalid_blocks");
            error.put("errors", List.of(problem));
            error.put("response_metadata", Map.of("messages", List.of("[ERROR] " + problem)));
            return json(200, error).build();
        }
        List<String> links = new ArrayList<>();
        boolean everyone = mentionsChannel(text);
        String sectionText = null;
        for (JsonNode block : blocks.isArray() ? blocks : JSON.createArrayNode()) {
            if (!"section".equals(block.path("type").asText())) continue;
            String value = block.path("text").path("text").asText("");
            everyone |= mentionsChannel(value);
            String seen = render(value, links);
            if (sectionText == null) sectionText = seen;
        }
        JsonNode metadata = body.path("metadata");
        if (metadata.isTextual()) {
            try {
                metadata = JSON.readTree(metadata.asText());
            } catch (IOException e) {
                return ok(false, "invalid_metadata_format");
            }
        }
        SlackMessage m = new SlackMessage(text, blocks.isArray() ? blocks : JSON.createArrayNode(), sectionText == null ? "" : sectionText, links,
                everyone, clock.instant(), channel, nextTs(), BOT_ID, metadata.isObject() ? metadata : null);
        synchronized (messages) {
            messages.add(m);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("channel", channel);
        answer.put("ts", m.ts());
        answer.put("message", messageJson(m, false));
        return json(200, answer).build();
    }

    private MockResponse permalink(Function<String, String> arg) {
        String target = arg.apply("channel");
        String ts = arg.apply("message_ts");
        if (target == null || !target.equals(channel)) return ok(false, "channel_not_found");
        if (ts == null || messages().stream().noneMatch(m -> m.ts().equals(ts))) return ok(false, "message_not_found");
        return json(200, Map.of("ok", true, "channel", channel, "permalink", permalinkOf(ts))).build();
    }

    /** Where Slack shows message {@code ts} of the channel. */
    public String permalinkOf(String ts) {
        return "https://ledger.slack.com/archives/" + channel + "/p" + ts.replace(".", "");
    }

    private MockResponse history(Function<String, String> arg) {
        if (!historyScope) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("ok", false);
            e.put("error", "missing_scope");
            e.put("needed", "channels:history");
            e.put("provided", "chat:write");
            return json(200, e).build();
        }
        String target = arg.apply("channel");
        if (target == null || !target.equals(channel)) return ok(false, "channel_not_found");
        if ("not_in_channel".equals(botRefusal.get())) return ok(false, "not_in_channel");
        BigDecimal oldest = decimal(arg.apply("oldest"), BigDecimal.ZERO);
        BigDecimal latest = decimal(arg.apply("latest"), null);
        boolean inclusive = "true".equals(arg.apply("inclusive")) || "1".equals(arg.apply("inclusive"));
        boolean metadata = "true".equals(arg.apply("include_all_metadata")) || "1".equals(arg.apply("include_all_metadata"));
        int limit;
        try {
            limit = arg.apply("limit") == null ? 100 : Integer.parseInt(arg.apply("limit"));
        } catch (NumberFormatException e) {
            return ok(false, "invalid_limit");
        }
        if (limit < 1 || limit > 999) return ok(false, "invalid_limit");
        int start = 0;
        String cursor = arg.apply("cursor");
        if (cursor != null && !cursor.isBlank()) {
            try {
                start = Integer.parseInt(new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8).replace("next_at:", ""));
            } catch (IllegalArgumentException e) {
                return ok(false, "invalid_cursor");
            }
        }
        List<SlackMessage> inRange = new ArrayList<>();
        List<SlackMessage> all = messages();
        for (int i = all.size() - 1; i >= 0; i--) {
            BigDecimal ts = new BigDecimal(all.get(i).ts());
            int low = ts.compareTo(oldest);
            int high = latest == null ? -1 : ts.compareTo(latest);
            if ((inclusive ? low >= 0 : low > 0) && (inclusive ? high <= 0 : high < 0)) inRange.add(all.get(i));
        }
        List<Object> page = new ArrayList<>();
        for (int i = start; i < Math.min(inRange.size(), start + limit); i++) page.add(messageJson(inRange.get(i), metadata));
        boolean more = start + limit < inRange.size();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        answer.put("messages", page);
        answer.put("has_more", more);
        answer.put("pin_count", 0);
        answer.put("response_metadata", Map.of("next_cursor",
                more ? Base64.getEncoder().encodeToString(("next_at:" + (start + limit)).getBytes(StandardCharsets.UTF_8)) : ""));
        return json(200, answer).build();
    }

    private static Map<String, Object> messageJson(SlackMessage m, boolean withMetadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "message");
        if (m.botId() != null) {
            out.put("subtype", "bot_message");
            out.put("bot_id", m.botId());
        } else {
            out.put("user", "U0PERSON01");
        }
        out.put("text", m.text());
        out.put("ts", m.ts());
        if (!m.blocks().isEmpty()) out.put("blocks", m.blocks());
        if (withMetadata && m.metadata() != null) out.put("metadata", m.metadata());
        return out;
    }

    private static BigDecimal decimal(String s, BigDecimal fallback) {
        try {
            return s == null || s.isBlank() ? fallback : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A ts as Slack writes one: the clock's epoch seconds, then six digits that keep ts unique and rising. */
    private String nextTs() {
        return String.format(Locale.ROOT, "%d.%06d", clock.instant().getEpochSecond(), sequence.incrementAndGet() % 1_000_000);
    }

    private static Map<String, String> formOf(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(k, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static JsonNode formAsJson(Map<String, String> form) {
        var node = JSON.createObjectNode();
        form.forEach(node::put);
        return node;
    }

    private static MockResponse ok(boolean ok, String error) {
        return json(200, Map.of("ok", ok, "error", error)).build();
    }

    private static boolean mentionsChannel(String mrkdwn) {
        return mrkdwn.contains("<!channel") || mrkdwn.contains("<!here") || mrkdwn.contains("<!everyone");
    }

    /** What readers see: {@code <url|label>} as its label (the URL recorded), entities decoded. */
    private static String render(String mrkdwn, List<String> links) {
        Matcher m = ANGLE.matcher(mrkdwn);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (m.find()) {
            out.append(mrkdwn, last, m.start());
            String inside = m.group(1);
            int bar = inside.indexOf('|');
            String target = bar < 0 ? inside : inside.substring(0, bar);
            if (!target.startsWith("!") && !target.startsWith("@") && !target.startsWith("#")) links.add(decode(target));
            out.append(bar < 0 ? target : inside.substring(bar + 1));
            last = m.end();
        }
        out.append(mrkdwn.substring(last));
        return decode(out.toString());
    }

    private static String decode(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static JsonNode parse(RecordedRequest request) throws IOException {
        String raw = new String(body(request), StandardCharsets.UTF_8);
        String type = header(request, "Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : raw.split("&")) {
                if (pair.startsWith("payload=")) raw = URLDecoder.decode(pair.substring(8), StandardCharsets.UTF_8);
            }
        }
        JsonNode node = JSON.readTree(raw);
        if (node == null || !node.isObject()) throw new IOException("not an object");
        return node;
    }

    private static MockResponse plain(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/html").body(body).build();
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        if (request.getUrl().encodedPath().startsWith("/api/")) {
            switch (fault.kind()) {
                case UNAUTHORIZED:
                    return ok(false, "invalid_auth");
                case RATE_LIMITED:
                    return json(429, Map.of("ok", false, "error", "ratelimited"))
                            .setHeader("Retry-After", Long.toString(Math.max(1, fault.duration().toSeconds()))).build();
                default:
                    // A 502 comes from the load balancer in front of the API: an HTML page, no envelope.
                    return fault.status() == 502
                            ? new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html").body("<html><body><h1>502 Bad Gateway</h1></body></html>").build()
                            : json(fault.status(), Map.of("ok", false, "error", "internal_error")).build();
            }
        }
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return plain(403, "invalid_token");
            case RATE_LIMITED:
                return plain(429, "rate_limited").newBuilder().setHeader("Retry-After", Long.toString(Math.max(1, fault.duration().toSeconds()))).build();
            default:
                return plain(fault.status(), "rollup_error");
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return plain(500, "rollup_error");
    }

    /** Settings for a {@link MockSlack}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String path = DEFAULT_PATH;
        private String botToken = DEFAULT_BOT_TOKEN;
        private String channel = DEFAULT_CHANNEL;
        private boolean historyScope = true;
        private int keepRequests = 1_000;

        private Builder() {}

        /** The clock for the rate limit (a {@link ManualClock} in tests). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** The webhook's path ({@code /services/T…/B…/…}). */
        public Builder path(String path) {
            Validate.isTrue(path != null && path.startsWith("/"), "path", "must start with /");
            this.path = path;
            return this;
        }

        /** The bot token the Web API accepts. */
        public Builder botToken(String token) {
            this.botToken = Validate.notBlank(token, "token");
            return this;
        }

        /** The channel's id ({@code C…}). */
        public Builder channel(String id) {
            this.channel = Validate.notBlank(id, "id");
            return this;
        }

        /** A bot token without {@code channels:history}: {@code conversations.history} answers {@code missing_scope}. */
        public Builder withoutHistoryScope() {
            this.historyScope = false;
            return this;
        }

        /** Keeps the last {@code count} requests for {@link MockService#recentRequests()} (default 1,000). */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake, not started. */
        public MockSlack build() {
            return new MockSlack(this);
        }

        /** Builds and starts the fake. */
        public MockSlack start() {
            return build().start();
        }
    }
}
