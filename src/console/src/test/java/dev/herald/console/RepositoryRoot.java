package dev.herald.console;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's top folder, for tests that serve {@code webapp/}. Surefire and Failsafe run in
 * it; PIT's minions run in this module's folder, so the search walks up from wherever the JVM runs.
 */
final class RepositoryRoot {
    private RepositoryRoot() {
    }

    /** {@code relative} resolved against the nearest folder, from the working directory up, that has {@code webapp/}. */
    static Path resolve(String relative) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("webapp")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException("no folder with webapp/ and pom.xml at or above " + start);
    }
}
