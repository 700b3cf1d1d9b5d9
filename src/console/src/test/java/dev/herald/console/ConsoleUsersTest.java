package dev.herald.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleUsersTest {
    private static final String HASH = ConsoleUsers.hash("a long enough password");

    private static ConsoleUsers users(String entries) {
        return ConsoleUsers.parse("accounts: []\nconsole:\n  users:\n" + entries, "herald.yaml");
    }

    @Test
    void findsAUserByNameAndPassword() {
        ConsoleUsers u = users("    - name: edith\n      role: Editor\n      password: \"" + HASH + "\"\n");
        assertEquals(Optional.of(new ConsoleUser("edith", Role.EDITOR)), u.authenticate("edith", "a long enough password"));
        assertEquals(Optional.empty(), u.authenticate("edith", "a long enough passwordX"));
        assertEquals(Optional.empty(), u.authenticate("edgar", "a long enough password"));
        assertEquals(Optional.empty(), u.authenticate("edith", "x".repeat(100)), "over bcrypt's 72 bytes is simply wrong");
        assertEquals(ZoneId.of("UTC"), u.zone());
    }

    @Test
    void hashesWithAFreshSaltEachTime() {
        assertNotEquals(ConsoleUsers.hash("same password"), ConsoleUsers.hash("same password"));
        assertTrue(ConsoleUsers.hash("same password").startsWith("$2a$12$"));
    }

    @Test
    void refusesAPasswordWrittenInClear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> users("    - name: edith\n      role: editor\n      password: hunter22\n"));
        assertTrue(e.getMessage().contains("herald.yaml: console user 'edith': password must be a bcrypt hash"), e.getMessage());
    }

    @Test
    void refusesAnUnknownRoleADuplicateAndAMissingSection() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> users("    - name: a\n      role: owner\n      password: \"" + HASH + "\"\n"))
                .getMessage().contains("unknown role 'owner'"));
        String one = "    - name: a\n      role: viewer\n      password: \"" + HASH + "\"\n";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> users(one + one)).getMessage().contains("listed twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConsoleUsers.parse("accounts: []\n", "herald.yaml"))
                .getMessage().contains("no 'console:' section"));
    }

    @Test
    void refusesShortAndOverlongPasswordsWhenHashing() {
        assertThrows(IllegalArgumentException.class, () -> ConsoleUsers.hash("short"));
        assertThrows(IllegalArgumentException.class, () -> ConsoleUsers.hash("é".repeat(37)), "74 bytes");
    }
}
