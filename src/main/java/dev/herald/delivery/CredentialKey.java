package dev.herald.delivery;

import dev.herald.internal.Validate;
import dev.herald.syndication.Secret;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES key the credential store seals tokens with, and its version. The key is given in
 * {@code herald.yaml} by reference ({@code credentials: key: ${env:HERALD_CREDENTIALS_KEY}}) as the
 * Base64 of 32 random bytes ({@link #generate()} makes one); the version is written with every
 * sealed row and bound to it, so rotating the key means a new version. {@code toString()} shows the
 * version only.
 */
public final class CredentialKey {
    private final int version;
    private final SecretKey key;

    private CredentialKey(int version, byte[] bytes) {
        Validate.isTrue(version >= 1, "version", "must be at least 1");
        Validate.isTrue(bytes.length == 16 || bytes.length == 24 || bytes.length == 32, "key", "must be 16, 24 or 32 bytes (AES-128/192/256), not " + bytes.length);
        this.version = version;
        this.key = new SecretKeySpec(bytes, "AES");
    }

    /**
     * The key whose Base64 (standard or URL-safe, padding optional) is {@code secret}'s value.
     *
     * @throws IllegalArgumentException when the value is not Base64 of 16, 24 or 32 bytes; the
     *     message names the reference, never the value
     */
    public static CredentialKey of(int version, Secret secret) {
        Validate.notNull(secret, "secret");
        byte[] bytes;
        try {
            String v = secret.value().strip().replace('-', '+').replace('_', '/');
            bytes = Base64.getDecoder().decode(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the credential key " + secret.reference() + " is not Base64; make one with: openssl rand -base64 32");
        }
        try {
            return new CredentialKey(version, bytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the credential key " + secret.reference() + " " + e.getMessage().replaceFirst("^key ", "")
                    + "; make one with: openssl rand -base64 32");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** A key from raw bytes (tests, keys from a key manager). */
    public static CredentialKey of(int version, byte[] bytes) {
        Validate.notNull(bytes, "bytes");
        return new CredentialKey(version, bytes.clone());
    }

    /** A new random 256-bit key, Base64-encoded: what to put in the environment variable. */
    public static String generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The key's version, stored with each row it seals. */
    public int version() {
        return version;
    }

    SecretKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "CredentialKey[version=" + version + ", key=****]";
    }
}
