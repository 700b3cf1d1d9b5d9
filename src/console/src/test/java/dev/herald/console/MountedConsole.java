package dev.herald.console;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** For tests of the console mounted in a site: a fresh {@link ConsoleFixture} for each test, closed after it. */
abstract class MountedConsole {
    @TempDir
    Path dir;

    ConsoleFixture site;

    @BeforeEach
    void startSite() throws Exception {
        site = new ConsoleFixture(dir);
    }

    @AfterEach
    void stopSite() throws Exception {
        site.close();
    }
}
