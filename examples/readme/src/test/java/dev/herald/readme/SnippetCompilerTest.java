package dev.herald.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippet convention: how blocks are found, wrapped and reported. */
class SnippetCompilerTest {
    @TempDir
    Path classes;

    @Test
    void findsOnlyJavaBlocksWithTheirLinesParametersAndSkips() {
        String md = String.join("\n",
                "# Page",                                   // 1
                "```sh",                                    // 2
                "mvn verify",                               // 3
                "```",                                      // 4
                "- a list item:",                           // 5
                "  <!-- snippet-params: String name -->",   // 6
                "  ```java",                                // 7
                "  int n = name.length();",                 // 8
                "  ```",                                    // 9
                "<!-- snippet: skip needs a running server -->",
                "```java",                                  // 11
                "server.stop();",
                "```");
        List<Snippet> found = MarkdownSnippets.find("page.md", md);
        assertEquals(2, found.size());
        assertEquals("page.md:8", found.get(0).name());
        assertEquals(List.of("int n = name.length();"), found.get(0).lines());
        assertEquals("String name", found.get(0).params());
        assertEquals(null, found.get(0).skipReason());
        assertEquals("needs a running server", found.get(1).skipReason());
    }

    @Test
    void takesACodeSpanAtTheStartOfALineForTextNotAFence() {
        List<Snippet> found = MarkdownSnippets.find("page.md", "```` ```java ```` blocks are compiled.\n```java\nint x = 1;\n```\n");
        assertEquals(1, found.size());
        assertEquals("page.md:3", found.get(0).name());
    }

    @Test
    void refusesABlockThatIsNeverClosed() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MarkdownSnippets.find("page.md", "text\n```java\nint x = 1;\n"));
        assertEquals("page.md:2: code block never closed", e.getMessage());
    }

    @Test
    void wrapsAFragmentOnItsOwnLinesSoLineNumbersStayTheMarkdownFiles() {
        Snippet s = new Snippet("page.md", 10, List.of("import java.util.List;", "", "List<String> xs = List.of(name);"), "String name", null);
        String[] compiled = SnippetCompiler.source(s, List.of()).split("\n");
        assertEquals(4, compiled.length);
        assertEquals("import java.util.List;", compiled[0]);
        assertEquals("class Snippet { void run(String name) throws Exception { List<String> xs = List.of(name);", compiled[2]);
        assertEquals("}}", compiled[3]);
    }

    @Test
    void compilesAFragmentAndAWholeFile() throws IOException {
        SnippetCompiler javac = new SnippetCompiler(classpath(), classes);
        Snippet fragment = new Snippet("page.md", 1, List.of("import java.util.List;", "int n = List.of(name).size();"), "String name", null);
        Snippet file = new Snippet("page.md", 1, List.of("package com.example;", "", "public record Story(String title) {}"), "", null);
        assertEquals(List.of(), javac.compile(fragment, false));
        assertTrue(SnippetCompiler.isWholeFile(file));
        assertFalse(SnippetCompiler.isWholeFile(fragment));
        assertEquals(List.of(), javac.compile(file, false));
    }

    @Test
    void reportsAnErrorAtItsLineOfTheMarkdownFile() throws IOException {
        SnippetCompiler javac = new SnippetCompiler(classpath(), classes);
        Snippet s = new Snippet("README.md", 40, List.of("import java.util.List;", "", "List<String> xs = List.of(\"a\");", "int n = xs.sizee();"), "", null);
        List<String> errors = javac.compile(s, false);
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("README.md:44: "), errors.get(0));
        assertTrue(errors.get(0).contains("sizee"), errors.get(0));
    }

    @Test
    void givesDocsFragmentsWithoutImportsHeraldsPublicPackages() throws IOException {
        SnippetCompiler javac = new SnippetCompiler(classpath(), classes);
        Snippet s = new Snippet("docs/x.md", 1, List.of("ArticleMeta meta = ArticleMeta.builder().title(\"t\").build();"), "", null);
        assertEquals(List.of(), javac.compile(s, true));
        assertFalse(javac.compile(s, false).isEmpty(), "the README gets no imports it did not write");
    }

    @Test
    void findsHeraldsPublicPackagesOnTheClassPathButNotInternalOnes() throws IOException {
        java.util.SortedSet<String> packages = SnippetCompiler.heraldPackages(classpath());
        assertTrue(packages.containsAll(List.of("dev.herald", "dev.herald.meta", "dev.herald.delivery", "dev.herald.testkit")), packages::toString);
        assertTrue(packages.stream().noneMatch(p -> p.contains("internal")), packages::toString);
    }

    private static List<Path> classpath() throws IOException {
        String file = System.getProperty("snippet.classpath");
        Assumptions.assumeTrue(file != null, "run by Maven, which writes the snippets' class path");
        return Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of).toList();
    }
}
