package dev.herald.delivery.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CredentialStampTest {
    @Test
    void aStampMatchesTheSameCredentialsAndNoOthers() {
        String stamp = CredentialStamp.of("mastodon\ntoken=abc");
        assertTrue(CredentialStamp.matches(stamp, "mastodon\ntoken=abc"));
        assertFalse(CredentialStamp.matches(stamp, "mastodon\ntoken=abd"));
        assertFalse(CredentialStamp.matches(stamp, ""));
    }

    @Test
    void equalCredentialsGetDifferentStampsAndNeitherContainsThem() {
        String a = CredentialStamp.of("hunter2");
        String b = CredentialStamp.of("hunter2");
        assertNotEquals(a, b, "salted: equal secrets must not be recognisable as equal");
        assertFalse(a.contains("hunter2"));
        assertTrue(a.length() <= 200, "fits the column");
    }

    @Test
    void aStampItCannotReadMatchesNothing() {
        assertFalse(CredentialStamp.matches("", "x"));
        assertFalse(CredentialStamp.matches("s2:AAAA:00", "x"));
        assertFalse(CredentialStamp.matches("s1:not base64!:00", "x"));
    }
}
