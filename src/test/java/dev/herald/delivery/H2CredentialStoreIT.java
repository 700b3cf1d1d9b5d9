package dev.herald.delivery;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The credential store contract on the embedded default: an H2 file database. */
class H2CredentialStoreIT extends CredentialStoreContract {
    @TempDir
    Path dir;

    @Override
    DeliveryDatabase newDatabase() {
        return TestDatabases.h2(dir);
    }
}
