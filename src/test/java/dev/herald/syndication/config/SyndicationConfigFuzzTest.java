package dev.herald.syndication.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes {@code herald.yaml} loading: whatever the file holds, the only exception is a
 * {@link ConfigException} (which names the file), never a YAML library's, a
 * {@code NullPointerException} or a {@code ClassCastException}. Every build replays the committed
 * corpus in {@code src/test/resources/dev/herald/syndication/config/SyndicationConfigFuzzTestInputs/};
 * {@code JAZZER_FUZZ=1 mvn test -Dtest=SyndicationConfigFuzzTest} searches for new inputs.
 */
class SyndicationConfigFuzzTest {
    @FuzzTest(maxDuration = "2m")
    void loadingAnyFileFailsOnlyWithAConfigException(FuzzedDataProvider data) throws Exception {
        byte[] bytes = data.consumeRemainingAsBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        SyndicationConfig parsed = null;
        try {
            parsed = SyndicationConfig.parse(text, "fuzz.yaml");
        } catch (ConfigException e) {
            assertFalse(e.getMessage().isBlank());
        }
        if (parsed != null) {
            // What loads is usable: the views every command reads do not throw either.
            assertNotNull(parsed.networks());
            assertNotNull(parsed.queueSlots());
            assertNotNull(parsed.siteProperties());
            assertNotNull(parsed.fetchPolicy());
        }
        // The same bytes from a file, where a non-UTF-8 byte is the file's problem, not a crash.
        Path file = Files.createTempFile("herald-fuzz", ".yaml");
        try {
            Files.write(file, bytes);
            try {
                SyndicationConfig.load(file);
            } catch (ConfigException e) {
                assertFalse(e.getMessage().isBlank());
            }
        } finally {
            Files.delete(file);
        }
    }
}
