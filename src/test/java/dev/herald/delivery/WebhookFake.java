package dev.herald.delivery;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A webhook receiver on MockWebServer that behaves like a Standard Webhooks consumer: it processes
 * the first delivery of each {@code webhook-id} and acknowledges repeats without processing them
 * again. It counts both, so tests can tell "received exactly once" from "deduplicated".
 *
 * <p>The proofs use it rather than the test kit's MockWebhookReceiver because they wait for a
 * total number of deliveries while watching that the worker process is still alive, and verify
 * nothing but the idempotency key in {@code webhook-id}.
 */
public final class WebhookFake implements AutoCloseable {
    private final MockWebServer server = new MockWebServer();
    private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    /** Starts the receiver on a free loopback port. */
    public WebhookFake() throws IOException {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String id = request.getHeaders().get("webhook-id");
                if (!"POST".equals(request.getMethod()) || id == null || id.isBlank()) {
                    return new MockResponse.Builder().code(400).body("{\"error\":\"webhook-id required\"}").build();
                }
                deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                total.incrementAndGet();
                synchronized (WebhookFake.this) {
                    WebhookFake.this.notifyAll();
                }
                return new MockResponse.Builder().code(200).body("{\"received\":true}").build();
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    /** The receiver's URL. */
    public String url() {
        return server.url("/hooks/herald").toString();
    }

    /** Deliveries received, repeats included. */
    public int total() {
        return total.get();
    }

    /** The distinct idempotency keys processed. */
    public Set<String> keys() {
        return Set.copyOf(deliveries.keySet());
    }

    /** How many deliveries repeated a key already processed. */
    public int repeats() {
        return total.get() - deliveries.size();
    }

    /**
     * Waits until at least {@code count} deliveries arrived, {@code timeout} passed, or
     * {@code keepWaiting} turns false; returns whether the count was reached.
     */
    synchronized boolean awaitTotal(int count, Duration timeout, BooleanSupplier keepWaiting) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total.get() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0 || !keepWaiting.getAsBoolean()) return false;
            wait(Math.max(1, Math.min(100, left / 1_000_000)));
        }
        return true;
    }

    /** Stops the receiver. */
    @Override
    public void close() {
        server.close();
    }
}
