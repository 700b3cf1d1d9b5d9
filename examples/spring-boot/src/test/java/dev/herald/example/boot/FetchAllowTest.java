package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.herald.syndication.HttpTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** herald.yaml's {@code fetch: allow:} reaches the HTTP client Spring Boot builds for Herald. */
@SpringBootTest
class FetchAllowTest {
    private static final Path FOLDER = OutboxChecks.freshFolder();
    private static final HttpServer CMS = cms();

    private static HttpServer cms() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] page = "<html><title>Harbour</title></html>".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void config(DynamicPropertyRegistry registry) throws IOException {
        Path yaml = Files.writeString(FOLDER.resolve("herald.yaml"), """
                fetch:
                  allow: [127.0.0.1]
                accounts:
                  - name: newsroom-hook
                    network: webhook
                    url: https://hooks.harbour.example/herald
                    secrets: ["${sys:herald.example.webhook-secret}"]
                """);
        System.setProperty("herald.example.webhook-secret", "whsec_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        registry.add("herald.syndication.config", () -> yaml.toUri().toString());
        registry.add("herald.delivery.database", () -> FOLDER.resolve("herald").toString());
    }

    @AfterAll
    static void stop() {
        CMS.stop(0);
    }

    @Autowired
    HttpTransport http;

    @Test
    void readsAPageFromAHostTheYamlAllowsAndStillRefusesOtherPrivateOnes() throws IOException {
        URI page = URI.create("http://127.0.0.1:" + CMS.getAddress().getPort() + "/harbour");
        assertEquals(200, http.fetch(page, "text/html", 10_000).reply().status());
        URI other = URI.create("http://[::1]:" + CMS.getAddress().getPort() + "/harbour");
        IOException refused = assertThrows(IOException.class, () -> http.fetch(other, "text/html", 10_000));
        assertTrue(refused.getMessage().contains("::1"), refused.getMessage());
    }
}
