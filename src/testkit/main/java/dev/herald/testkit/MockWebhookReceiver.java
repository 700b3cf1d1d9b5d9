package dev.herald.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.webhook.WebhookSignature;
import dev.herald.syndication.webhook.WebhookSignature.Failure;
import dev.herald.syndication.webhook.WebhookSignature.VerificationException;
import dev.herald.syndication.webhook.WebhookSignature.Verified;
import dev.herald.syndication.webhook.WebhookSyndicator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A webhook endpoint that behaves like a careful Standard Webhooks consumer: it verifies
 * {@code webhook-id}, {@code webhook-timestamp} and {@code webhook-signature} with
 * {@link WebhookSignature} (the same code Herald signs with), rejects failures (400 for a missing or
 * malformed header, 401 for a stale timestamp or a bad signature), processes each
 * {@code webhook-id} once and answers a redelivery 200 without processing it again, and keeps the
 * JSON payloads for assertions.
 *
 * <pre>{@code
 * try (MockWebhookReceiver hooks = MockWebhookReceiver.builder().build().start()) {
 *     send(hooks.uri("/webhook"), hooks.secret());
 *     assertEquals(1, hooks.uniqueCount());
 *     assertEquals("Iran retaliates", hooks.deliveries().get(0).payload().at("/title").asText());
 * }
 * }</pre>
 *
 * <p>Only POST to the configured path ({@code /webhook} by default) is a webhook; anything else gets
 * 404 or 405. Thread-safe.
 */
public final class MockWebhookReceiver extends MockService {
    /** The default path that accepts webhooks. */
    public static final String DEFAULT_PATH = "/webhook";

    private final List<String> secrets;
    private final WebhookSignature.Verifier verifier;
    private final String path;
    private final int successStatus;
    private final int keepPayloads;
    private final Map<String, WebhookDelivery> byId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<WebhookDelivery> inOrder = new ArrayList<>();
    private final Map<Failure, AtomicInteger> rejections = new EnumMap<>(Failure.class);
    private final AtomicInteger invalidJson = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger redeliveries = new AtomicInteger();

    private MockWebhookReceiver(Builder b) {
        super(b.clock, b.keepRequests);
        this.secrets = b.secrets.isEmpty() ? List.of(WebhookSignature.generateSecret()) : List.copyOf(b.secrets);
        this.verifier = b.verify ? WebhookSignature.of(secrets).verifier(b.clock, b.tolerance) : null;
        this.path = b.path;
        this.successStatus = b.successStatus;
        this.keepPayloads = b.keepPayloads;
        for (Failure f : Failure.values()) rejections.put(f, new AtomicInteger());
    }

    /** A receiver with a freshly generated secret, the system clock and the default 5-minute tolerance (not started). */
    public MockWebhookReceiver() {
        this(builder());
    }

    /** Returns a builder for a receiver with non-default settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on a free loopback port and returns this receiver; idempotent. */
    public MockWebhookReceiver start() {
        startServer();
        return this;
    }

    /** {@code webhook}: the network whose syndicator this fake answers. */
    @Override
    public String network() {
        return WebhookSyndicator.NETWORK;
    }

    /** {@link #webhookUri()}: an account's {@code url} points here. */
    @Override
    public java.net.URI endpoint() {
        return webhookUri();
    }

    /** The URL senders should post to. */
    public java.net.URI webhookUri() {
        return uri(path);
    }

    /** The receiver's current secret ({@code whsec_…}), to configure the sender with. */
    public String secret() {
        return secrets.get(0);
    }

    /** All secrets the receiver accepts, current first. */
    public List<String> secrets() {
        return secrets;
    }

    /** Messages accepted for the first time, in arrival order (redeliveries not repeated). */
    public List<WebhookDelivery> deliveries() {
        synchronized (inOrder) {
            return List.copyOf(inOrder);
        }
    }

