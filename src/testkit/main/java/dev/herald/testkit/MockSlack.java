package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.slack.SlackSyndicator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake Slack incoming webhook ({@code POST /services/T…/B…/<secret>}) that answers as Slack
 * does, in plain text: {@code 200 ok}; {@code 400 invalid_payload} (not JSON, or a block that is
 * not valid Block Kit: a section without text, mrkdwn over 3,000 characters, more than 50 blocks, an
 * image accessory without {@code image_url} or {@code alt_text}); {@code 400 no_text};
 * {@code 404 no_service} once {@link #revoke() revoked}; {@code 410 channel_is_archived} once
 * {@link #archiveChannel() archived}; {@code 429 rate_limited} with {@code Retry-After} past
 * 5 messages in 5 seconds (by the fake's clock). Each message records what readers see and whether
 * it would notify the whole channel. {@link Fault#dropResponse()} posts the message and closes the
 * connection. Bodies may be JSON or a form's {@code payload=}. Thread-safe.
 */
public final class MockSlack extends MockService {
    /** The default webhook path. */
    public static final String DEFAULT_PATH = "/services/T0LEDGER01/B0HERALD01/slackTestSecret0123456789ab";
    /** Messages per window before a 429. */
    public static final int BURST = 5;
    /** The rate-limit window. */
    public static final Duration WINDOW = Duration.ofSeconds(5);

    private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");

    private final String path;
    private final AtomicReference<String> gone = new AtomicReference<>();
    private final List<SlackMessage> messages = new ArrayList<>();
    private final FixedWindow window;

    private MockSlack(Builder b) {
        super(b.clock, b.keepRequests);
        this.path = b.path;
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

    /** The webhook's URL, secret included. */
    public URI webhookUri() {
        return uri(path);
    }

    /** Revokes the webhook (an admin removed the app): later posts get {@code 404 no_service}. */
    public void revoke() {
        gone.set("no_service");
    }

    /** Archives the webhook's channel: later posts get {@code 410 channel_is_archived}. */
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
                channel, clock.instant());
        synchronized (messages) {
            messages.add(m);
        }
        return plain(200, "ok");
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
