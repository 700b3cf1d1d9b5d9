package dev.herald.testkit;

import dev.herald.internal.Validate;
import dev.herald.syndication.websub.WebSubSyndicator;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A fake WebSub hub that checks requests as a public hub does (W3C WebSub; Google's hub for the
 * publish ping): a form POST ({@code application/x-www-form-urlencoded}, else {@code 400});
 * {@code hub.mode=publish} with one or more {@code hub.url} or {@code hub.topic} parameters, each an
 * absolute http(s) URL, answered {@code 204}; {@code hub.mode=subscribe} with {@code hub.callback} and
 * {@code hub.topic}, answered {@code 202} after the hub verified the subscriber's intent (a GET to the
 * callback with {@code hub.challenge}, which must be echoed). A publish of a subscribed topic is
 * delivered to each subscriber as a POST carrying {@code Link: <hub>; rel="hub"} and
 * {@code Link: <topic>; rel="self"}, with the content registered by {@link #content}, else an empty
 * Atom feed. {@link Fault#dropResponse()} records the ping and closes the connection. Thread-safe.
 */
public final class MockWebSubHub extends MockService {
    /** The path the hub listens on. */
    public static final String PATH = "/hub";

    private final List<List<URI>> pings = new CopyOnWriteArrayList<>();
    private final Map<URI, List<URI>> subscribers = new ConcurrentHashMap<>();
    private final Map<URI, String> contents = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private MockWebSubHub(Builder b) {
        super(b.clock, b.keepRequests);
    }

    /** A fake hub with the system clock (not started). */
    public MockWebSubHub() {
        this(builder());
    }

    /** Returns a builder for a fake with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port and returns this fake; idempotent. */
    public MockWebSubHub start() {
        startServer();
        return this;
    }

    /** {@code websub}: the network whose syndicator this fake answers. */
    @Override
    public String network() {
        return WebSubSyndicator.NETWORK;
    }

    /** {@link #hubUri()}: an account's {@code hub} points here. */
    @Override
    public URI endpoint() {
        return hubUri();
    }

    /** The hub's URL. */
    public URI hubUri() {
        return uri(PATH);
    }

    /** What the hub distributes for {@code topic} when it is pinged (it would fetch it; the fake is told). */
    public void content(URI topic, String atom) {
        contents.put(Validate.notNull(topic, "topic"), Validate.notNull(atom, "atom"));
    }

    /** The accepted publish pings, oldest first, each as its topics in the order sent. */
    public List<List<URI>> pings() {
        return List.copyOf(pings);
    }

    /** The subscribers of {@code topic} whose intent was verified. */
    public List<URI> subscribers(URI topic) {
        return List.copyOf(subscribers.getOrDefault(topic, List.of()));
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        if (!PATH.equals(request.getUrl().encodedPath())) return text(404, "Not Found");
        if (!"POST".equals(request.getMethod())) return text(405, "Method Not Allowed");
        String type = header(request, "Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return text(400, "Invalid request: Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = form(new String(body(request), StandardCharsets.UTF_8));
        String mode = first(form, "hub.mode");
        if ("publish".equals(mode)) return publish(form);
        if ("subscribe".equals(mode)) return subscribe(form);
        return text(400, "Invalid value for hub.mode: " + (mode == null ? "(none)" : mode));
    }

    private MockResponse publish(Map<String, List<String>> form) {
        List<String> raw = new ArrayList<>(form.getOrDefault("hub.url", List.of()));
        raw.addAll(form.getOrDefault("hub.topic", List.of()));
        if (raw.isEmpty()) return text(400, "MUST supply at least one hub.url parameter");
        List<URI> topics = new ArrayList<>();
        for (String t : raw) {
            URI u = httpUrl(t);
            if (u == null) return text(400, "Invalid topic URL: " + t);
            topics.add(u);
        }
        pings.add(List.copyOf(topics));
        for (URI topic : topics) for (URI callback : subscribers.getOrDefault(topic, List.of())) distribute(topic, callback);
        return new MockResponse.Builder().code(204).build();
    }

    private MockResponse subscribe(Map<String, List<String>> form) {
        URI callback = httpUrl(first(form, "hub.callback"));
        URI topic = httpUrl(first(form, "hub.topic"));
        if (callback == null || topic == null) return text(400, "Invalid hub.callback or hub.topic");
        String challenge = UUID.randomUUID().toString();
        URI verify = URI.create(callback + (callback.getRawQuery() == null ? "?" : "&") + "hub.mode=subscribe&hub.topic="
                + URLEncoder.encode(topic.toString(), StandardCharsets.UTF_8) + "&hub.challenge=" + challenge + "&hub.lease_seconds=864000");
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(verify).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2 || !answer.body().strip().equals(challenge)) return text(409, "Subscriber did not confirm its intent");
        } catch (IOException e) {
            return text(409, "Subscriber could not be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return text(500, "interrupted");
        }
        subscribers.computeIfAbsent(topic, k -> new CopyOnWriteArrayList<>()).add(callback);
        return new MockResponse.Builder().code(202).build();
    }

    private void distribute(URI topic, URI callback) {
        String body = contents.getOrDefault(topic, "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><id>"
                + topic + "</id></feed>");
        HttpRequest post = HttpRequest.newBuilder(callback).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/atom+xml")
                .header("Link", "<" + hubUri() + ">; rel=\"hub\", <" + topic + ">; rel=\"self\"")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            client.send(post, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // A hub retries an unreachable subscriber later; the fake does not.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static URI httpUrl(String s) {
        if (s == null) return null;
        try {
            URI u = URI.create(s.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> form, String key) {
        List<String> v = form.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Map<String, List<String>> form(String body) {
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static MockResponse text(int status, String body) {
        return new MockResponse.Builder().code(status).setHeader("Content-Type", "text/plain; charset=utf-8").body(body).build();
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return text(401, "Unauthorized");
            case RATE_LIMITED:
                return text(429, "Too Many Requests").newBuilder().setHeader("Retry-After", Long.toString(Math.max(1, fault.duration().toSeconds()))).build();
            default:
                return text(fault.status(), "Service Unavailable");
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return text(500, "Internal Server Error");
    }

    /** Settings for a {@link MockWebSubHub}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private int keepRequests = 1_000;

        private Builder() {}

        /** The clock (a {@link ManualClock} in tests). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** Keeps the last {@code count} requests for {@link MockService#recentRequests()} (default 1,000). */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /** Builds the fake, not started. */
        public MockWebSubHub build() {
            return new MockWebSubHub(this);
        }

        /** Builds and starts the fake. */
        public MockWebSubHub start() {
            return build().start();
        }
    }
}
