package dev.herald.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.ServletContextListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's site-owner code, taken from the README and run in a real Jetty 12: the listener that
 * registers the filter, and the servlet that tells Herald about its page and forwards to a view.
 */
class ReadmeExamplesIT {
    // What the README's servlet forwards to: a plain view that knows nothing of Herald.
    private static final String VIEW = """
            <!doctype html><html lang="en"><head><title>Harbour | The Daily Tester</title></head>
            <body><article><h1>The harbour reopens</h1>
            <p>By a reporter. This paragraph is not the summary the servlet gave Herald.</p></article></body></html>
            """;

    @TempDir
    Path classes;
    private Server server;

    @AfterEach
    void stop() throws Exception {
        if (server != null) server.stop();
    }

    @Test
    void theListenerRegistersTheFilterAndTheServletsValuesReachThePage() throws Exception {
        ClassLoader readme = compile("HeraldSetup", "HarbourStoryServlet");
        ServletContextHandler context = new ServletContextHandler("/");
        context.addEventListener((ServletContextListener) instance(readme, "com.example.news.HeraldSetup"));
        context.addServlet(new ServletHolder((HttpServlet) instance(readme, "com.example.news.HarbourStoryServlet")), "/harbour");
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/html;charset=UTF-8");
                response.getWriter().write(VIEW);
            }
        }), "/WEB-INF/story.jsp");
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(context);
        server.start();

        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/harbour")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(200, page.statusCode());
        Document html = Jsoup.parse(page.body());
        assertEquals("The harbour reopens", meta(html, "og:title"));
        assertEquals("Ferries run again from Monday after three weeks of repairs.", meta(html, "og:description"),
                "the servlet's description beats the page's paragraph");
        assertEquals("https://news.example.com/img/harbour.jpg", meta(html, "og:image"));
        assertEquals("1200", meta(html, "og:image:width"));
        assertEquals("https://news.example.com/harbour", meta(html, "og:url"), "the listener's site URL, not the request's");
        assertEquals("The Daily Tester", meta(html, "og:site_name"));
        assertTrue(html.select("script[type=application/ld+json]").first().data().contains("\"@type\":\"NewsArticle\""), page.body());
    }

    private static String meta(Document html, String property) {
        return html.select("meta[property=" + property + "]").attr("content");
    }

    private ClassLoader compile(String... types) throws IOException {
        List<Path> classpath = classpath();
        SnippetCompiler javac = new SnippetCompiler(classpath, classes);
        List<Snippet> readme = MarkdownSnippets.find("README.md", Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
        for (String type : types) {
            Snippet snippet = readme.stream().filter(s -> s.code().contains("public class " + type + " "))
                    .findFirst().orElseThrow(() -> new AssertionError("README.md shows no class " + type));
            assertEquals(List.of(), javac.compile(snippet, false));
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader());
    }

    private static Object instance(ClassLoader loader, String name) throws ReflectiveOperationException {
        return loader.loadClass(name).getDeclaredConstructor().newInstance();
    }

    private static List<Path> classpath() throws IOException {
        String file = System.getProperty("snippet.classpath");
        Assumptions.assumeTrue(file != null, "run by Maven, which writes the class path");
        return Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of).toList();
    }
}