    /** The first accepted delivery with this {@code webhook-id}, if any. */
    public Optional<WebhookDelivery> delivery(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The JSON payloads of {@link #deliveries()}, in order (those past the payload budget are skipped). */
    public List<JsonNode> payloads() {
        List<JsonNode> out = new ArrayList<>();
        for (WebhookDelivery d : deliveries()) if (d.payload() != null) out.add(d.payload());
        return out;
    }

    /** The distinct {@code webhook-id}s accepted. */
    public Set<String> ids() {
        return Set.copyOf(byId.keySet());
    }

    /** Correctly signed requests accepted, redeliveries included. */
    public int deliveryCount() {
        return accepted.get();
    }

    /** Distinct messages accepted. */
    public int uniqueCount() {
        return byId.size();
    }

    /** Correctly signed requests that repeated an id already accepted (answered 200, not processed again). */
    public int redeliveryCount() {
        return redeliveries.get();
    }

    /** How many correctly signed requests carried this {@code webhook-id}. */
    public int attempts(String id) {
        AtomicInteger n = attempts.get(id);
        return n == null ? 0 : n.get();
    }

    /** Requests rejected for {@code failure}. */
    public int rejectedCount(Failure failure) {
        return rejections.get(Validate.notNull(failure, "failure")).get();
    }

    /** Requests rejected for any signature or header reason, or for a body that is not JSON. */
    public int rejectedCount() {
        int n = invalidJson.get();
        for (AtomicInteger c : rejections.values()) n += c.get();
        return n;
    }

    /**
     * Waits until at least {@code count} distinct messages were accepted or {@code timeout} passed;
     * returns whether the count was reached. For asynchronous senders: the wait ends as soon as the
     * message arrives, so it does not slow a passing test.
     */
    public boolean awaitUnique(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inOrder) {
            while (byId.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) return false;
                inOrder.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    /**
     * Waits until at least {@code count} messages were accepted in all, repeats included, while
     * {@code keepWaiting} holds (a sender process is alive, say) and {@code timeout} has not passed;
     * returns whether the count was reached.
     */
    public boolean awaitDeliveries(int count, Duration timeout, java.util.function.BooleanSupplier keepWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (inOrder) {
            while (deliveryCount() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !keepWaiting.getAsBoolean()) return false;
                // Short slices: keepWaiting can turn false without any delivery to wake us.
                inOrder.wait(Math.max(1, Math.min(100, left / 1_000_000)));
            }
        }
        return true;
    }

    @Override
    MockResponse handle(RecordedRequest request) {
        if (!path.equals(request.getUrl().encodedPath())) {
            return json(404, errorBody("not_found", "no webhook endpoint at this path")).build();
        }
        if (!"POST".equals(request.getMethod())) {
            return json(405, errorBody("method_not_allowed", "webhooks are POSTed")).setHeader("Allow", "POST").build();
        }
        byte[] body = body(request);
        Verified verified;
        try {
            verified = verify(request, body);
        } catch (VerificationException e) {
            rejections.get(e.failure()).incrementAndGet();
            int status = e.failure() == Failure.MISSING_HEADER || e.failure() == Failure.MALFORMED_TIMESTAMP ? 400 : 401;
            return json(status, errorBody(e.failure().name().toLowerCase(java.util.Locale.ROOT), e.getMessage())).build();
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
            if (payload == null || payload.isMissingNode()) throw new IOException("empty body");
        } catch (IOException e) {
            invalidJson.incrementAndGet();
            return json(400, errorBody("invalid_json", "the body is not a JSON document")).build();
        }
        accepted.incrementAndGet();
        attempts.computeIfAbsent(verified.id(), k -> new AtomicInteger()).incrementAndGet();
        synchronized (inOrder) {
            if (byId.containsKey(verified.id())) {
                redeliveries.incrementAndGet();
                inOrder.notifyAll();
                return json(successStatus, Map.of("received", true, "duplicate", true)).build();
            }
            boolean keep = inOrder.size() < keepPayloads;
            WebhookDelivery d = new WebhookDelivery(verified.id(), verified.timestamp(), clock.instant(),
                    keep ? payload : null, keep ? new String(body, StandardCharsets.UTF_8) : null);
            byId.put(d.id(), d);
            inOrder.add(d);
            inOrder.notifyAll();
        }
        return json(successStatus, Map.of("received", true)).build();
    }

    private Verified verify(RecordedRequest request, byte[] body) {
        if (verifier != null) return verifier.verify(name -> header(request, name), body);
        // Unsigned mode still needs an id to deduplicate on; the timestamp is taken on trust.
        String id = header(request, WebhookSignature.ID_HEADER);
        if (id == null || id.isBlank()) throw new VerificationException(Failure.MISSING_HEADER, "missing header " + WebhookSignature.ID_HEADER);
        String ts = header(request, WebhookSignature.TIMESTAMP_HEADER);
        Instant at = clock.instant();
        if (ts != null) {
            try {
                at = Instant.ofEpochSecond(Long.parseLong(ts.strip()));
            } catch (NumberFormatException ignored) {
                // Unsigned mode is lenient about the timestamp.
            }
        }
        return new Verified(id.strip(), at);
    }

    @Override
    MockResponse faultResponse(Fault fault, RecordedRequest request) {
        switch (fault.kind()) {
            case UNAUTHORIZED:
                return json(401, errorBody("unauthorized", "injected failure")).build();
            case RATE_LIMITED:
                return json(429, errorBody("rate_limited", "slow down"))
                        .setHeader("Retry-After", Long.toString(Math.max(1, fault.duration().toSeconds())))
                        .build();
            default:
                return new MockResponse.Builder().code(fault.status())
                        .setHeader("Content-Type", "text/plain; charset=utf-8")
                        .body(fault.status() + " injected failure\n")
                        .build();
        }
    }

    @Override
    MockResponse internalError(RecordedRequest request) {
        return new MockResponse.Builder().code(500).body("internal error in MockWebhookReceiver\n").build();
    }

    /** Settings for a {@link MockWebhookReceiver}. */
    public static final class Builder {
        private final List<String> secrets = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration tolerance = WebhookSignature.DEFAULT_TOLERANCE;
        private String path = DEFAULT_PATH;
        private int successStatus = 200;
        private int keepPayloads = 100_000;
        private int keepRequests = 1_000;
        private boolean verify = true;

        private Builder() {}

        /** The secrets ({@code whsec_…} or base64) the receiver accepts, current first; one is generated when none is given. */
        public Builder secrets(String... secrets) {
            Validate.notNull(secrets, "secrets");
            WebhookSignature.of(secrets); // fail here, naming the bad one, rather than at build()
            this.secrets.clear();
            this.secrets.addAll(List.of(secrets));
            return this;
        }

        /** The clock timestamps are checked against (a {@link ManualClock} in tests). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** How far {@code webhook-timestamp} may be from the clock; 5 minutes by default. */
        public Builder tolerance(Duration tolerance) {
            Validate.notNull(tolerance, "tolerance");
            Validate.isTrue(!tolerance.isNegative(), "tolerance", "must not be negative");
            this.tolerance = tolerance;
            return this;
        }

        /** The path that accepts webhooks; {@value MockWebhookReceiver#DEFAULT_PATH} by default. */
        public Builder path(String path) {
            Validate.notBlank(path, "path");
            Validate.isTrue(path.startsWith("/"), "path", "must start with /");
            this.path = path;
            return this;
        }

        /** The 2xx status to answer accepted deliveries with; 200 by default. */
        public Builder successStatus(int status) {
            Validate.isTrue(status >= 200 && status <= 299, "status", "must be 2xx");
            this.successStatus = status;
            return this;
        }

        /** How many payloads to keep (ids and counts are always kept); 100,000 by default. */
        public Builder keepPayloads(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepPayloads = count;
            return this;
        }

        /** How many recent raw requests to keep for {@link #recentRequests()}; 1,000 by default. */
        public Builder keepRequests(int count) {
            Validate.isTrue(count >= 0, "count", "must not be negative");
            this.keepRequests = count;
            return this;
        }

        /**
         * Accepts unsigned webhooks, requiring only {@code webhook-id}: for senders that do not sign
         * (yet). Deduplication still applies.
         */
        public Builder unsigned() {
            this.verify = false;
            return this;
        }

        /** Builds the receiver (not yet started). */
        public MockWebhookReceiver build() {
            return new MockWebhookReceiver(this);
        }

        /** Builds and starts the receiver. */
        public MockWebhookReceiver start() {
            return build().start();
        }
    }
}
