package dev.herald.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.delivery.internal.Migrations;
import dev.herald.internal.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Validate;
import dev.herald.syndication.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.sql.DataSource;

/**
 * The {@link CredentialStore} on Herald's delivery database (H2 or PostgreSQL, table
 * {@code herald_credential}; run {@link Migrations#migrate} first, as {@link Delivery} does).
 *
 * <p><b>At rest.</b> Each account's tokens are sealed with AES-GCM under the {@link CredentialKey}:
 * a fresh random 96-bit nonce for every write, a 128-bit tag, and the account's name and the key's
 * version as associated data, so a row copied onto another account, or opened with another key,
 * fails instead of yielding a token. Expiry times are stored in the clear: they are not secret,
 * and {@code herald accounts} reads them without the key.
 *
 * <p><b>Two nodes at once.</b> Every write compares the row's {@code version} and bumps it in one
 * statement, so of two nodes that renewed the same token at the same moment exactly one stores its
 * result; the other's {@link #compareAndSet} returns empty and it reads the winner's tokens.
 * Thread-safe.
 */
public final class JdbcCredentialStore implements CredentialStore {
    private static final String COLUMNS = "account, key_version, nonce, sealed, expires_at, refresh_expires_at, renewable, updated_at, version";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int MAX_SAVE_TRIES = 10;
    private static final ObjectMapper JSON = Json.MAPPER;

    private final DataSource dataSource;
    private final CredentialKey key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** A store on {@code dataSource} (already migrated), sealing with {@code key}, stamping writes with {@code clock}. */
    public JdbcCredentialStore(DataSource dataSource, CredentialKey key, Clock clock) {
        this.dataSource = Validate.notNull(dataSource, "dataSource");
        this.key = Validate.notNull(key, "key");
        this.clock = Validate.notNull(clock, "clock");
    }

