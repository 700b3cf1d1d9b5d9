package dev.herald.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One person's HTTP session with the console, signed in with the container's BASIC sign-in: cookies kept, redirects not followed. */
final class Browserless {
    private static final Pattern TOKEN = Pattern.compile("data-csrf=\"([^\"]+)\"");

    private final ConsoleFixture site;
    private final String authorization;
    private final HttpClient http;
    String origin;

    Browserless(ConsoleFixture site, String user) {
        this.site = site;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder().encodeToString((user + ":" + ConsoleFixture.PASSWORD).getBytes(StandardCharsets.UTF_8));
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        this.origin = site.origin;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.url(path)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request without a body, such as {@code HEAD}. */
    HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(site.url(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form token of the session, read from a console page as a browser would see it. */
    String token() throws IOException, InterruptedException {
        HttpResponse<String> page = get("/console/history");
        Matcher m = TOKEN.matcher(page.body());
        if (!m.find()) throw new AssertionError("no form token on the page: " + page.statusCode() + " " + page.body());
        return m.group(1);
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        return post(path, form, origin);
    }

    HttpResponse<String> post(String path, Map<String, String> form, String originHeader) throws IOException, InterruptedException {
        return post(path, form, originHeader, Map.of());
    }

    /** A form post with more request headers, such as the {@code Sec-Fetch-Site} a browser adds. */
    HttpResponse<String> post(String path, Map<String, String> form, String originHeader, Map<String, String> headers)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (Map.Entry<String, String> e : form.entrySet()) {
            for (String v : e.getValue().split("\u0000", -1)) {
                if (body.length() > 0) body.append('&');
                body.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(site.url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (authorization != null) b.header("Authorization", authorization);
        if (originHeader != null) b.header("Origin", originHeader);
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form: pairs of name and value; a name given several values repeats it. */
    static Map<String, String> form(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) out.merge(pairs[i], pairs[i + 1], (a, b) -> a + "\u0000" + b);
        return out;
    }

    static URI location(HttpResponse<?> r) {
        return URI.create(r.headers().firstValue("Location").orElseThrow());
    }
}
