package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.page.it.Container;
import dev.herald.page.it.Http;
import dev.herald.page.it.SiteInitializer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a site deploys and configures {@link ShareFilter}: the web fragment of a jar in
 * {@code WEB-INF/lib}, a {@code herald.properties} file, init parameters, and refusing to start
 * with a bad value. Each test starts its own container from a fresh copy of the test site.
 */
abstract class DeploymentContract {
    private final Http http = new Http();
    private Container container;

    @TempDir
    Path temp;

    abstract Container newContainer();

    @AfterEach
    void stop() throws Exception {
        if (container != null) container.close();
    }

    @Test
    void registersItselfThroughTheWebFragmentOfAJarInWebInfLib() throws Exception {
        Path app = copySite();
        packageHeraldInto(app.resolve("WEB-INF/lib/herald.jar"));
        start(new Container.App("", app, null));
        HttpResponse<byte[]> r = http.get(container.uri("/article.html"));
        assertEquals(200, r.statusCode());
        assertEquals("Harbour bridge reopens after two-year repair", ogTitle(r));
        assertEquals(r.body().length, r.headers().firstValueAsLong("Content-Length").orElseThrow());
    }

    @Test
    void theWebFragmentMapsNoShareEndpointWhenTheSiteConfiguresNone() throws Exception {
        Path app = copySite();
        packageHeraldInto(app.resolve("WEB-INF/lib/herald.jar"));
        start(new Container.App("", app, null));
        String page = container.uri("/article.html").toString();
        HttpResponse<byte[]> r = http.get(container.uri("/herald/share/facebook?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        assertEquals(404, r.statusCode());
        assertEquals("Harbour bridge reopens after two-year repair", ogTitle(http.get(container.uri("/article.html"))));
    }

    @Test
    void theWebFragmentMapsTheShareEndpointHeraldPropertiesNames() throws Exception {
        Path app = copySite();
        packageHeraldInto(app.resolve("WEB-INF/lib/herald.jar"));
        Files.writeString(app.resolve("WEB-INF/herald.properties"), "herald.buttons.endpoint = /news/go/share\n");
        start(new Container.App("/news", app, null));
        String page = container.uri("/news/article.html").toString();
        HttpResponse<byte[]> r = http.get(container.uri("/news/go/share/facebook?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8)));
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElseThrow().startsWith("https://www.facebook.com/"), r.headers().map().toString());
        assertEquals(404, http.get(container.uri("/news/herald/share/facebook?url=" + URLEncoder.encode(page, StandardCharsets.UTF_8))).statusCode());
    }

    @Test
    void theWebFragmentFilterReadsWebInfHeraldProperties() throws Exception {
        Path app = copySite();
        packageHeraldInto(app.resolve("WEB-INF/lib/herald.jar"));
        Files.writeString(app.resolve("WEB-INF/herald.properties"), "herald.maxBufferBytes = plenty\n");
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> start(new Container.App("", app, null)));
        assertMentions(failure, "herald.maxBufferBytes='plenty'", "WEB-INF/herald.properties");
    }

    @Test
    void rewritesOnlyThePathsHeraldPropertiesNames() throws Exception {
        Path app = copySite();
        Files.writeString(app.resolve("WEB-INF/herald.properties"), "# Herald\nherald.paths = /news/*\n");
        start(new Container.App("", app, new SiteInitializer(Map.of())));
        assertArrayEquals(Files.readAllBytes(app.resolve("article.html")), http.get(container.uri("/article.html")).body());
        assertEquals("Harbour bridge reopens after two-year repair", ogTitle(http.get(container.uri("/news/story.html"))));
    }

    @Test
    void filterInitParametersOverrideHeraldProperties() throws Exception {
        Path app = copySite();
        Files.writeString(app.resolve("WEB-INF/herald.properties"), "herald.paths = /news/*\n");
        start(new Container.App("", app, new SiteInitializer(Map.of("herald.enabled", "false"))));
        assertArrayEquals(Files.readAllBytes(app.resolve("news/story.html")), http.get(container.uri("/news/story.html")).body());
    }

    @Test
    void refusesToStartWithAnInvalidInitParameterNamingKeyAndValue() throws Exception {
        Path app = copySite();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> start(new Container.App("", app, new SiteInitializer(Map.of("herald.buttons.placement", "sidebar")))));
        assertMentions(failure, "herald.buttons.placement='sidebar'", "filter init-param");
    }

    @Test
    void refusesToStartWithAMisspeltKey() throws Exception {
        Path app = copySite();
        Files.writeString(app.resolve("WEB-INF/herald.properties"), "herald.site.nmae = The Daily Tester\n");
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> start(new Container.App("", app, new SiteInitializer(Map.of()))));
        assertMentions(failure, "herald.site.nmae", "WEB-INF/herald.properties");
    }

    // ---- helpers --------------------------------------------------------------------------------

    private void start(Container.App app) throws Exception {
        container = newContainer();
        try {
            container.start(List.of(app));
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            // Jetty throws the filter's own exception; report both containers' failures alike.
            throw new IllegalStateException(describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) sb.append(t).append('\n');
        for (Throwable s : e.getSuppressed()) sb.append(describe(s));
        return sb.toString();
    }

    private static void assertMentions(IllegalStateException failure, String... parts) {
        String text = describe(failure);
        for (String part : parts) assertTrue(text.contains(part), "expected '" + part + "' in:\n" + text);
    }

    private static String ogTitle(HttpResponse<byte[]> r) {
        Element e = Jsoup.parse(new String(r.body(), StandardCharsets.UTF_8)).selectFirst("meta[property=og:title]");
        return e == null ? null : e.attr("content");
    }

    private Path copySite() throws Exception {
        Path source = Path.of(getClass().getResource("/webapps/site").toURI());
        Path target = Files.createDirectories(temp.resolve("app"));
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return target;
    }

    /** Packages Herald's compiled classes and its web fragment into a jar, as {@code mvn package} does. */
    private static void packageHeraldInto(Path jar) throws Exception {
        Path classes = Path.of(ShareFilter.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Files.createDirectories(jar.getParent());
        if (Files.isRegularFile(classes)) {
            // Failsafe puts the jar `mvn package` built on the class path: that is the real thing.
            Files.copy(classes, jar);
            return;
        }
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (Files.isDirectory(p)) continue;
                String name = classes.relativize(p).toString().replace('\\', '/');
                if (!name.startsWith("dev/herald/") && !name.startsWith("META-INF/")) continue;
                zip.putNextEntry(new JarEntry(name));
                Files.copy(p, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IOException("cannot package " + classes + " into " + jar, e);
        }
        assertTrue(Files.size(jar) > 0);
    }
}
