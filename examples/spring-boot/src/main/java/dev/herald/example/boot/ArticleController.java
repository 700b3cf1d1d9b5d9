package dev.herald.example.boot;

import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The site's article pages, plain HTML as any template engine would write them, and a JSON API. */
@RestController
public class ArticleController {
    private static final Map<String, String[]> ARTICLES = Map.of(
            "harbour-bridge", new String[] {"Harbour bridge reopens after two-year repair",
                    "The bridge carries traffic again from Monday, a month ahead of schedule.", "/img/harbour.png"});

    /** Creates the controller. */
    public ArticleController() {}

    /** An article page, or 404. */
    @GetMapping(value = "/articles/{slug}", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<String> article(@PathVariable String slug) {
        String[] a = ARTICLES.get(slug);
        if (a == null) return ResponseEntity.notFound().build();
        String title = HtmlUtils.htmlEscape(a[0]);
        String summary = HtmlUtils.htmlEscape(a[1]);
        return ResponseEntity.ok("""
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8"><title>%s | The Harbour Post</title>
                <meta name="description" content="%s"></head>
                <body><article><h1>%s</h1><p class="byline">By Tess Ter</p>
                <img src="%s" alt="The reopened bridge"><p>%s</p></article></body></html>
                """.formatted(title, summary, title, a[2], summary));
    }

    /** JSON, which Herald passes through untouched. */
    @GetMapping("/api/articles")
    public Map<String, Object> list() {
        return Map.of("articles", ARTICLES.keySet());
    }
}
