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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.Result;
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

    /**
     * Time spent in each half of {@link #paired}, summed over an iteration. On a shared machine,
     * load changes between two separately measured benchmarks; interleaving parse and transform in
     * one benchmark exposes both to the same load, so their ratio is the trustworthy number.
     */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Halves {
        /** Wall-clock nanoseconds in {@code Jsoup.parse}. */
        public long parseNanos;
        /** Wall-clock nanoseconds in {@code PageTransformer.plan}. */
        public long transformNanos;
        /** Thread CPU nanoseconds in {@code Jsoup.parse}. */
        public long parseCpuNanos;
        /** Thread CPU nanoseconds in {@code PageTransformer.plan}. */
        public long transformCpuNanos;
        boolean transformFirst;

        /** Starts each iteration from zero. */
        @Setup(Level.Iteration)
        public void reset() {
            parseNanos = transformNanos = parseCpuNanos = transformCpuNanos = 0;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Parse and transform interleaved (alternating which goes first), each timed on its own. */
    @Benchmark
    public int paired(Halves h) throws IOException {
        h.transformFirst = !h.transformFirst;
        int sink = 0;
        if (h.transformFirst) sink += timedTransform(h);
        long t0 = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        sink += Jsoup.parse(new ByteArrayInputStream(body), null, URL).childNodeSize();
        h.parseCpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        h.parseNanos += System.nanoTime() - t0;
        if (!h.transformFirst) sink += timedTransform(h);
        return sink;
    }

    private int timedTransform(Halves h) {
        long t0 = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        int n = transformer.plan(body, body.length, null, request).insertions().size();
        h.transformCpuNanos += THREADS.getCurrentThreadCpuTime() - c0;
        h.transformNanos += System.nanoTime() - t0;
        return n;
    }

    /** Runs the benchmarks and prints, per page, the transform / jsoup-parse ratio measured in this run. */
    public static void main(String[] args) throws RunnerException {
        // An optional argument narrows the run to benchmarks matching it, e.g. "paired".
        String include = TransformBenchmark.class.getName() + "\\." + (args.length > 0 ? args[0] : "");
        Options opts = new OptionsBuilder().include(include).build();
        Collection<RunResult> results = new Runner(opts).run();
        Map<String, Map<String, Double>> byPage = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            Map<String, Double> score = byPage.computeIfAbsent(r.getParams().getParam("page"), k -> new HashMap<>());
            score.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
            for (Map.Entry<String, Result> secondary : r.getSecondaryResults().entrySet()) {
                score.put(secondary.getKey(), secondary.getValue().getScore());
            }
        }
        for (Map.Entry<String, Map<String, Double>> e : byPage.entrySet()) {
            Map<String, Double> score = e.getValue();
            System.out.printf("%n%s%n", e.getKey());
            if (score.containsKey("jsoupParse") && score.containsKey("transform")) {
                double parse = score.get("jsoupParse");
                System.out.printf("  transform / jsoupParse           = %.3f (goal <= 1.2)%n", score.get("transform") / parse);
                System.out.printf("  parseStringTracked / parseString = %.3f (cost of position tracking)%n", score.get("parseStringTracked") / score.get("parseString"));
                System.out.printf("  readMeta / jsoupParse            = %.3f%n", score.get("readMeta") / parse);
            }
            if (score.containsKey("transformNanos")) {
                System.out.printf("  paired, wall clock: transform / jsoupParse = %.3f (goal <= 1.2)%n", score.get("transformNanos") / score.get("parseNanos"));
                System.out.printf("  paired, thread CPU: transform / jsoupParse = %.3f%n", score.get("transformCpuNanos") / score.get("parseCpuNanos"));
            }
        }
    }
}
