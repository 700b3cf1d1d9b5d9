package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpTransport#fetch}: the address guard on every hop, redirects, the body deadline; against
 * a real HTTP server on loopback, with DNS played by a table so a name can point at a private address.
 */
class HttpTransportFetchTest {
    private final MockWebServer server = new MockWebServer();
    private final List<String> lookedUp = new CopyOnWriteArrayList<>();
    /** Test DNS: these names resolve as listed, everything else as the system says. */
    private final Map<String, String> dns = Map.of(
            "news.test", "127.0.0.1",          // the article's site: allow-listed by name in the tests that need it
            "intranet.test", "10.0.0.7",       // a private address
            "sneaky.test", "93.184.216.34,192.168.1.1");
    private final DnsResolver resolver = new DnsResolver() {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            lookedUp.add(host);
            String listed = dns.get(host);
            if (listed == null) return SystemDefaultDnsResolver.INSTANCE.resolve(host);
            String[] parts = listed.split(",");
            InetAddress[] out = new InetAddress[parts.length];
            for (int i = 0; i < parts.length; i++) out[i] = InetAddress.getByName(parts[i]);
            return out;
        }

        @Override
        public String resolveCanonicalHostname(String host) {
            return host;
        }
    };

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpTransport transport(FetchPolicy policy) {
        return HttpTransport.builder().fetchPolicy(policy).resolver(resolver).build();
    }

    private URI at(String host, String path) {
        return URI.create("http://" + host + ":" + server.getPort() + path);
    }

    private static MockResponse redirect(String location) {
        return new MockResponse.Builder().code(302).setHeader("Location", location).build();
    }

    private static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/plain").body(body).build();
    }

    @Test
    void refusesAUrlOnLoopbackByDefault() throws IOException {
        server.enqueue(ok("secret"));
        try (HttpTransport http = transport(FetchPolicy.PUBLIC_ONLY)) {
            IOException e = assertThrows(IOException.class, () -> http.fetch(at("127.0.0.1", "/admin"), "*/*", 1000));
            assertTrue(e.getMessage().contains("127.0.0.1") && e.getMessage().contains("not a public address"), e.getMessage());
        }
        assertEquals(0, server.getRequestCount(), "no connection was made");
    }

    @Test
    void refusesARedirectTo127001() throws IOException {
        server.enqueue(redirect("http://127.0.0.1:" + server.getPort() + "/admin"));
        server.enqueue(ok("secret"));
        try (HttpTransport http = transport(FetchPolicy.allowing("news.test"))) {
            IOException e = assertThrows(IOException.class, () -> http.fetch(at("news.test", "/article"), "*/*", 1000));
            assertTrue(e.getMessage().contains("not a public address"), e.getMessage());
        }
        assertEquals(1, server.getRequestCount(), "the redirect's target was never requested");
    }

    @Test
    void refusesARedirectToANameResolvingToAPrivateAddress() throws IOException {
        server.enqueue(redirect("http://intranet.test/payroll"));
        try (HttpTransport http = transport(FetchPolicy.allowing("news.test"))) {
            IOException e = assertThrows(IOException.class, () -> http.fetch(at("news.test", "/article"), "*/*", 1000));
            assertTrue(e.getMessage().contains("intranet.test (10.0.0.7)"), e.getMessage());
        }
        assertTrue(lookedUp.contains("intranet.test"), "refused after DNS resolution: " + lookedUp);
    }

    @Test
    void refusesANameWithAnyPrivateAddressAmongItsPublicOnes() throws IOException {
        try (HttpTransport http = transport(FetchPolicy.PUBLIC_ONLY)) {
            IOException e = assertThrows(IOException.class, () -> http.fetch(URI.create("http://sneaky.test/"), "*/*", 1000));
            assertTrue(e.getMessage().contains("192.168.1.1"), e.getMessage());
        }
    }

    @Test
    void refusesTheCloudMetadataAddressAndIpv6Loopback() throws IOException {
        try (HttpTransport http = transport(FetchPolicy.PUBLIC_ONLY)) {
            for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://[::1]:" + server.getPort() + "/",
                    "http://[::ffff:127.0.0.1]:" + server.getPort() + "/", "http://0.0.0.0:" + server.getPort() + "/")) {
                IOException e = assertThrows(IOException.class, () -> http.fetch(URI.create(url), "*/*", 1000), url);
                assertTrue(e.getMessage().contains("not a public address"), url + ": " + e.getMessage());
            }
        }
        assertEquals(0, server.getRequestCount());
    }

    @Test
    void theAllowListLetsAnInternalHostThrough() throws IOException {
        server.enqueue(redirect("http://127.0.0.1:" + server.getPort() + "/images/lead.png"));
        server.enqueue(ok("pixels"));
        try (HttpTransport http = transport(FetchPolicy.allowing("news.test", "127.0.0.0/8"))) {
            HttpTransport.Fetched f = http.fetch(at("news.test", "/img"), "image/*", 1000);
            assertEquals(200, f.reply().status());
            assertArrayEquals("pixels".getBytes(StandardCharsets.UTF_8), f.reply().body());
            assertEquals(at("127.0.0.1", "/images/lead.png"), f.url(), "the final URL after the redirect");
        }
    }

    @Test
    void anAllowListedNameMayResolveToAPrivateAddress() throws IOException {
        server.enqueue(ok("feed"));
        try (HttpTransport http = transport(FetchPolicy.allowing("*.test"))) {
            assertEquals(200, http.fetch(at("news.test", "/feed.xml"), "*/*", 1000).reply().status());
        }
    }

    @Test
    void refusesARedirectToAnotherScheme() throws IOException {
        server.enqueue(redirect("file:///etc/passwd"));
        try (HttpTransport http = transport(FetchPolicy.allowing("127.0.0.1"))) {
            IOException e = assertThrows(IOException.class, () -> http.fetch(at("127.0.0.1", "/a"), "*/*", 1000));
            assertTrue(e.getMessage().contains("not an absolute http(s) URL"), e.getMessage());
        }
    }

    @Test
    void followsFiveRedirectsButNotASixth() throws IOException {
        for (int i = 1; i <= 5; i++) server.enqueue(redirect("/hop" + i));
        server.enqueue(ok("end"));
        for (int i = 1; i <= 6; i++) server.enqueue(redirect("/again" + i));
        try (HttpTransport http = transport(FetchPolicy.allowing("127.0.0.1"))) {
            assertEquals("end", http.fetch(at("127.0.0.1", "/start"), "*/*", 1000).reply().text());
            IOException e = assertThrows(IOException.class, () -> http.fetch(at("127.0.0.1", "/loop"), "*/*", 1000));
            assertTrue(e.getMessage().contains("more than 5 redirects"), e.getMessage());
        }
    }

    @Test
    void aDrippingBodyIsCutOffAtTheDeadline() throws IOException {
        // 2000 bytes at one byte every 50 ms would take 100 s; the deadline is 300 ms.
        server.enqueue(new MockResponse.Builder().code(200).body("x".repeat(2000)).throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
        try (HttpTransport http = HttpTransport.builder().fetchPolicy(FetchPolicy.allowing("127.0.0.1"))
                .deadline(Duration.ofMillis(300)).responseTimeout(Duration.ofSeconds(5)).build()) {
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(IOException.class, () -> http.fetch(at("127.0.0.1", "/slow"), "*/*", 10_000)));
            assertTrue(e.getMessage().contains("300 ms deadline"), e.getMessage());
        }
    }

    @Test
    void anApiAnswerDrippingPastTheDeadlineFailsToo() throws IOException {
        server.enqueue(new MockResponse.Builder().code(200).body("{}".repeat(1000)).throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
        try (HttpTransport http = HttpTransport.builder().deadline(Duration.ofMillis(300)).build()) {
            IOException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> assertThrows(IOException.class, () -> http.execute(HttpCall.get(at("127.0.0.1", "/api")))));
            assertTrue(e.getMessage().contains("deadline"), e.getMessage());
        }
    }

    @Test
    void anAnswerLargerThanTheCapIsRefused() throws IOException {
        server.enqueue(ok("y".repeat(5000)));
        try (HttpTransport http = transport(FetchPolicy.allowing("127.0.0.1"))) {
            IOException e = assertThrows(IOException.class, () -> http.fetch(at("127.0.0.1", "/big"), "*/*", 4999));
            assertTrue(e.getMessage().contains("larger than 4999 bytes"), e.getMessage());
        }
    }

    @Test
    void configuredApiEndpointsOnLoopbackAreNotGuarded() throws IOException {
        server.enqueue(ok("{\"ok\":true}"));
        try (HttpTransport http = transport(FetchPolicy.PUBLIC_ONLY)) {
            HttpReply reply = http.execute(HttpCall.get(at("127.0.0.1", "/api/v1/statuses")));
            assertEquals(200, reply.status());
        }
    }
}
