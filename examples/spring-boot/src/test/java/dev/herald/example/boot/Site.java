package dev.herald.example.boot;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** The running example site, fetched as a browser or a link-preview crawler would, never following redirects. */
final class Site {
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final int port;

    Site(int port) {
        this.port = port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        return Jsoup.parse(r.body(), url(path));
    }

    static String meta(Document doc, String property) {
        var e = doc.selectFirst("meta[property=" + property + "], meta[name=" + property + "]");
        return e == null ? null : e.attr("content");
    }

    static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
