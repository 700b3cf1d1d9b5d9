package dev.herald.readme;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles one snippet with {@code javac} and reports its errors at their lines of the Markdown file.
 *
 * <p>The convention: a snippet that declares a top-level type is a whole source file and is compiled
 * as written. Any other snippet is a fragment: its {@code import} lines stay imports and the rest
 * becomes the body of a method, whose parameters a {@code <!-- snippet-params: … -->} comment
 * before the block may declare. The wrapping is put on the snippet's own lines, so every line of the
 * compiled source is the same line of the Markdown file.
 */
final class SnippetCompiler {
    /**
     * What a snippet without a single {@code import} line may use unqualified besides Herald's own
     * public packages, when the page allows it (reference pages under {@code docs/}; the README's
     * snippets carry their own imports).
     */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.net.*", "java.nio.file.*", "java.time.*", "java.util.*", "javax.sql.DataSource",
            "jakarta.servlet.*", "jakarta.servlet.annotation.*", "jakarta.servlet.http.*",
            "org.junit.jupiter.api.*", "org.junit.jupiter.api.extension.*",
            "static org.junit.jupiter.api.Assertions.*");

    private static final Pattern TYPE = Pattern.compile(
            "^(?:@\\w+(?:\\(.*\\))?\\s+)*((?:public|final|abstract|sealed|non-sealed)\\s+)*(class|interface|record|enum|@interface)\\s+(\\w+).*");
    private static final Pattern PUBLIC_TYPE = Pattern.compile(
            "^(?:@\\w+(?:\\(.*\\))?\\s+)*public\\s+(?:(?:final|abstract|sealed|non-sealed)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+).*");
    private static final Pattern IMPORT = Pattern.compile("^import\\s.*");

    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    private final List<Path> classpath;
    private final Path output;
    private final List<String> defaultImports;

    SnippetCompiler(List<Path> classpath, Path output) {
        this.classpath = List.copyOf(classpath);
        this.output = output;
        List<String> imports = new ArrayList<>();
        for (String pkg : heraldPackages(this.classpath)) imports.add(pkg + ".*");
        imports.addAll(DEFAULT_IMPORTS);
        this.defaultImports = List.copyOf(imports);
    }

    /**
     * Herald's public packages among {@code classpath}'s jars and class folders: every package under
     * {@code dev.herald} except {@code internal} ones, so a new package needs no change here.
     */
    static SortedSet<String> heraldPackages(List<Path> classpath) {
        SortedSet<String> packages = new TreeSet<>();
        for (Path entry : classpath) {
            try {
                if (Files.isDirectory(entry)) {
                    Path root = entry.resolve("dev/herald");
                    if (!Files.isDirectory(root)) continue;
                    try (Stream<Path> files = Files.walk(root)) {
                        files.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> addPackage(packages, entry.relativize(f.getParent()).toString().replace(File.separatorChar, '/')));
                    }
                } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
                    try (JarFile jar = new JarFile(entry.toFile())) {
                        jar.stream().map(JarEntry::getName)
                                .filter(n -> n.startsWith("dev/herald/") && n.endsWith(".class") && n.lastIndexOf('/') > 0)
                                .forEach(n -> addPackage(packages, n.substring(0, n.lastIndexOf('/'))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(entry.toString(), e);
            }
        }
        return packages;
    }

    private static void addPackage(SortedSet<String> packages, String folder) {
        String pkg = folder.replace('/', '.');
        if (pkg.startsWith("dev.herald") && !pkg.matches("(.*\\.)?internal(\\..*)?")) packages.add(pkg);
    }

    /** Whether {@code snippet} is a whole source file rather than a fragment. */
    static boolean isWholeFile(Snippet snippet) {
        return snippet.lines().stream().anyMatch(l -> TYPE.matcher(l).matches());
    }

    /**
     * The source {@code javac} is given for {@code snippet}, line for line the snippet's;
     * {@code defaultImports} are added when the snippet has no import of its own.
     */
    static String source(Snippet snippet, List<String> defaultImports) {
        List<String> lines = new ArrayList<>(snippet.lines());
        if (lines.isEmpty()) lines.add("");
        boolean hasImports = lines.stream().anyMatch(l -> IMPORT.matcher(l).matches());
        String imports = !defaultImports.isEmpty() && !hasImports
                ? defaultImports.stream().map(i -> "import " + i + "; ").reduce("", String::concat)
                : "";
        if (isWholeFile(snippet)) {
            int afterPackage = 0;
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("package ")) afterPackage = i + 1;
            if (afterPackage == lines.size()) lines.add("");
            lines.set(afterPackage, imports + lines.get(afterPackage));
            return String.join("\n", lines) + "\n";
        }
        int body = 0;
        while (body < lines.size() && (IMPORT.matcher(lines.get(body)).matches() || lines.get(body).isBlank())) body++;
        if (body == lines.size()) lines.add("");
        // The class and method open on the body's first line, after any imports; they close on a
        // line of their own, since the snippet's last line may end in a comment.
        lines.set(body, "class Snippet { void run(" + snippet.params() + ") throws Exception { " + lines.get(body));
        lines.set(0, imports + lines.get(0));
        return String.join("\n", lines) + "\n}}\n";
    }

    /** The source {@link #compile} gives {@code javac} for {@code snippet}. */
    String sourceFor(Snippet snippet, boolean defaultImports) {
        return source(snippet, defaultImports ? this.defaultImports : List.of());
    }

    /**
     * Compiles {@code snippet}; returns its errors as {@code file:line: message}, empty when it
     * compiles.
     */
    List<String> compile(Snippet snippet, boolean defaultImports) {
        String code = source(snippet, defaultImports ? this.defaultImports : List.of());
        String fileName = snippet.lines().stream().map(PUBLIC_TYPE::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).findFirst().orElse("Snippet") + ".java";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + fileName), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(output));
            javac.getTask(null, files, diagnostics, List.of("-proc:none", "-implicit:none", "-Xlint:none", "-nowarn"),
                    null, List.of(file)).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            errors.add(snippet.where(d.getLineNumber()) + ": " + d.getMessage(Locale.ROOT));
        }
        return errors;
    }
}
