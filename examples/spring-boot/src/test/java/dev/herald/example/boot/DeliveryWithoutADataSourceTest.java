package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.delivery.DeliveryClient;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An app with no DataSource at all: delivery runs on Herald's embedded file. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = {NewsApplication.class, OutboxChecks.Accounts.class},
        // Boot 3's name, then Boot 4's: each Boot ignores the name it does not have.
        properties = "spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration,"
                + "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
class DeliveryWithoutADataSourceTest {
    private static final Path FOLDER = OutboxChecks.freshFolder();

    @DynamicPropertySource
    static void embedded(DynamicPropertyRegistry registry) {
        registry.add("herald.delivery.database", () -> FOLDER.resolve("herald").toString());
    }

    @Autowired
    ObjectProvider<DataSource> dataSource;
    @Autowired
    DeliveryClient delivery;

    @Test
    void keepsTheOutboxInHeraldsEmbeddedFile(CapturedOutput output) {
        assertNull(dataSource.getIfAvailable());
        assertTrue(OutboxChecks.embeddedFileExists(FOLDER), FOLDER.toString());
        assertEquals(List.of("newsroom"), delivery.accounts());
        OutboxChecks.assertNoWarnings(output);
    }
}
