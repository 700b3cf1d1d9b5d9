package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpTransport#execute(HttpCall, Secret...)} sends exactly what the call holds; against a real HTTP server on loopback. */
class HttpTransportExecuteTest {
    private final MockWebServer server = new MockWebServer();
    private final HttpTransport http = HttpTransport.create();

    @BeforeEach
    void start() throws IOException {
        server.start(InetAddress.getByName("127.0.0.1"), 0);
    }

    @AfterEach
    void stop() throws IOException {
        http.close();
        server.close();
    }

    private URI at(String path) {
        return server.url(path).uri();
    }

    @Test
    void sendsTheMethodUriHeadersAndJsonBodyOfTheCall() throws Exception {
        server.enqueue(new MockResponse.Builder().code(201).setHeader("Location", "/v1/posts/7").body("{\"id\":\"7\"}").build());

        HttpReply reply = http.execute(HttpCall.post(at("/v1/posts?draft=1"))
                .header("Authorization", "Bearer tok")
                .header("Idempotency-Key", "k-1")
                .json("{\"text\":\"Zoë\"}".getBytes(StandardCharsets.UTF_8)));

        RecordedRequest sent = server.takeRequest();
        assertEquals("POST", sent.getMethod());
        assertEquals("/v1/posts?draft=1", sent.getTarget());
        assertEquals("Bearer tok", sent.getHeaders().get("Authorization"));
        assertEquals("k-1", sent.getHeaders().get("Idempotency-Key"));
        assertEquals("application/json; charset=UTF-8", sent.getHeaders().get("Content-Type"));
        assertEquals("{\"text\":\"Zoë\"}", sent.getBody().utf8());
        assertEquals(201, reply.status());
        assertEquals("/v1/posts/7", reply.header("location"));
        assertEquals("{\"id\":\"7\"}", reply.text());
    }

    @Test
    void sendsAFormWithItsFieldsInOrderAndAPutOrDeleteWithItsMethod() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).build());
        server.enqueue(new MockResponse.Builder().code(201).build());
        server.enqueue(new MockResponse.Builder().code(204).build());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", "r/1+2 3");

        http.execute(HttpCall.post(at("/oauth/token")).form(form));
        http.execute(HttpCall.put(at("/upload")).body(new byte[] {1, 2, 3}, "image/png"));
        http.execute(HttpCall.delete(at("/v1/posts/7")));

        RecordedRequest token = server.takeRequest();
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", token.getHeaders().get("Content-Type"));
        assertEquals("grant_type=refresh_token&refresh_token=r%2F1%2B2+3", token.getBody().utf8());
        RecordedRequest upload = server.takeRequest();
        assertEquals("PUT", upload.getMethod());
        assertEquals("image/png", upload.getHeaders().get("Content-Type"));
        assertEquals(3, upload.getBody().size());
        RecordedRequest delete = server.takeRequest();
        assertEquals("DELETE", delete.getMethod());
        assertNull(delete.getHeaders().get("Content-Type"));
    }
}
