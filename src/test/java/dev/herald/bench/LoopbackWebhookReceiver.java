package dev.herald.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast webhook receiver on the JDK's HTTP server for the benchmark: dedupes by
 * {@code webhook-id} like the test kit's {@code MockWebhookReceiver}, but answers in well under a millisecond, so the
 * benchmark measures Herald rather than the fake.
 */
public final class LoopbackWebhookReceiver implements AutoCloseable {
    private static final byte[] OK = "{\"received\":true}".getBytes(StandardCharsets.UTF_8);
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(32);
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final AtomicInteger total = new AtomicInteger();

    /** Starts the receiver on a free port of 127.0.0.1. */
    public LoopbackWebhookReceiver() throws IOException {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK: about 40 ms per request, and the benchmark would measure that.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        server.createContext("/hooks/herald", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.readAllBytes();
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id == null) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            keys.add(id);
            total.incrementAndGet();
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, OK.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(OK);
            }
        });
        server.setExecutor(pool);
        server.start();
    }

    /** The URL to post to. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/herald";
    }

    /** Deliveries received, repeats included. */
    public int total() {
        return total.get();
    }

    /** Deliveries whose webhook-id was seen before. */
    public int repeats() {
        return total.get() - keys.size();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
