package dev.herald;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Files of the repository that tests read (the example configuration, the demo webapp, committed
 * fuzz corpora), found from whichever directory the test runs in.
 *
 * <p>Surefire runs the tests in the repository root; PIT's minions run them in the module
 * directory ({@code src/}). Both lie inside the repository, so walking up from {@code user.dir}
 * to the first directory holding both the top-level {@code pom.xml} and {@code examples/} finds
 * the root either way.
 */
public final class RepositoryRoot {
    private RepositoryRoot() {}

    /**
     * Returns the repository's top directory: the nearest directory at or above {@code user.dir}
     * holding {@code pom.xml} and {@code examples/}.
     *
     * @throws UncheckedIOException if no directory above the working directory is the repository root
     */
    public static Path path() {
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("examples"))) return dir;
        }
        throw new UncheckedIOException(new NoSuchFileException(start.toString(), null,
                "no directory at or above it holds the repository's pom.xml and examples/"));
    }

    /**
     * Returns {@code relative} (a path such as {@code "examples/herald.yaml"}) resolved against the
     * repository root; the file need not exist.
     */
    public static Path resolve(String relative) {
        return path().resolve(relative);
    }
}
