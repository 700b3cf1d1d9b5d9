package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Boot made up an in-memory database only because H2 is on the class path: the outbox goes to
 * Herald's embedded file instead, where it survives a restart.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {NewsApplication.class, OutboxChecks.Accounts.class})
class DeliveryBesideBootsMadeUpDataSourceTest {
    private static final Path FOLDER = OutboxChecks.freshFolder();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("herald.delivery.database", () -> FOLDER.resolve("herald").toString());
    }

    @Autowired
    DataSource dataSource;

    @Test
    void keepsTheOutboxInHeraldsEmbeddedFile(CapturedOutput output) {
        assertFalse(OutboxChecks.holdsTheOutbox(dataSource));
        assertTrue(OutboxChecks.embeddedFileExists(FOLDER), FOLDER.toString());
        OutboxChecks.assertNoWarnings(output);
    }
}
