package dev.herald.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HeraldCliTest {
    private static final String PAGE = """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
            <title>Storm “Ada” reaches the coast | The Harbour Post</title></head>
            <body><article><h1>Storm “Ada” reaches the coast</h1>
            <p class="byline">By <a rel="author" href="/staff/jo">Jo Park</a></p>
            <p>Forecasters say the storm will weaken over land by Friday, after a night of high winds that closed the coastal road and the ferry port.</p>
            <img src="/img/storm.jpg" width="1200" height="800" alt="Waves over the sea wall">
            </article></body></html>
            """;

    @TempDir Path dir;

    private Path write(String name, String content, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, content.getBytes(cs));
        return f;
    }

    private static String run(CommandLine cmd, String... args) {
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        assertEquals(0, code, "exit code; stderr: " + err);
        return err.toString();
    }

    @Test
    void renderAddsTagsAndKeepsEveryOriginalByte() throws Exception {
        Path page = write("a.html", PAGE, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run(new CommandLine(new RenderCommand(out)), "--url", "https://harbour.example/news/storm", page.toString());

        String html = out.toString(StandardCharsets.UTF_8);
        Document doc = Jsoup.parse(html);
        assertEquals("Storm “Ada” reaches the coast", doc.selectFirst("meta[property=og:title]").attr("content"));
        assertEquals("https://harbour.example/img/storm.jpg", doc.selectFirst("meta[property=og:image]").attr("content"));
        assertEquals("https://harbour.example/news/storm", doc.selectFirst("link[rel=canonical]").attr("href"));
        assertOriginalKeptInOrder(PAGE, html);
    }

    @Test
    void renderEncodesPercentEscapesOnceAndAnIriLikeItsEncodedForm() throws Exception {
        Path page = write("a.html", PAGE, StandardCharsets.UTF_8);
        for (String url : List.of("https://harbour.example/news/caf%C3%A9?q=a%20b", "https://harbour.example/news/café?q=a b")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            run(new CommandLine(new RenderCommand(out)), "--url", url, page.toString());
            Document doc = Jsoup.parse(out.toString(StandardCharsets.UTF_8));
            assertEquals("https://harbour.example/news/caf%C3%A9?q=a%20b", doc.selectFirst("link[rel=canonical]").attr("href"), url);
            assertEquals("https://harbour.example/news/caf%C3%A9?q=a%20b", doc.selectFirst("meta[property=og:url]").attr("content"), url);
        }
    }

    @Test
    void renderWithConfigUsesTheSiteDefaultsLikeTheFilter() throws Exception {
        Path page = write("a.html", PAGE, StandardCharsets.UTF_8);
        Path config = write("herald.properties", "herald.site.name = The Harbour Post\nherald.site.twitter = @harbourpost\n"
                + "herald.buttons.networks = facebook, email\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run(new CommandLine(new RenderCommand(out)), "--url", "https://harbour.example/news/storm", "--config", config.toString(), page.toString());

        Document doc = Jsoup.parse(out.toString(StandardCharsets.UTF_8));
        assertEquals("The Harbour Post", doc.selectFirst("meta[property=og:site_name]").attr("content"));
        assertEquals("@harbourpost", doc.selectFirst("meta[name=twitter:site]").attr("content"));
        assertEquals(2, doc.select("[data-herald-buttons] li > a").size());
    }

    @Test
    void renderKeepsAWindows1252PageInItsCharset() throws Exception {
        String legacy = PAGE.replace("utf-8", "windows-1252");
        Path page = write("legacy.html", legacy, Charset.forName("windows-1252"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run(new CommandLine(new RenderCommand(out)), "--url", "https://harbour.example/news/storm", page.toString());

        byte[] bytes = out.toByteArray();
        byte[] curly = "“Ada”".getBytes(Charset.forName("windows-1252"));
        String asLatin = new String(bytes, Charset.forName("windows-1252"));
        assertTrue(asLatin.contains("content=\"Storm “Ada” reaches the coast\""), asLatin);
        assertOriginalKeptInOrder(legacy, asLatin);
        // The injected title is encoded as windows-1252 bytes 0x93/0x94, not UTF-8.
        assertTrue(indexOf(bytes, curly) >= 0);
        assertTrue(indexOf(bytes, "“".getBytes(StandardCharsets.UTF_8)) < 0);
    }

    @Test
    void metaPrintsEveryFieldWithItsSource() throws Exception {
        Path page = write("a.html", PAGE, StandardCharsets.UTF_8);
        Path config = write("herald.properties", "herald.site.twitter = @harbourpost\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        run(new CommandLine(new MetaCommand(new PrintStream(out, true, StandardCharsets.UTF_8))),
                "--url", "https://harbour.example/news/storm", "--config", config.toString(), page.toString());

        JsonNode json = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("Storm “Ada” reaches the coast", json.get("title").asText());
        assertEquals("https://harbour.example/img/storm.jpg", json.get("image").get("url").asText());
        assertEquals(1200, json.get("image").get("width").asInt());
        assertEquals("Jo Park", json.get("authors").get(0).get("name").asText());
        assertEquals("article", json.get("type").asText());
        assertEquals("inferred", json.get("sources").get("title").asText());
        assertEquals("The Harbour Post", json.get("siteName").asText());
        assertEquals("@harbourpost", json.get("twitterSite").asText());
        assertEquals("site_default", json.get("sources").get("twitterSite").asText());
        for (String field : new String[] {"description", "url", "locale", "publishedTime", "modifiedTime", "section", "tags"}) {
            assertTrue(json.has(field), field);
        }
    }

    @Test
    void aRelativeUrlIsRejectedWithUsageExitCode() throws Exception {
        Path page = write("a.html", PAGE, StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int code = HeraldCliRunner.run(err, "render", "--url", "/news/storm", page.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("--url must be an absolute http(s) URL"), err.toString());
    }

    @Test
    void aBadConfigValueNamesTheKey() throws Exception {
        Path page = write("a.html", PAGE, StandardCharsets.UTF_8);
        Path config = write("herald.properties", "herald.buttons.placement = SIDEWAYS\n", StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int code = HeraldCliRunner.run(err, "render", "--url", "https://harbour.example/a", "--config", config.toString(), page.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("herald.buttons.placement"), err.toString());
    }

    @Test
    void aMissingFileIsAClearError() {
        StringWriter err = new StringWriter();
        int code = HeraldCliRunner.run(err, "meta", "--url", "https://harbour.example/a", dir.resolve("nope.html").toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("nope.html"), err.toString());
    }

    /** Every markup chunk of the original appears in the output, in order: Herald only inserts, at tag boundaries. */
    private static void assertOriginalKeptInOrder(String original, String output) {
        int from = 0;
        for (String line : original.split("(?=<)|(?<=>)")) {
            int at = output.indexOf(line, from);
            assertTrue(at >= 0, "original line missing or out of order: " + line);
            from = at + line.length();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) if (haystack[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    /** Runs the whole command line, as {@code main} does, capturing standard error. */
    static final class HeraldCliRunner {
        static int run(StringWriter err, String... args) {
            return HeraldCli.commandLine().setErr(new PrintWriter(err, true)).execute(args);
        }
    }
}
