package dev.herald.page.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A plain HTTP/1.1 client for the tests: no redirects followed, no decompression. */
public final class Http {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Sends {@code method} to {@code uri} with {@code headers} (name, value, name, value...). */
    public HttpResponse<byte[]> send(String method, URI uri, String... headers) throws IOException, InterruptedException {
        return client.send(request(method, uri, headers), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET of {@code uri}. */
    public HttpResponse<byte[]> get(URI uri, String... headers) throws IOException, InterruptedException {
        return send("GET", uri, headers);
    }

    /** A GET whose body is read as it arrives. */
    public HttpResponse<java.io.InputStream> stream(URI uri) throws IOException, InterruptedException {
        return client.send(request("GET", uri), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** The body as UTF-8 text. */
    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static HttpRequest request(String method, URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) b.headers(headers);
        return b.build();
    }
}
