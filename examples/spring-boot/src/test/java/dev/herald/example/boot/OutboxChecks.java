package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import javax.sql.DataSource;

/** What the tests of where the outbox lives share: an account, a fresh folder for Herald's embedded file, the checks. */
final class OutboxChecks {
    private OutboxChecks() {}

    /** One account, so that delivery runs. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {
        @Bean
        TestSyndicators.Accepting newsroom() {
            return new TestSyndicators.Accepting();
        }
    }

    /** A new, empty folder under target/ for Herald's embedded database. */
    static Path freshFolder() {
        try {
            Path target = Files.createDirectories(Path.of("target", "herald-data"));
            return Files.createTempDirectory(target, "outbox-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean holdsTheOutbox(DataSource dataSource) {
        Integer n = new JdbcTemplate(dataSource).queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'herald_share'", Integer.class);
        return n != null && n == 1;
    }

    static boolean embeddedFileExists(Path folder) {
        return Files.exists(folder.resolve("herald.mv.db"));
    }

    /**
     * Asserts that the app logged no warning or error from Herald, nor from the Flyway, H2 and
     * HikariCP that herald-delivery brings. One is let through: Flyway's note that the H2 which Boot 4.0
     * manages (2.4) is newer than that Flyway (11.14, also Boot's choice) was verified with; any
     * Boot 4 app pairing Flyway with H2 gets it, and Herald, bound to Boot's versions, cannot change it.
     */
    static void assertNoWarnings(CapturedOutput output) {
        List<String> warnings = output.getAll().lines()
                .filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                .filter(l -> !l.contains("which is newer than the version Flyway has been verified with"))
                .filter(l -> {
                    String s = l.toLowerCase(Locale.ROOT);
                    return s.contains("herald") || s.contains("flyway") || s.contains("h2") || s.contains("hikari");
                })
                .toList();
        assertTrue(warnings.isEmpty(), String.join("\n", warnings));
    }
}
