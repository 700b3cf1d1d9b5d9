package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client every syndicator shares: Apache HttpClient 5 with a connection pool,
 * connect and response timeouts, no automatic retries (retrying is the delivery layer's decision,
 * made with the network's own signal) and no redirects (a redirect would carry a bearer token to
 * wherever it points).
 *
 * <p>Logs one debug line per request: method, URL with every given secret masked, status and time.
 * Headers and bodies are never logged.
 */
public final class HttpTransport implements Closeable {
    /** API answers larger than this many bytes are refused as an {@link IOException}. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final String USER_AGENT = "Herald/0.1 (+https://herald.dev)";

    private final CloseableHttpClient client;

    private HttpTransport(Duration connectTimeout, Duration responseTimeout, int maxConnections) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(USER_AGENT)
                .build();
    }

    /** A transport with 5 s to connect, 20 s to answer, and up to 32 pooled connections. */
    public static HttpTransport create() {
        return create(Duration.ofSeconds(5), Duration.ofSeconds(20));
    }

    /** A transport with the given timeouts and up to 32 pooled connections. */
    public static HttpTransport create(Duration connectTimeout, Duration responseTimeout) {
        Validate.isTrue(!connectTimeout.isNegative() && !connectTimeout.isZero(), "connectTimeout", "must be positive");
        Validate.isTrue(!responseTimeout.isNegative() && !responseTimeout.isZero(), "responseTimeout", "must be positive");
        return new HttpTransport(connectTimeout, responseTimeout, 32);
    }

    /**
     * Sends {@code request} and reads the whole answer.
     *
     * @param secrets values to mask in the logged URL (a token in a path, a webhook URL)
     * @throws IOException when no answer arrives: refused or dropped connection, timeout, TLS failure
     */
    public HttpReply execute(ClassicHttpRequest request, Secret... secrets) throws IOException {
        return execute(request, MAX_BODY_BYTES, secrets);
    }

    /**
     * Sends {@code request} and reads an answer of at most {@code maxBodyBytes} (an image, say).
     *
     * @throws IOException when no answer arrives, or the answer's body is larger than {@code maxBodyBytes}
     */
    public HttpReply execute(ClassicHttpRequest request, int maxBodyBytes, Secret... secrets) throws IOException {
        Validate.isTrue(maxBodyBytes > 0, "maxBodyBytes", "must be positive");
        long start = System.nanoTime();
        String target = masked(request.getMethod() + " " + request.getRequestUri() + " @ " + hostOf(request), secrets);
        try {
            HttpReply reply = client.execute(request, response -> {
                Map<String, String> headers = new HashMap<>();
                for (Header h : response.getHeaders()) headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
                return new HttpReply(response.getCode(), headers, read(response.getEntity(), maxBodyBytes));
            });
            if (LOG.isDebugEnabled()) LOG.debug("{} -> {} in {} ms", target, reply.status(), (System.nanoTime() - start) / 1_000_000);
            return reply;
        } catch (IOException e) {
            LOG.debug("{} failed: {}", target, masked(String.valueOf(e.getMessage()), secrets));
            throw e;
        }
    }

    private static String hostOf(ClassicHttpRequest request) {
        return request.getAuthority() == null ? "?" : request.getAuthority().toString();
    }

    private static String masked(String text, Secret... secrets) {
        String out = text;
        for (Secret s : secrets) out = s.maskIn(out);
        return out;
    }

    private static byte[] read(HttpEntity entity, int max) throws IOException {
        if (entity == null) return new byte[0];
        try (InputStream in = entity.getContent()) {
            if (in == null) return new byte[0];
            byte[] body = in.readNBytes(max);
            // Reading no further and closing drops the connection rather than draining a huge answer.
            if (in.read() >= 0) throw new IOException("the answer is larger than " + max + " bytes");
            return body;
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
