package dev.herald.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
     * What a snippet without a single {@code import} line may use unqualified, when the page allows
     * it (reference pages under {@code docs/}; the README's snippets carry their own imports).
     */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "dev.herald.*", "dev.herald.buttons.*", "dev.herald.delivery.*", "dev.herald.meta.*",
            "dev.herald.metrics.*", "dev.herald.page.*", "dev.herald.share.*", "dev.herald.syndication.*",
            "dev.herald.syndication.config.*", "dev.herald.syndication.webhook.*", "dev.herald.testkit.*",
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

    SnippetCompiler(List<Path> classpath, Path output) {
        this.classpath = List.copyOf(classpath);
        this.output = output;
    }

    /** Whether {@code snippet} is a whole source file rather than a fragment. */
    static boolean isWholeFile(Snippet snippet) {
        return snippet.lines().stream().anyMatch(l -> TYPE.matcher(l).matches());
    }

    /** The source {@code javac} is given for {@code snippet}, line for line the snippet's. */
    static String source(Snippet snippet, boolean defaultImports) {
        List<String> lines = new ArrayList<>(snippet.lines());
        if (lines.isEmpty()) lines.add("");
        boolean hasImports = lines.stream().anyMatch(l -> IMPORT.matcher(l).matches());
        String imports = defaultImports && !hasImports
                ? DEFAULT_IMPORTS.stream().map(i -> "import " + i + "; ").reduce("", String::concat)
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

    /**
     * Compiles {@code snippet}; returns its errors as {@code file:line: message}, empty when it
     * compiles.
     */
    List<String> compile(Snippet snippet, boolean defaultImports) {
        String code = source(snippet, defaultImports);
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
