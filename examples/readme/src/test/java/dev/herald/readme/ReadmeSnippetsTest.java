package dev.herald.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java snippet of the README and of {@code docs/*.md} compiles against Herald's artifacts, so
 * none can rot. A snippet that does not compile fails as its own test, named by its Markdown line.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");

    @TempDir
    Path classes;

    @TestFactory
    Stream<DynamicTest> everyReadmeSnippetCompiles() throws IOException {
        return snippets(README).stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> assertCompiles(s, false)));
    }

    @TestFactory
    Stream<DynamicTest> everyDocsSnippetCompiles() throws IOException {
        List<Snippet> all = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) all.addAll(snippets(page));
        }
        return all.stream().map(s -> DynamicTest.dynamicTest(s.name(), () -> {
            Assumptions.assumeTrue(s.skipReason() == null, () -> "not compiled: " + s.skipReason());
            assertCompiles(s, true);
        }));
    }

    @Test
    void readmeSnippetsAreCopyPasteCompleteWithNothingDeclaredAroundThem() throws IOException {
        List<Snippet> snippets = snippets(README);
        assertTrue(snippets.size() >= 4, "the README's Java snippets were not found: " + snippets.size());
        for (Snippet s : snippets) {
            assertEquals(null, s.skipReason(), s.name() + ": README snippets are never skipped");
            assertEquals("", s.params(), s.name() + ": README snippets declare what they use");
            assertTrue(SnippetCompiler.isWholeFile(s) || s.code().contains("import "), s.name() + ": a README snippet has its imports");
        }
    }

    @Test
    void theReadmesTestKitExamplesAreTestsThatRun() throws IOException {
        for (String name : List.of("MastodonAccountTest", "XAccountTest")) {
            String test = Files.readString(Path.of("examples/readme/src/test/java/com/example/newsroom/" + name + ".java"),
                    StandardCharsets.UTF_8).strip();
            assertTrue(snippets(README).stream().anyMatch(s -> s.code().strip().equals(test)),
                    "README.md shows " + name + " exactly as examples/readme runs it");
        }
    }

    private void assertCompiles(Snippet snippet, boolean defaultImports) throws IOException {
        SnippetCompiler javac = new SnippetCompiler(classpath(), classes);
        List<String> errors = javac.compile(snippet, defaultImports);
        assertTrue(errors.isEmpty(), () -> snippet.name() + " does not compile:\n" + String.join("\n", errors)
                + "\n(a fragment names the variables it uses but does not declare in a comment before the fence,"
                + " <!-- snippet-params: ArticleMeta article, DeliveryClient herald -->; see docs/development.md)"
                + "\n--- compiled as ---\n" + javac.sourceFor(snippet, defaultImports));
    }

    private static List<Snippet> snippets(Path page) throws IOException {
        String name = page.toString().replace(File.separatorChar, '/');
        return MarkdownSnippets.find(name, Files.readString(page, StandardCharsets.UTF_8));
    }

    // Written by the dependency plugin: Herald's artifacts and the libraries the snippets show.
    private static List<Path> classpath() throws IOException {
        String file = System.getProperty("snippet.classpath");
        Assumptions.assumeTrue(file != null, "run by Maven, which writes the snippets' class path");
        return Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of).toList();
    }
}
