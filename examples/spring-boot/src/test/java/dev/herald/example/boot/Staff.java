package dev.herald.example.boot;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One person at the example site in a browser's shoes: cookies kept, redirects not followed, forms
 * posted as a browser posts them (with the Origin header), signed in through the site's own
 * Spring Security sign-in form.
 */
final class Staff {
    /** mara: STAFF and MARKETING, a console editor. */
    static final String EDITOR = "mara";
    /** sam: STAFF, a console viewer. */
    static final String VIEWER = "sam";
    private static final Map<String, String> PASSWORDS = Map.of(EDITOR, "harbour-editor-pass", VIEWER, "harbour-viewer-pass");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    private final Site site;

    Staff(Site site) {
        this.site = site;
    }

    /** Signs {@code user} in through the login form, carrying that form's own token. */
    Staff signIn(String user) throws IOException, InterruptedException {
        HttpResponse<String> page = get("/login");
        if (page.statusCode() != 200) throw new AssertionError("/login answered " + page.statusCode());
        Element form = Jsoup.parse(page.body(), site.url("/login")).selectFirst("form");
        List<String[]> fields = new ArrayList<>(fields(form).stream().filter(f -> !f[0].equals("username") && !f[0].equals("password")).toList());
        fields.add(new String[] {"username", user});
        fields.add(new String[] {"password", PASSWORDS.get(user)});
        HttpResponse<String> r = post("/login", fields);
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("error")) throw new AssertionError(user + " could not sign in: " + r.statusCode() + " " + location);
        return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The page at {@code path}, which must answer 200. */
    Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) throw new AssertionError(path + " answered " + r.statusCode() + ": " + r.body());
        return Jsoup.parse(r.body(), site.url(path));
    }

    /** Posts {@code fields} (name, value pairs; a name may repeat) as a form of this site. */
    HttpResponse<String> post(String path, List<String[]> fields) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        for (String[] f : fields) {
            if (body.length() > 0) body.append('&');
            body.append(URLEncoder.encode(f[0], StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(f[1], StandardCharsets.UTF_8));
        }
        return http.send(HttpRequest.newBuilder(URI.create(site.url(path))).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", site.url(""))
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Posts {@code form} as a browser would submit it, unchanged: its hidden and filled-in fields. */
    HttpResponse<String> submit(Element form) throws IOException, InterruptedException {
        return post(URI.create(form.absUrl("action")).getRawPath(), fields(form));
    }

    /** Form fields from name, value, name, value... */
    static List<String[]> form(String... namesAndValues) {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) out.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
        return out;
    }

    /** The fields {@code form} would send: hidden and text inputs, ticked boxes and radios (no buttons). */
    static List<String[]> fields(Element form) {
        List<String[]> out = new ArrayList<>();
        for (Element input : form.select("input[name], textarea[name]")) {
            String type = input.attr("type");
            if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) continue;
            out.add(new String[] {input.attr("name"), input.tagName().equals("textarea") ? input.wholeText() : input.val()});
        }
        return out;
    }
}