    /**
     * The account's tokens, opened.
     *
     * @throws DeliveryException when the row was sealed under another key version, or does not open
     *     with this key (a wrong key, or a row altered or copied from another account)
     */
    @Override
    public Optional<Tokens> find(String account) {
        Validate.notBlank(account, "account");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from herald_credential where account = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(open(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DeliveryException("cannot read the stored credentials of " + account + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Tokens> compareAndSet(String account, Tokens expected, Tokens replacement) {
        Validate.notBlank(account, "account");
        Validate.notNull(replacement, "replacement");
        long want = expected == null ? 0 : expected.version();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String sealed = seal(account, nonce, replacement);
        String nonce64 = Base64.getEncoder().encodeToString(nonce);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (want == 0) {
                try (PreparedStatement ps = c.prepareStatement("insert into herald_credential (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                    ps.setString(1, account);
                    ps.setInt(2, key.version());
                    ps.setString(3, nonce64);
                    ps.setString(4, sealed);
                    time(ps, 5, replacement.expiresAt());
                    time(ps, 6, replacement.refreshExpiresAt());
                    ps.setBoolean(7, replacement.refresh() != null);
                    time(ps, 8, now);
                    ps.executeUpdate();
                    return Optional.of(replacement.withVersion(1));
                } catch (SQLException e) {
                    // Another node stored the account's first tokens a moment earlier.
                    if ("23505".equals(e.getSQLState())) return Optional.empty();
                    throw e;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("update herald_credential set key_version = ?, nonce = ?, sealed = ?, expires_at = ?,"
                    + " refresh_expires_at = ?, renewable = ?, updated_at = ?, version = version + 1 where account = ? and version = ?")) {
                ps.setInt(1, key.version());
                ps.setString(2, nonce64);
                ps.setString(3, sealed);
                time(ps, 4, replacement.expiresAt());
                time(ps, 5, replacement.refreshExpiresAt());
                ps.setBoolean(6, replacement.refresh() != null);
                time(ps, 7, now);
                ps.setString(8, account);
                ps.setLong(9, want);
                return ps.executeUpdate() == 1 ? Optional.of(replacement.withVersion(want + 1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DeliveryException("cannot store the credentials of " + account + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the account's tokens whatever they were, even when sealed under an older key (a new sign-in). */
    @Override
    public Tokens save(String account, Tokens tokens) {
        Validate.notBlank(account, "account");
        Validate.notNull(tokens, "tokens");
        for (int i = 0; i < MAX_SAVE_TRIES; i++) {
            long version = storedVersion(account);
            Optional<Tokens> stored = compareAndSet(account, tokens.withVersion(version), tokens);
            if (stored.isPresent()) return stored.get();
        }
        throw new DeliveryException("cannot store the credentials of " + account + ": other writers kept changing them");
    }

    @Override
    public List<StoredCredential> list() {
        return list(dataSource);
    }

    /** What {@link #list()} says, read from {@code dataSource} without any key: the expiries are stored in the clear. */
    public static List<StoredCredential> list(DataSource dataSource) {
        Validate.notNull(dataSource, "dataSource");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select " + COLUMNS + " from herald_credential order by account");
                ResultSet rs = ps.executeQuery()) {
            List<StoredCredential> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new StoredCredential(rs.getString("account"), rs.getInt("key_version"), time(rs, "expires_at"),
                        time(rs, "refresh_expires_at"), rs.getBoolean("renewable"), time(rs, "updated_at")));
            }
            return out;
        } catch (SQLException e) {
            throw new DeliveryException("cannot list the stored credentials: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String account) {
        Validate.notBlank(account, "account");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("delete from herald_credential where account = ?")) {
            ps.setString(1, account);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new DeliveryException("cannot delete the stored credentials of " + account + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "JdbcCredentialStore[" + key + "]";
    }

    private long storedVersion(String account) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("select version from herald_credential where account = ?")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new DeliveryException("cannot read the stored credentials of " + account + ": " + e.getMessage(), e);
        }
    }

    private Tokens open(ResultSet rs) throws SQLException {
        String account = rs.getString("account");
        int version = rs.getInt("key_version");
        if (version != key.version()) {
            throw new DeliveryException("the stored credentials of " + account + " are sealed with credential key version " + version
                    + ", but this process has version " + key.version() + "; give it that key, or sign in again with: herald auth " + account);
        }
        byte[] plain;
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(rs.getString("nonce"))));
            gcm.updateAAD(aad(account, version));
            plain = gcm.doFinal(Base64.getDecoder().decode(rs.getString("sealed")));
        } catch (AEADBadTagException e) {
            throw new DeliveryException("the stored credentials of " + account + " do not open with credential key version " + version
                    + " (a different key, or the row was altered); sign in again with: herald auth " + account);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new DeliveryException("cannot open the stored credentials of " + account + ": " + e.getClass().getSimpleName());
        }
        try {
            JsonNode json = JSON.readTree(plain);
            String refresh = json.path("refresh").asText(null);
            return new Tokens(json.path("access").asText(), refresh, time(rs, "expires_at"), time(rs, "refresh_expires_at"), rs.getLong("version"));
        } catch (IOException | IllegalArgumentException e) {
            throw new DeliveryException("the stored credentials of " + account + " are not in the expected form");
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    private String seal(String account, byte[] nonce, Tokens tokens) {
        ObjectNode json = JSON.createObjectNode().put("access", tokens.access());
        if (tokens.refresh() != null) json.put("refresh", tokens.refresh());
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad(account, key.version()));
            return Base64.getEncoder().encodeToString(gcm.doFinal(JSON.writeValueAsBytes(json)));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("AES-GCM is required of every JVM: " + e.getClass().getSimpleName(), e);
        }
    }

    /** The associated data: what the sealed tokens belong to, checked when they are opened. */
    private static byte[] aad(String account, int keyVersion) {
        return ("herald-credential:v1\n" + keyVersion + "\n" + account).getBytes(StandardCharsets.UTF_8);
    }

    private static void time(PreparedStatement ps, int index, Instant t) throws SQLException {
        JdbcDeliveryStore.setInstant(ps, index, t);
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        return JdbcDeliveryStore.getInstant(rs, rs.findColumn(column));
    }
}
