package dev.herald.bench;

import com.sun.management.ThreadMXBean;
import dev.herald.buttons.ShareButtons;
import dev.herald.meta.SiteDefaults;
import dev.herald.page.ButtonPlacement;
import dev.herald.page.PageRequest;
import dev.herald.page.PageTransformer;
import dev.herald.page.Rewrite;
import dev.herald.page.ShareFilter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jsoup.Jsoup;

/**
 * Memory, as ratios against a baseline measured in the same run (docs/benchmarks.md). Not a test:
 * run it by hand with a fixed heap, e.g.
 * {@code java -Xms512m -Xmx512m -cp target/test-classes:target/classes:$(cat target/cp.txt) dev.herald.bench.MemoryBenchmark}.
 *
 * <ol>
 *   <li>Bytes allocated by a cache-miss transform of the ~100 KB bench pages, against one
 *       {@code Jsoup.parse} of the same bytes.
 *   <li>Heap a cached rewrite keeps, against the size of the page it rewrites: what a full rewrite
 *       cache ({@code herald.cache.size}, default 1,000 pages) holds.
 *   <li>Bytes the server's threads allocate per request for the demo article through
 *       {@link ShareFilter} with a warm cache, against the same page served without it (embedded
 *       Jetty 12, requests from this JVM on its own threads, which are not counted).
 * </ol>
 */
public final class MemoryBenchmark {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final String URL = "https://www.valleypost.example/news/tram-depot";

    private MemoryBenchmark() {}

    /** Runs the three measurements and prints them. */
    public static void main(String[] args) throws Exception {
        PageTransformer transformer = new PageTransformer(new SiteDefaults("The Valley Post", null, "@valleypost", null, null),
                new ShareButtons(), ButtonPlacement.AFTER_HEADLINE);
        for (String page : List.of("bench-news-100k.html", "bench-news-100k-tagged.html")) {
            byte[] body = resource(page);
            allocationPerTransform(page, body, transformer);
            retainedPerRewrite(page, body, transformer);
        }
        allocationPerRequest(Path.of(args.length > 0 ? args[0] : "webapp"), args.length > 1 ? args[1] : "/articles/iran-retaliation.html");
    }

    private static void allocationPerTransform(String page, byte[] body, PageTransformer transformer) throws IOException {
        PageRequest request = PageRequest.of(URI.create(URL));
        long parse = 0;
        long transform = 0;
        int rounds = 2_000;
        for (int i = 0; i < rounds; i++) {
            // The first half warms the JIT (escape analysis changes what is allocated); the second counts.
            long a0 = THREADS.getCurrentThreadAllocatedBytes();
            Jsoup.parse(new ByteArrayInputStream(body), null, URL);
            long a1 = THREADS.getCurrentThreadAllocatedBytes();
            transformer.plan(body, body.length, null, request);
            long a2 = THREADS.getCurrentThreadAllocatedBytes();
            if (i >= rounds / 2) {
                parse += a1 - a0;
                transform += a2 - a1;
            }
        }
        int n = rounds / 2;
        System.out.printf("%s (%,d bytes): allocated per op: jsoupParse %,d B, transform %,d B; ratio %.2f%n",
                page, body.length, parse / n, transform / n, (double) transform / parse);
    }

    private static void retainedPerRewrite(String page, byte[] body, PageTransformer transformer) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        int count = 500;
        List<Rewrite> kept = new ArrayList<>(count);
        long before = settledHeap(memory);
        for (int i = 0; i < count; i++) {
            // Distinct URLs, as a cache holds them: each rewrite carries its own tags and buttons.
            kept.add(transformer.plan(body, body.length, null, PageRequest.of(URI.create(URL + "-" + i))));
        }
        long after = settledHeap(memory);
        long perRewrite = (after - before) / count;
        long inserted = kept.get(0).insertions().stream().mapToLong(ins -> ins.bytes().length).sum();
        System.out.printf("%s: heap kept per cached rewrite %,d B (of which inserted bytes %,d B); ratio to page size %.3f;"
                + " a full cache of 1,000 such pages: %.1f MB%n",
                page, perRewrite, inserted, (double) perRewrite / body.length, perRewrite * 1000 / 1e6);
    }

    private static void allocationPerRequest(Path docroot, String path) throws Exception {
        QueuedThreadPool plainThreads = new QueuedThreadPool();
        plainThreads.setName("plain");
        QueuedThreadPool filteredThreads = new QueuedThreadPool();
        filteredThreads.setName("filtered");
        Server plain = FilterBenchServer.start(docroot, 0, null, plainThreads);
        Server filtered = FilterBenchServer.start(docroot, 0, new ShareFilter(FilterBenchServer.siteConfig(docroot)), filteredThreads);
        HttpClient client = HttpClient.newHttpClient();
        try {
            URI plainUri = plain.getURI().resolve(path);
            URI filteredUri = filtered.getURI().resolve(path);
            int requests = 20_000;
            // Warm both (JIT, Jetty's file cache, Herald's rewrite cache), then count alternately.
            long[] p = {0, 0};
            long[] f = {0, 0};
            for (int round = 0; round < 4; round++) {
                long[] pr = serve(client, plainUri, requests / 4, "plain");
                long[] fr = serve(client, filteredUri, requests / 4, "filtered");
                if (round > 0) {
                    p[0] += pr[0];
                    p[1] += pr[1];
                    f[0] += fr[0];
                    f[1] += fr[1];
                }
            }
            int counted = requests / 4 * 3;
            System.out.printf("%s: server threads allocate per request: plain %,d B (%,d B sent), filtered %,d B (%,d B sent);"
                    + " ratio %.2f (per byte sent: %.2f)%n",
                    path, p[0] / counted, p[1] / counted, f[0] / counted, f[1] / counted,
                    (double) f[0] / p[0], ((double) f[0] / f[1]) / ((double) p[0] / p[1]));
        } finally {
            plain.stop();
            filtered.stop();
        }
    }

    /** Sends {@code n} GETs one after another; returns the bytes the named server's threads allocated and the body bytes received. */
    private static long[] serve(HttpClient client, URI uri, int n, String pool) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri).GET().build();
        long before = allocatedBy(pool);
        long received = 0;
        for (int i = 0; i < n; i++) {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) throw new IllegalStateException(uri + " answered " + response.statusCode());
            received += response.body().length;
        }
        return new long[] {allocatedBy(pool) - before, received};
    }

    /** Bytes allocated so far by the live threads whose names start with {@code pool}. */
    private static long allocatedBy(String pool) {
        long total = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(pool)) total += Math.max(0, THREADS.getThreadAllocatedBytes(t.getId()));
        }
        return total;
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = MemoryBenchmark.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) throw new IOException("no test page " + name);
            return in.readAllBytes();
        }
    }
}
