package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * Inference measured the way it will be judged: pages in the style of real publishers carry their
 * own tags; the tags are stripped, and what Herald infers from the bare page is compared with what
 * the publisher declared. The stripped pages, the publishers' values and Herald's are written to
 * {@code target/meta-eval/} so other parsers (metascraper) can be scored the same way.
 */
class PageMetaPublisherTest {
    static final String[] PAGES = {"arc-style", "guardian-style", "bbc-style", "nyt-style", "spiegel-style", "lemonde-style",
        "ghost-blog", "drupal-local"};
    static final String STRIP = "meta[property^=og:], meta[property^=article:], meta[name^=twitter:], meta[name=description],"
            + " meta[name=author], meta[name=byl], meta[name=date], meta[name=last-modified], meta[name=keywords],"
            + " link[rel=canonical], script[type=application/ld+json]";

    /** Pages written after inference was tuned on {@link #PAGES}, and scored without tuning on them. */
    static final String[] HOLD_OUT = {"substack", "vox-style", "elpais-style", "corriere-style", "wp-yoast-lazy", "tv-station"};

    @Test
    void infersMostOfWhatPublishersDeclareFromTheBarePage() throws IOException {
        double score = evaluate("publishers", PAGES, Path.of("target", "meta-eval"));
        assertTrue(score >= 0.9, "recovered " + score);
    }

    @Test
    void infersMostOfWhatHoldOutPublishersDeclareFromTheBarePage() throws IOException {
        double score = evaluate("publishers-holdout", HOLD_OUT, Path.of("target", "meta-eval-holdout"));
        assertTrue(score >= 0.75, "recovered " + score);
    }

    /** Strips each page's own tags, infers, compares with the tags; returns the share of fields recovered. */
    static double evaluate(String dir, String[] pages, Path out) throws IOException {
        Files.createDirectories(out);
        ObjectMapper json = new ObjectMapper();
        int matched = 0;
        int compared = 0;
        List<String> misses = new ArrayList<>();
        for (String name : pages) {
            String html = new String(Fixtures.bytes(dir + "/" + name + ".html"), StandardCharsets.UTF_8);
            URI url = URI.create("https://www." + name + ".example.com/story");
            ArticleMeta truth = PageMeta.read(html, url).declared();
            Document bare = Jsoup.parse(html, url.toString());
            bare.select(STRIP).remove();
            String stripped = bare.outerHtml();
            ArticleMeta inferred = PageMeta.read(stripped, url).resolve(SiteDefaults.NONE).meta();
            Files.writeString(out.resolve(name + ".html"), stripped);
            ObjectNode record = json.createObjectNode();
            record.put("url", url.toString());
            record.set("truth", Comparison.toJson(json, truth));
            record.set("herald", Comparison.toJson(json, inferred));
            Files.writeString(out.resolve(name + ".json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(record));
            for (Map.Entry<String, Boolean> e : Comparison.compare(truth, inferred).entrySet()) {
                compared++;
                if (e.getValue()) matched++;
                else misses.add(name + "." + e.getKey());
            }
        }
        double score = (double) matched / compared;
        System.out.printf("%s: %d of %d fields recovered (%.0f%%); missed %s%n", dir, matched, compared, score * 100, misses);
        return score;
    }

    /** Field comparisons shared with the metascraper comparison. */
    static final class Comparison {
        private Comparison() {}

        static ObjectNode toJson(ObjectMapper json, ArticleMeta m) {
            ObjectNode o = json.createObjectNode();
            o.put("title", m.title());
            o.put("description", m.description());
            o.put("image", m.image() == null ? null : m.image().url().toString());
            o.put("author", m.authors().isEmpty() ? null : m.authors().get(0).name());
            o.put("date", m.publishedTime() == null ? null : m.publishedTime().toInstant().toString());
            o.put("publisher", m.siteName());
            o.put("lang", m.locale() == null ? null : m.locale().getLanguage());
            return o;
        }

        /** For each field the publisher declared, whether the inferred value matches it. */
        static Map<String, Boolean> compare(ArticleMeta truth, ArticleMeta got) {
            Map<String, Boolean> r = new LinkedHashMap<>();
            if (truth.title() != null) r.put("title", same(truth.title(), got.title()));
            if (truth.description() != null) r.put("description", got.description() != null && overlaps(truth.description(), got.description()));
            if (truth.image() != null) r.put("image", got.image() != null && sameImage(truth.image().url(), got.image().url()));
            if (!truth.authors().isEmpty() && !truth.authors().get(0).name().equals(truth.siteName())) {
                r.put("author", !got.authors().isEmpty() && same(truth.authors().get(0).name(), got.authors().get(0).name()));
            }
            if (truth.publishedTime() != null) r.put("date", sameTime(truth.publishedTime(), got.publishedTime()));
            if (truth.siteName() != null) r.put("publisher", same(truth.siteName(), got.siteName()));
            if (truth.locale() != null) r.put("lang", got.locale() != null && truth.locale().getLanguage().equals(got.locale().getLanguage()));
            return r;
        }

        static boolean same(String a, String b) {
            return b != null && a.strip().equalsIgnoreCase(b.strip());
        }

        /** The same summary, allowing one to be a truncation of the other. */
        static boolean overlaps(String a, String b) {
            String x = a.replace("…", "").strip();
            String y = b.replace("…", "").strip();
            return x.equalsIgnoreCase(y) || x.startsWith(y) || y.startsWith(x);
        }

        static boolean sameTime(OffsetDateTime a, OffsetDateTime b) {
            if (b == null) return false;
            return a.toInstant().equals(b.toInstant()) || a.toLocalDate().equals(b.toLocalDate()) && b.toLocalTime().toSecondOfDay() == 0;
        }

        /** The same picture in another size or format: the file name without digits, size words and format suffixes. */
        static boolean sameImage(URI a, URI b) {
            return imageKey(a).equals(imageKey(b));
        }

        static String imageKey(URI u) {
            String path = u.getPath() == null ? "" : u.getPath().toLowerCase(Locale.ROOT);
            String file = path.substring(path.lastIndexOf('/') + 1);
            file = file.replaceAll("\\.(webp|avif)$", "").replaceAll("\\d", "")
                    .replaceAll("[-_](facebookjumbo|superjumbo|articlelarge|jumbo|large|medium|small|thumb|thumbnail)", "");
            return file;
        }
    }
}
