package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP client every syndicator shares: Apache HttpClient 5 with a connection pool,
 * connect and response timeouts, no automatic retries (retrying is the delivery layer's decision,
 * made with the network's own signal) and no redirects (a redirect would carry a bearer token to
 * wherever it points).
 *
 * <p>Two kinds of request go through it, on separate connection pools:
 * <ul>
 *   <li>{@link #execute} calls the networks' APIs at the endpoints the site configured, which it
 *       trusts wherever they are (a staging server, the test kit's fakes on {@code 127.0.0.1});
 *   <li>{@link #fetch} reads a URL someone else chose (an article page, its image, a feed) and
 *       follows its redirects; every connection it opens, on every hop, is checked after DNS
 *       resolution against the {@link FetchPolicy}, so a page cannot make Herald read
 *       {@code 127.0.0.1}, the private network or the cloud metadata service.
 * </ul>
 * Either way an answer's body is read within a total deadline, not only a per-read timeout: a
 * server dripping one byte at a time cannot hold a request for long.
 *
 * <p>Logs one debug line per request: method, URL with every given secret masked, status and time.
 * Headers and bodies are never logged.
 */
public final class HttpTransport implements Closeable {
    /** API answers larger than this many bytes are refused as an {@link IOException}. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** How many redirects {@link #fetch} follows. */
    public static final int MAX_REDIRECTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final String USER_AGENT = "Herald/0.1 (+https://herald.dev)";

    private final CloseableHttpClient client;
    private final CloseableHttpClient fetchClient;
    private final Duration deadline;

    private HttpTransport(Builder b) {
        this.client = client(b, SystemDefaultDnsResolver.INSTANCE);
        this.fetchClient = client(b, new GuardedDnsResolver(b.resolver, b.policy));
        this.deadline = b.deadline;
    }

    private static CloseableHttpClient client(Builder b, DnsResolver resolver) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(resolver)
                .setMaxConnTotal(b.maxConnections)
                .setMaxConnPerRoute(b.maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(b.connectTimeout))
                        .setSocketTimeout(Timeout.of(b.responseTimeout))
                        .build())
                .build();
        return HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(b.responseTimeout))
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
        return builder().build();
    }

    /** A transport with the given timeouts and up to 32 pooled connections. */
    public static HttpTransport create(Duration connectTimeout, Duration responseTimeout) {
        return builder().connectTimeout(connectTimeout).responseTimeout(responseTimeout).build();
    }

    /** A builder with the defaults of {@link #create()}, public addresses only for fetches, and a 30 s deadline. */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings for a {@link HttpTransport}. */
    public static final class Builder {
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(20);
        private Duration deadline = Duration.ofSeconds(30);
        private int maxConnections = 32;
        private FetchPolicy policy = FetchPolicy.PUBLIC_ONLY;
        private DnsResolver resolver = SystemDefaultDnsResolver.INSTANCE;

        private Builder() {}

        /** How long opening a connection may take (default 5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long the server may stay silent: before its answer and between two reads (default 20 s). */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /**
         * The most time one request may take from sending to its last body byte, all redirects of a
         * {@link HttpTransport#fetch} included (default 30 s). Checked between reads, so it may be
         * overrun by at most one {@link #responseTimeout}.
         */
        public Builder deadline(Duration deadline) {
            this.deadline = positive(deadline, "deadline");
            return this;
        }

        /** The most pooled connections, per pool (default 32). */
        public Builder maxConnections(int max) {
            Validate.isTrue(max > 0, "maxConnections", "must be positive");
            this.maxConnections = max;
            return this;
        }

        /** Which non-public hosts and networks {@link HttpTransport#fetch} may reach (default none). */
        public Builder fetchPolicy(FetchPolicy policy) {
            this.policy = Validate.notNull(policy, "policy");
            return this;
        }

        /** Where host names are looked up before the policy judges them; for tests that play DNS. */
        Builder resolver(DnsResolver resolver) {
            this.resolver = Validate.notNull(resolver, "resolver");
            return this;
        }

        /** The transport. */
        public HttpTransport build() {
            return new HttpTransport(this);
        }

        private static Duration positive(Duration d, String name) {
            Validate.notNull(d, name);
            Validate.isTrue(!d.isNegative() && !d.isZero(), name, "must be positive");
            return d;
        }
    }

    /**
     * What {@link #fetch} read.
     *
     * @param url where the answer came from, after redirects
     * @param reply the answer: any status but a followed redirect
     */
    public record Fetched(URI url, HttpReply reply) {
        /** Requires both. */
        public Fetched {
            Validate.notNull(url, "url");
            Validate.notNull(reply, "reply");
        }
    }

    /**
     * GETs a URL someone else chose (a page, an image, a feed) with no credentials, following up to
     * {@value #MAX_REDIRECTS} http(s) redirects, and reads an answer of at most {@code maxBodyBytes},
     * all within the deadline. Every connection, on every hop, must go to an address the
     * {@link FetchPolicy} permits.
     *
     * @param accept the {@code Accept} header
     * @return the final answer, whatever its status
     * @throws IOException when no answer arrives, the host is refused by the policy (the message says
     *     so), a redirect leads to a non-http(s) URL or there are too many, the body is larger than
     *     {@code maxBodyBytes}, or the deadline passes
     */
    public Fetched fetch(URI url, String accept, int maxBodyBytes) throws IOException {
        Validate.notNull(url, "url");
        Validate.notBlank(accept, "accept");
        Validate.isTrue(maxBodyBytes > 0, "maxBodyBytes", "must be positive");
        long deadlineAt = System.nanoTime() + deadline.toNanos();
        URI at = httpUrl(url, url);
        for (int hop = 0; ; hop++) {
            HttpGet get = new HttpGet(at);
            get.setHeader("Accept", accept);
            HttpReply reply = send(fetchClient, get, maxBodyBytes, deadlineAt);
            String location = reply.header("Location");
            if (reply.status() < 300 || reply.status() >= 400 || location == null) return new Fetched(at, reply);
            if (hop == MAX_REDIRECTS) throw new IOException("GET " + url + ": more than " + MAX_REDIRECTS + " redirects");
            try {
                at = httpUrl(at.resolve(location.strip()), url);
            } catch (IllegalArgumentException e) {
                throw new IOException("GET " + at + " redirects to an invalid URL: " + Validate.abbreviate(location));
            }
        }
    }

    private static URI httpUrl(URI u, URI start) throws IOException {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
            throw new IOException("GET " + start + ": not an absolute http(s) URL: " + Validate.abbreviate(u.toString()));
        }
        return u;
    }

    /**
     * Sends {@code call} to a configured endpoint and reads the whole answer (at most
     * {@link #MAX_BODY_BYTES}).
     *
     * @param secrets values to mask in the logged URL (a token in a path, a webhook URL)
     * @throws IOException when no answer arrives: refused or dropped connection, timeout, TLS failure
     */
    public HttpReply execute(HttpCall call, Secret... secrets) throws IOException {
        return execute(call, MAX_BODY_BYTES, secrets);
    }

    /**
     * Sends {@code call} to a configured endpoint and reads an answer of at most {@code maxBodyBytes}.
     *
     * @param secrets values to mask in the logged URL (a token in a path, a webhook URL)
     * @throws IOException when no answer arrives, the answer's body is larger than
     *     {@code maxBodyBytes}, or the deadline passes
     */
    public HttpReply execute(HttpCall call, int maxBodyBytes, Secret... secrets) throws IOException {
        Validate.notNull(call, "call");
        Validate.isTrue(maxBodyBytes > 0, "maxBodyBytes", "must be positive");
        Validate.notNull(secrets, "secrets");
        return send(client, request(call), maxBodyBytes, System.nanoTime() + deadline.toNanos(), secrets);
    }

    /** HttpClient's form of {@code call}: an {@link HttpUriRequestBase}, which {@link #read} can cancel. */
    private static HttpUriRequestBase request(HttpCall call) {
        HttpUriRequestBase request = new HttpUriRequestBase(call.method(), call.uri());
        call.headers().forEach(request::setHeader);
        if (call.contentType() != null) request.setEntity(new ByteArrayEntity(call.body(), ContentType.parse(call.contentType())));
        return request;
    }

    private HttpReply send(CloseableHttpClient via, HttpUriRequestBase request, int maxBodyBytes, long deadlineAt, Secret... secrets)
            throws IOException {
        long start = System.nanoTime();
        String target = masked(request.getMethod() + " " + request.getRequestUri() + " @ " + hostOf(request), secrets);
        try {
            if (start - deadlineAt >= 0) throw new IOException("the " + deadline.toSeconds() + " s deadline passed before the request");
            HttpReply reply = via.execute(request, response -> {
                Map<String, String> headers = new HashMap<>();
                for (Header h : response.getHeaders()) headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
                return new HttpReply(response.getCode(), headers, read(request, response.getEntity(), maxBodyBytes, deadlineAt));
            });
            if (LOG.isDebugEnabled()) LOG.debug("{} -> {} in {} ms", target, reply.status(), (System.nanoTime() - start) / 1_000_000);
            return reply;
        } catch (IOException e) {
            LOG.debug("{} failed: {}", target, masked(String.valueOf(e.getMessage()), secrets));
            throw e;
        }
    }

    private static String hostOf(HttpUriRequestBase request) {
        return request.getAuthority() == null ? "?" : request.getAuthority().toString();
    }

    private static String masked(String text, Secret... secrets) {
        String out = text;
        for (Secret s : secrets) out = s.maskIn(out);
        return out;
    }

    private byte[] read(HttpUriRequestBase request, HttpEntity entity, int max, long deadlineAt) throws IOException {
        if (entity == null) return new byte[0];
        InputStream in = entity.getContent();
        if (in == null) return new byte[0];
        try {
            byte[] buffer = new byte[(int) Math.min(max + 1L, 64 * 1024)];
            int length = 0;
            while (true) {
                // Each read waits at most the response timeout; the deadline bounds them all.
                if (System.nanoTime() - deadlineAt > 0) {
                    throw new IOException("the answer took longer than the " + deadline.toMillis() + " ms deadline");
                }
                if (length == buffer.length) {
                    if (length > max) throw new IOException("the answer is larger than " + max + " bytes");
                    buffer = Arrays.copyOf(buffer, (int) Math.min(max + 1L, buffer.length * 2L));
                }
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) break;
                length += n;
            }
            if (length > max) throw new IOException("the answer is larger than " + max + " bytes");
            in.close();
            return Arrays.copyOf(buffer, length);
        } catch (IOException e) {
            // Abort first: closing the body, or the client tidying up after us, would otherwise read
            // the rest of it to reuse the connection, which for a dripping or huge answer is what we refuse.
            request.cancel();
            try {
                in.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } finally {
            fetchClient.close();
        }
    }
}
