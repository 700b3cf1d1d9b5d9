package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The edges of console users: password lengths exactly at bcrypt's limits, and users read from a file. */
class ConsoleUsersLimitsTest {
    @TempDir
    Path dir;

    @Test
    void hashesAPasswordOfExactlyEightCharactersButNotSeven() {
        String eight = "abcdefgh";
        assertTrue(ConsoleUsers.hash(eight).startsWith("$2a$"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleUsers.hash("abcdefg"));
        assertTrue(e.getMessage().contains("at least 8 characters"), e.getMessage());
    }

    @Test
    void hashesAPasswordOfExactlySeventyTwoBytesAndItsLastByteCounts() throws Exception {
        String full = "é".repeat(36); // 72 bytes in UTF-8
        ConsoleUsers users = ConsoleUsers.parse("console:\n  users:\n    - name: ada\n      role: admin\n      password: \""
                + ConsoleUsers.hash(full) + "\"\n", "herald.yaml");
        assertEquals(Optional.of(new ConsoleUser("ada", Role.ADMIN)), users.authenticate("ada", full));
        assertEquals(Optional.empty(), users.authenticate("ada", "é".repeat(35) + "e"), "the last character is part of the password");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleUsers.hash(full + "x"));
        assertTrue(e.getMessage().contains("at most 72 bytes"), e.getMessage());
    }

    @Test
    void readsUsersFromAFileAndNamesAFileItCannotRead() throws Exception {
        Path yaml = dir.resolve("herald.yaml");
        Files.writeString(yaml, "console:\n  zone: Europe/Berlin\n  users:\n"
                + "    - name: vera\n      role: viewer\n      password: \"" + ConsoleUsers.hash("vera's password") + "\"\n"
                + "    - name: ada\n      role: admin\n      password: \"" + ConsoleUsers.hash("ada's password") + "\"\n");
        ConsoleUsers users = ConsoleUsers.load(yaml);
        assertEquals(2, users.size());
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), users.zone());
        assertEquals(Optional.of(new ConsoleUser("vera", Role.VIEWER)), users.authenticate(" vera ", "vera's password"), "the name as typed, trimmed");
        Path missing = dir.resolve("missing.yaml");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> ConsoleUsers.load(missing));
        assertTrue(e.getMessage().startsWith("cannot read " + missing), e.getMessage());
    }
}
