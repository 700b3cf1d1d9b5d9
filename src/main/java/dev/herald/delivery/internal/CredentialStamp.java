package dev.herald.delivery.internal;

import dev.herald.internal.Validate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A salted fingerprint of an account's credentials, kept with an auth failure so that a worker
 * started later can tell whether the credentials were replaced since, without the database ever
 * holding them. The salt is random per stamp, so equal credentials of two accounts (or a weak
 * password) cannot be spotted or looked up in a table of common passwords' hashes.
 *
 * <p>Format: {@code s1:<base64 salt>:<hex SHA-256(salt, credentials)>}.
 */
public final class CredentialStamp {
    private static final String VERSION = "s1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialStamp() {}

    /** A new stamp of {@code credentials} (the account's resolved credentials and the settings that choose them). */
    public static String of(String credentials) {
        Validate.notNull(credentials, "credentials");
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return VERSION + ":" + Base64.getEncoder().withoutPadding().encodeToString(salt) + ":" + hash(salt, credentials);
    }

    /** Whether {@code stamp} was made of exactly {@code credentials}; {@code false} for a stamp this version cannot read. */
    public static boolean matches(String stamp, String credentials) {
        Validate.notNull(stamp, "stamp");
        Validate.notNull(credentials, "credentials");
        String[] parts = stamp.split(":");
        if (parts.length != 3 || !parts[0].equals(VERSION)) return false;
        byte[] salt;
        try {
            salt = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        // Constant-time, as a comparison of anything derived from a secret should be.
        return MessageDigest.isEqual(hash(salt, credentials).getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(byte[] salt, String credentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(credentials.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
