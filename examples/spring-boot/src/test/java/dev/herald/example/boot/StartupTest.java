package dev.herald.example.boot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * The site starts with no warning from Herald, nor from the Flyway and H2 that herald-delivery
 * brings, with delivery running (an account configured) on Boot's made-up in-memory DataSource.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "herald.delivery.database=target/herald-data/startup-${random.uuid}")
class StartupTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Accounts {
        @Bean
        TestSyndicators.Accepting newsroom() {
            return new TestSyndicators.Accepting();
        }
    }

    @Test
    void startsWithNoWarningFromHeraldFlywayOrH2(CapturedOutput output) {
        OutboxChecks.assertNoWarnings(output);
        assertTrue(output.getAll().contains("Herald ShareFilter 'herald' ready"), "the filter started");
    }
}
