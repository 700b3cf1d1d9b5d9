package dev.herald.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Validate;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * What every fake shares: a loopback {@link MockWebServer} whose {@link Dispatcher} runs the
 * network's behaviour, failure injection, a bounded log of recent requests and a clock.
 *
 * <p>MockWebServer itself queues every request it sees for {@code takeRequest()}; a fake drains that
 * queue as it goes and keeps only the most recent requests, so a 10,000-post load test does not
 * hold every body in memory.
 */
public abstract class MockService implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(MockService.class.getName());

    final Clock clock;
    private final MockWebServer server = new MockWebServer();
    private final FaultPlan faults = new FaultPlan();
    private final int keepRequests;
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();
    private final AtomicInteger requestCount = new AtomicInteger();
    private boolean started;

    MockService(Clock clock, int keepRequests) {
        this.clock = Validate.notNull(clock, "clock");
        Validate.isTrue(keepRequests >= 0, "keepRequests", "must not be negative");
        this.keepRequests = keepRequests;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return MockService.this.dispatch(request);
            }
        });
    }

    /** Starts listening on a free loopback port; calling it again does nothing. */
    final synchronized void startServer() {
        if (started) return;
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + getClass().getSimpleName(), e);
        }
        started = true;
    }

    /** The base URL of this fake, such as {@code http://127.0.0.1:54321/}; point the client under test here. */
    public URI baseUri() {
        return server.url("/").uri();
    }

    /**
     * The network this fake plays, as its {@link dev.herald.syndication.NetworkProvider#name()} says
     * ({@code mastodon}): an account of that network can be pointed at it.
     */
    public abstract String network();

    /**
     * Where an account's base-URL setting ({@link dev.herald.syndication.config.NetworkSpec#baseUrl()})
     * points to use this fake: {@link #baseUri()} unless the fake listens on a path of its own.
     */
    public URI endpoint() {
        return baseUri();
    }

    /**
     * {@code config} with account {@code account}'s base URL pointed at this fake, so a site's own
     * {@code herald.yaml} runs against it.
     *
     * @throws IllegalArgumentException when the account is on another network than this fake plays
     */
    public SyndicationConfig serve(SyndicationConfig config, String account) {
        Validate.notNull(config, "config");
        String accountNetwork = config.account(account).network();
        Validate.isTrue(accountNetwork.equals(network()), "account " + account,
                "is a " + accountNetwork + " account; " + getClass().getSimpleName() + " plays " + network());
        return config.withBaseUrl(account, endpoint());
    }

    /** The absolute URL of {@code path} on this fake. */
    public URI uri(String path) {
        Validate.notNull(path, "path");
        return server.url(path).uri();
    }

    /** The underlying MockWebServer, for what the fake does not cover (its request queue is drained by the fake). */
    public MockWebServer server() {
        return server;
    }

    /** Makes the next {@code count} matching requests suffer {@code fault}; faults queue up in order. */
    public void failNext(int count, Fault fault) {
        Validate.isTrue(count > 0, "count", "must be positive");
        faults.add(Validate.notNull(fault, "fault"), count);
    }

    /** Makes every matching request suffer {@code fault} until {@link #clearFailures()}. */
    public void failAlways(Fault fault) {
        faults.add(Validate.notNull(fault, "fault"), -1);
    }

    /** Removes every pending fault; the fake behaves normally again. */
    public void clearFailures() {
        faults.clear();
    }

    /** How many faults have been injected so far. */
    public int injectedFailureCount() {
        return faults.injected();
    }

    /** How many HTTP requests the fake has received, of any kind, including failed ones. */
    public int requestCount() {
        return requestCount.get();
    }

    /** The most recent requests received, oldest first (at most the number configured, 1,000 by default). */
    public synchronized List<RecordedRequest> recentRequests() {
        return new ArrayList<>(recent);
    }

    /** The most recent request received, or null before the first. */
    public synchronized RecordedRequest lastRequest() {
        return recent.peekLast();
    }

    /** Stops the server and releases its port. */
    @Override
    public void close() {
        server.close();
    }

    private MockResponse dispatch(RecordedRequest request) {
        drainServerQueue();
        remember(request);
        requestCount.incrementAndGet();
        String path = request.getUrl().encodedPath();
        Fault fault = faults.next(path);
        try {
            if (fault == null) return handle(request);
            switch (fault.kind()) {
                case DROP_CONNECTION:
                    return dropped();
                case DROP_RESPONSE:
                    handle(request);
                    return dropped();
                case SLOW:
                    return handle(request).newBuilder().headersDelay(fault.duration().toMillis(), TimeUnit.MILLISECONDS).build();
                default:
                    return faultResponse(fault, request);
            }
        } catch (RuntimeException e) {
            // A bug in the fake must show as a 500 the test can see, not as a hung client.
            LOG.log(Level.WARNING, getClass().getSimpleName() + " failed on " + request.getRequestLine(), e);
            return internalError(request);
        }
    }

    private void drainServerQueue() {
        try {
            while (server.takeRequest(0, TimeUnit.NANOSECONDS) != null) {
                // Discard: the fake keeps its own bounded log.
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void remember(RecordedRequest request) {
        if (keepRequests == 0) return;
        if (recent.size() == keepRequests) recent.removeFirst();
        recent.addLast(request);
    }

    private static MockResponse dropped() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
    }

    /** The network's answer to a request, following its real rules. */
    abstract MockResponse handle(RecordedRequest request);

    /** The network's rendering of an injected 401, 429 or 5xx. */
    abstract MockResponse faultResponse(Fault fault, RecordedRequest request);

    /** The network's rendering of an unexpected failure inside the fake. */
    abstract MockResponse internalError(RecordedRequest request);

    static MockResponse.Builder json(int code, Object body) {
        try {
            return new MockResponse.Builder()
                    .code(code)
                    .setHeader("Content-Type", "application/json; charset=utf-8")
                    .body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fake could not write its own JSON", e);
        }
    }

    /** {@code {"error": error, "message": message}} in that order (Map.of would not keep it). */
    static Map<String, Object> errorBody(String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return body;
    }

    static String header(RecordedRequest request, String name) {
        return request.getHeaders().get(name);
    }

    static byte[] body(RecordedRequest request) {
        return request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
    }

    static String bearer(RecordedRequest request) {
        String auth = header(request, "Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String token = auth.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
