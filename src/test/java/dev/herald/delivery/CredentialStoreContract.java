package dev.herald.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.Tokens;
import dev.herald.testkit.ManualClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database's {@link JdbcCredentialStore} must do, run against each real database by a subclass. */
abstract class CredentialStoreContract {
    static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");
    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) (i * 7 + 1);
            OTHER_KEY[i] = (byte) (i * 11 + 3);
        }
    }

    final ManualClock clock = new ManualClock(T0);
    DeliveryDatabase db;
    JdbcCredentialStore store;

    /** A fresh, migrated database. */
    abstract DeliveryDatabase newDatabase();

    @BeforeEach
    void open() {
        db = newDatabase();
        store = new JdbcCredentialStore(db, CredentialKey.of(1, KEY), clock);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Tokens tokens(String access, String refresh) {
        return Tokens.of(access, refresh, T0.plus(Duration.ofHours(2)));
    }

    @Test
    void storesTokensAndOpensThemWithTheirExpiryAndVersion() {
        Tokens saved = store.save("ledger-x", tokens("access-1", "refresh-1").withRefreshExpiresAt(T0.plus(Duration.ofDays(365))));

        Tokens found = store.find("ledger-x").orElseThrow();
        assertEquals("access-1", found.access());
        assertEquals("refresh-1", found.refresh());
        assertEquals(T0.plus(Duration.ofHours(2)), found.expiresAt());
        assertEquals(T0.plus(Duration.ofDays(365)), found.refreshExpiresAt());
        assertEquals(1, found.version());
        assertEquals(saved, found);
        assertEquals(Optional.empty(), store.find("ledger-threads"));
    }

    @Test
    void keepsNoTokenInTheClearAndUsesAFreshNonceForEveryWrite() throws SQLException {
        store.save("ledger-x", tokens("access-plain-value", "refresh-plain-value"));
        String[] first = raw("ledger-x");
        store.save("ledger-x", tokens("access-plain-value", "refresh-plain-value"));
        String[] second = raw("ledger-x");

        for (String column : first) {
            assertFalse(column.contains("access-plain-value") || column.contains("refresh-plain-value"), column);
        }
        assertNotEquals(first[0], second[0], "the nonce is new for every write");
        assertNotEquals(first[1], second[1], "so the same tokens seal differently");
        assertEquals(12, java.util.Base64.getDecoder().decode(first[0]).length, "a 96-bit nonce");
    }

    @Test
    void aSealedRowCopiedOntoAnotherAccountDoesNotOpen() throws SQLException {
        store.save("ledger-x", tokens("x-access", "x-refresh"));
        store.save("ledger-linkedin", tokens("li-access", null));
        String[] x = raw("ledger-x");
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("update herald_credential set nonce = ?, sealed = ? where account = ?")) {
            ps.setString(1, x[0]);
            ps.setString(2, x[1]);
            ps.setString(3, "ledger-linkedin");
            ps.executeUpdate();
        }

        DeliveryException e = assertThrows(DeliveryException.class, () -> store.find("ledger-linkedin"));
        assertTrue(e.getMessage().contains("do not open"), e.getMessage());
        assertFalse(e.getMessage().contains("x-access"));
    }

    @Test
    void anotherKeyCannotOpenTheTokensAndSaysWhatToDo() {
        store.save("ledger-x", tokens("x-access", "x-refresh"));

        DeliveryException wrongKey = assertThrows(DeliveryException.class,
                () -> new JdbcCredentialStore(db, CredentialKey.of(1, OTHER_KEY), clock).find("ledger-x"));
        DeliveryException newVersion = assertThrows(DeliveryException.class,
                () -> new JdbcCredentialStore(db, CredentialKey.of(2, OTHER_KEY), clock).find("ledger-x"));

        assertTrue(wrongKey.getMessage().contains("herald auth ledger-x"), wrongKey.getMessage());
        assertTrue(newVersion.getMessage().contains("key version 1"), newVersion.getMessage());
    }

    @Test
    void compareAndSetRefusesAStaleVersionAndKeepsTheNewerTokens() {
        Tokens first = store.compareAndSet("ledger-x", null, tokens("access-1", "refresh-1")).orElseThrow();
        Tokens second = store.compareAndSet("ledger-x", first, tokens("access-2", "refresh-2")).orElseThrow();

        assertEquals(Optional.empty(), store.compareAndSet("ledger-x", first, tokens("access-stale", "refresh-stale")));
        assertEquals(Optional.empty(), store.compareAndSet("ledger-x", null, tokens("access-new-row", "refresh-new-row")));
        assertEquals(second, store.find("ledger-x").orElseThrow());
        assertEquals("refresh-2", store.find("ledger-x").orElseThrow().refresh());
    }

    @Test
    void listsExpiriesWithoutTheKeyAndForgetsAnAccount() {
        clock.set(T0.plus(Duration.ofMinutes(5)));
        store.save("ledger-threads", Tokens.of("th-access", null, T0.plus(Duration.ofDays(60))));
        store.save("ledger-x", tokens("x-access", "x-refresh"));

        List<StoredCredential> listed = new JdbcCredentialStore(db, CredentialKey.of(9, OTHER_KEY), clock).list();

        assertEquals(List.of(new StoredCredential("ledger-threads", 1, T0.plus(Duration.ofDays(60)), null, false, T0.plus(Duration.ofMinutes(5))),
                new StoredCredential("ledger-x", 1, T0.plus(Duration.ofHours(2)), null, true, T0.plus(Duration.ofMinutes(5)))), listed);
        assertEquals(listed, JdbcCredentialStore.list(db));
        assertTrue(store.delete("ledger-x"));
        assertFalse(store.delete("ledger-x"));
        assertEquals(1, store.list().size());
    }

    @Test
    void showsNoTokenOrKeyInItsDescriptions() {
        Tokens t = store.save("ledger-x", tokens("access-secret", "refresh-secret"));

        assertFalse(t.toString().contains("secret"), t.toString());
        assertFalse(store.toString().contains(java.util.Base64.getEncoder().encodeToString(KEY)));
        assertEquals("CredentialKey[version=1, key=****]", CredentialKey.of(1, KEY).toString());
    }

    /** The row's nonce and sealed text as the database holds them. */
    String[] raw(String account) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select nonce, sealed from herald_credential where account = '" + account + "'")) {
            assertTrue(rs.next());
            return new String[] {rs.getString(1), rs.getString(2)};
        }
    }
}
