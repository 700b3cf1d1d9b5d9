package dev.herald.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Each published jar names its module in its manifest ({@code Automatic-Module-Name}), so a modular
 * app can {@code requires dev.herald;} under a name that will not change. Reads the jars Maven
 * packaged in this build, as this module's dependencies resolve to them.
 */
class PublishedJarsIT {
    private static final Map<String, String> MODULES = Map.of(
            "herald", "dev.herald",
            "herald-syndication", "dev.herald.feature.syndication",
            "herald-delivery", "dev.herald.feature.delivery",
            "herald-testkit", "dev.herald.testkit",
            "herald-spring-boot", "dev.herald.spring");

    @Test
    void everyPublishedLibraryJarNamesItsModule() throws IOException {
        List<Path> classpath = classpath();
        for (Map.Entry<String, String> artifact : MODULES.entrySet()) {
            Path jar = classpath.stream()
                    .filter(p -> p.getFileName().toString().matches(artifact.getKey() + "-\\d.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(artifact.getKey() + " is not a packaged jar on the class path "
                            + "(run by `mvn verify`, after the jars are built): " + classpath));
            assertEquals(artifact.getValue(), moduleName(jar), jar.toString());
        }
    }

    @Test
    void theCommandLineJarNamesItsModule() throws IOException {
        Path jar = Path.of("target/herald-cli.jar");
        Assumptions.assumeTrue(Files.isRegularFile(jar), "built by src/cli in the same `mvn verify`");
        assertEquals("dev.herald.cli", moduleName(jar));
    }

    private static String moduleName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.getManifest() != null, jar + " has a manifest");
            return file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }

    private static List<Path> classpath() throws IOException {
        String file = System.getProperty("snippet.classpath");
        Assumptions.assumeTrue(file != null, "run by Maven, which writes the class path");
        return Arrays.stream(Files.readString(Path.of(file)).strip().split(File.pathSeparator)).map(Path::of).toList();
    }
}
