package dev.herald.buttons;

import dev.herald.meta.ArticleMeta;
import dev.herald.meta.ImageMeta;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a share bar costs to render, next to one jsoup parse of a ~100 KB article page (the seed
 * article's paragraphs repeated), the yardstick of the page filter's cache-miss budget in issue #2.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> org.openjdk.jmh.Main ShareButtonsBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ShareButtonsBenchmark {
    private ArticleMeta meta;
    private ShareButtons defaults;
    private ShareButtons everything;
    private String page;

    /** Builds the renderers and the page once. */
    @Setup
    public void setUp() throws IOException {
        meta = ArticleMeta.builder()
                .title("Iran says retaliation for US strike is complete, will not seek escalation")
                .description("Tehran signals it does not want war after missile attacks on two bases in Iraq.")
                .url("https://herald.example/world/iran-retaliation?id=7")
                .image(ImageMeta.of(URI.create("https://herald.example/img/missiles.jpg")))
                .twitterSite("@HeraldNews").tags(List.of("Iran", "Iraq")).build();
        defaults = new ShareButtons();
        everything = new ShareButtons(ButtonOptions.builder().networks(List.of(Network.values())).utm(true)
                .endpoint("/share").heading("Share this article").build());
        Path seed = Path.of("../shared/seed/article-iran-retaliation.txt");
        String text = Files.exists(seed) ? Files.readString(seed) : "Iran says retaliation is complete. ".repeat(200);
        StringBuilder html = new StringBuilder("<!doctype html><html><head><title>Iran</title></head><body><article>");
        while (html.length() < 100_000) {
            for (String para : text.split("\n\n")) html.append("<p>").append(para).append("</p>\n");
        }
        page = html.append("</article></body></html>").toString();
    }

    /** The default bar: nine networks, style and script. */
    @Benchmark
    public String renderDefaultBar() {
        return defaults.render(meta);
    }

    /** Every network, UTM, endpoint links and a heading. */
    @Benchmark
    public String renderEveryNetwork() {
        return everything.render(meta);
    }

    /** The yardstick: one jsoup parse of a ~100 KB article page. */
    @Benchmark
    public Document jsoupParseOfTheArticle() {
        return Jsoup.parse(page);
    }
}
