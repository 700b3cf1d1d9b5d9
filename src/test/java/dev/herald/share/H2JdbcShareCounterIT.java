package dev.herald.share;

import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Share counts in the embedded H2 file database. */
class H2JdbcShareCounterIT extends JdbcShareCounterContract {
    @TempDir
    Path dir;

    @Override
    DeliveryDatabase database() {
        return TestDatabases.h2(dir);
    }
}
