package dev.herald.bench;

import dev.herald.meta.PageMeta;
import dev.herald.meta.SiteDefaults;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.page.Rewrite;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Cost of a cache-miss transform of a realistic ~100 KB news page, against one plain
 * {@code Jsoup.parse} of the same bytes measured in the same run (issue #2 goal: at most 1.2x).
 *
 * <p>Run after {@code mvn -o test-compile} with
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.herald.bench.TransformBenchmark},
 * where {@code cp.txt} comes from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class TransformBenchmark {
    static final String URL = "https://www.valleypost.example/news/tram-depot";

    @Param({"bench-news-100k.html", "bench-news-100k-tagged.html"})
    public String page;

    byte[] body;
    String text;
    PageTransformer transformer;
    PageRequest request;

    @Setup
    public void setUp() throws IOException {
        try (InputStream in = TransformBenchmark.class.getResourceAsStream("/pages/" + page)) {
            body = in.readAllBytes();
        }
        text = new String(body, StandardCharsets.UTF_8);
        transformer = new PageTransformer(new SiteDefaults("The Valley Post", null, "@valleypost", null, null),
                meta -> "<nav data-herald-buttons></nav>", ButtonPlacement.AFTER_HEADLINE);
        request = PageRequest.of(URI.create(URL));
        Rewrite check = transformer.plan(body, body.length, null, request);
        if (!check.changesBody()) throw new IllegalStateException("benchmark page was not transformed: " + check.skipped());
    }

    /** The baseline: what parsing the response body with jsoup costs (charset detection included). */
    @Benchmark
    public Document jsoupParse() throws IOException {
        return Jsoup.parse(new ByteArrayInputStream(body), null, URL);
    }

    /** The whole cache-miss path: charset, decode, tracked parse, read, infer, resolve, render, plan. */
    @Benchmark
    public Rewrite transform() {
        return transformer.plan(body, body.length, null, request);
    }

    /** Parsing an already-decoded string, without position tracking (for the breakdown). */
    @Benchmark
    public Document parseString() {
        return Parser.htmlParser().parseInput(text, URL);
    }

    /** Parsing an already-decoded string with position tracking: what tracking itself costs. */
    @Benchmark
    public Document parseStringTracked() {
        return Parser.htmlParser().setTrackPosition(true).parseInput(text, URL);
    }

    /** Reading metadata from an untracked parse, as the syndication side and the CLI do. */
    @Benchmark
    public Object readMeta() {
        return PageMeta.read(text, URI.create(URL)).resolve(SiteDefaults.NONE);
    }

    /** Runs the benchmarks and prints, per page, the transform / jsoup-parse ratio measured in this run. */
    public static void main(String[] args) throws RunnerException {
        Options opts = new OptionsBuilder()
                .include(TransformBenchmark.class.getName() + "\\.")
                .build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Map<String, Double>> byPage = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byPage.computeIfAbsent(r.getParams().getParam("page"), k -> new HashMap<>())
                    .put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
        }
        for (Map.Entry<String, Map<String, Double>> e : byPage.entrySet()) {
            Map<String, Double> score = e.getValue();
            double parse = score.get("jsoupParse");
            System.out.printf("%n%s%n", e.getKey());
            System.out.printf("  transform / jsoupParse           = %.3f (goal <= 1.2)%n", score.get("transform") / parse);
            System.out.printf("  parseStringTracked / parseString = %.3f (cost of position tracking)%n", score.get("parseStringTracked") / score.get("parseString"));
            System.out.printf("  readMeta / jsoupParse            = %.3f%n", score.get("readMeta") / parse);
        }
    }
}
