package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.DeliveryClient;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The app configures its own database: the outbox lives there, and the app starts cleanly. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {NewsApplication.class, OutboxChecks.Accounts.class},
        properties = "spring.datasource.url=jdbc:h2:mem:own;DB_CLOSE_DELAY=-1")
class DeliveryOnTheAppsDataSourceTest {
    private static final Path FOLDER = OutboxChecks.freshFolder();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("herald.delivery.database", () -> FOLDER.resolve("herald").toString());
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    DeliveryClient delivery;

    @Test
    void keepsTheOutboxInTheAppsDatabase(CapturedOutput output) {
        assertTrue(OutboxChecks.holdsTheOutbox(dataSource));
        assertFalse(OutboxChecks.embeddedFileExists(FOLDER));
        assertEquals(List.of("newsroom"), delivery.accounts());
        OutboxChecks.assertNoWarnings(output);
    }
}
