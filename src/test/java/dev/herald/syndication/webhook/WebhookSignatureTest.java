package dev.herald.syndication.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.webhook.WebhookSignature.Failure;
import dev.herald.syndication.webhook.WebhookSignature.VerificationException;
import dev.herald.syndication.webhook.WebhookSignature.Verified;
import dev.herald.syndication.webhook.WebhookSignature.Verifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expected signatures below were computed outside Java with OpenSSL, e.g.
 *
 * <pre>
 * KEYHEX=$(printf %s 'MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' | base64 -d | xxd -p -c 256)
 * printf %s 'msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.{"test": 2432232314}' \
 *   | openssl dgst -sha256 -mac HMAC -macopt hexkey:$KEYHEX -binary | base64
 * </pre>
 *
 * (The first vector also appears in the Standard Webhooks reference libraries' tests.)
 */
class WebhookSignatureTest {
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final Instant TS = Instant.ofEpochSecond(1614265330);
    private static final byte[] BODY = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
    private static final String EXPECTED = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    /** base64 of the ASCII bytes "herald-test-key-0123456789abcdef". */
    private static final String OTHER_SECRET = "aGVyYWxkLXRlc3Qta2V5LTAxMjM0NTY3ODlhYmNkZWY=";
    private static final String OTHER_ID = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W";
    private static final Instant OTHER_TS = Instant.ofEpochSecond(1674087231);
    private static final byte[] OTHER_BODY = "{\"title\":\"Iran’s “retaliation” 🚀\"}".getBytes(StandardCharsets.UTF_8);
    private static final String OTHER_EXPECTED = "v1,+1OWa6RTV+dsl0oUIrHqYNUsP17i8Poddyrw/7wIIZk=";

    private static Verifier verifierAt(Instant now, String... secrets) {
        return WebhookSignature.of(secrets).verifier(Clock.fixed(now, ZoneOffset.UTC), WebhookSignature.DEFAULT_TOLERANCE);
    }

    @Test
    void signsLikeOpensslHmacSha256OverIdTimestampAndBody() {
        assertEquals(EXPECTED, WebhookSignature.of(SECRET).sign(ID, TS, BODY));
    }

    @Test
    void acceptsBareBase64SecretsAndSignsUtf8BodiesByteForByte() {
        assertEquals(OTHER_EXPECTED, WebhookSignature.of(OTHER_SECRET).sign(OTHER_ID, OTHER_TS, OTHER_BODY));
    }

    @Test
    void signsWithEveryActiveSecretSpaceSeparatedCurrentFirst() {
        String header = WebhookSignature.of(SECRET, OTHER_SECRET).sign(OTHER_ID, OTHER_TS, OTHER_BODY);
        String[] parts = header.split(" ");
        assertEquals(2, parts.length);
        assertEquals(OTHER_EXPECTED, parts[1]);
        assertEquals(WebhookSignature.of(SECRET).sign(OTHER_ID, OTHER_TS, OTHER_BODY), parts[0]);
    }

    @Test
    void headersCarryIdEpochSecondsAndSignature() {
        Map<String, String> headers = WebhookSignature.of(SECRET).headers(ID, TS.plusMillis(999), BODY);
        assertEquals(ID, headers.get("webhook-id"));
        assertEquals("1614265330", headers.get("webhook-timestamp"));
        assertEquals(EXPECTED, headers.get("webhook-signature"));
    }

    @Test
    void verifiesAGenuineMessage() {
        Verified v = verifierAt(TS.plusSeconds(60), SECRET).verify(ID, "1614265330", EXPECTED, BODY);
        assertEquals(new Verified(ID, TS), v);
    }

    @Test
    void verifiesThroughAHeaderLookup() {
        Map<String, String> headers = WebhookSignature.of(SECRET).headers(ID, TS, BODY);
        assertEquals(ID, verifierAt(TS, SECRET).verify(headers::get, BODY).id());
    }

    @Test
    void acceptsWhenAnyListedSignatureMatchesAnyReceiverSecret() {
        // Sender mid-rotation signs with old and new; the receiver already knows only the new one.
        String header = "v1a,c2lnbmVkLWJ5LWVkMjU1MTk= " + WebhookSignature.of(SECRET, OTHER_SECRET).sign(ID, TS, BODY);
        assertEquals(ID, verifierAt(TS, OTHER_SECRET).verify(ID, "1614265330", header, BODY).id());
        assertEquals(ID, verifierAt(TS, "whsec_" + OTHER_SECRET, SECRET).verify(ID, "1614265330", EXPECTED, BODY).id());
    }

    @Test
    void rejectsATamperedBody() {
        byte[] tampered = "{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8);
        VerificationException e = assertThrows(VerificationException.class,
                () -> verifierAt(TS, SECRET).verify(ID, "1614265330", EXPECTED, tampered));
        assertEquals(Failure.BAD_SIGNATURE, e.failure());
    }

    @Test
    void rejectsASignatureMadeWithAnotherSecret() {
        String forged = WebhookSignature.of(OTHER_SECRET).sign(ID, TS, BODY);
        assertEquals(Failure.BAD_SIGNATURE, assertThrows(VerificationException.class,
                () -> verifierAt(TS, SECRET).verify(ID, "1614265330", forged, BODY)).failure());
    }

    @Test
    void rejectsAChangedIdOrTimestampBecauseBothAreSigned() {
        Verifier verifier = verifierAt(TS, SECRET);
        assertEquals(Failure.BAD_SIGNATURE, assertThrows(VerificationException.class,
                () -> verifier.verify("msg_other", "1614265330", EXPECTED, BODY)).failure());
        assertEquals(Failure.BAD_SIGNATURE, assertThrows(VerificationException.class,
                () -> verifier.verify(ID, "1614265331", EXPECTED, BODY)).failure());
    }

    @Test
    void ignoresSignaturesOfOtherVersionsAndUndecodableOnes() {
        String onlyForeign = "v2," + EXPECTED.substring(3) + " v1,!!notbase64!! garbage";
        assertEquals(Failure.BAD_SIGNATURE, assertThrows(VerificationException.class,
                () -> verifierAt(TS, SECRET).verify(ID, "1614265330", onlyForeign, BODY)).failure());
    }

    @Test
    void rejectsTimestampsOlderOrNewerThanTheTolerance() {
        Verifier late = verifierAt(TS.plus(Duration.ofMinutes(5)).plusSeconds(1), SECRET);
        Verifier early = verifierAt(TS.minus(Duration.ofMinutes(5)).minusSeconds(1), SECRET);
        assertEquals(Failure.STALE_TIMESTAMP, assertThrows(VerificationException.class,
                () -> late.verify(ID, "1614265330", EXPECTED, BODY)).failure());
        assertEquals(Failure.STALE_TIMESTAMP, assertThrows(VerificationException.class,
                () -> early.verify(ID, "1614265330", EXPECTED, BODY)).failure());
    }

    @Test
    void acceptsTimestampsExactlyAtTheToleranceEdge() {
        assertEquals(ID, verifierAt(TS.plus(Duration.ofMinutes(5)), SECRET).verify(ID, "1614265330", EXPECTED, BODY).id());
    }

    @Test
    void honoursACustomTolerance() {
        Verifier strict = WebhookSignature.of(SECRET).verifier(Clock.fixed(TS.plusSeconds(31), ZoneOffset.UTC), Duration.ofSeconds(30));
        assertEquals(Failure.STALE_TIMESTAMP, assertThrows(VerificationException.class,
                () -> strict.verify(ID, "1614265330", EXPECTED, BODY)).failure());
    }

    @Test
    void reportsEachMissingHeader() {
        Verifier verifier = verifierAt(TS, SECRET);
        VerificationException noId = assertThrows(VerificationException.class, () -> verifier.verify(null, "1614265330", EXPECTED, BODY));
        assertEquals(Failure.MISSING_HEADER, noId.failure());
        assertTrue(noId.getMessage().contains("webhook-id"));
        VerificationException noTs = assertThrows(VerificationException.class, () -> verifier.verify(ID, " ", EXPECTED, BODY));
        assertTrue(noTs.getMessage().contains("webhook-timestamp"));
        VerificationException noSig = assertThrows(VerificationException.class, () -> verifier.verify(Map.<String, String>of()::get, BODY));
        assertEquals(Failure.MISSING_HEADER, noSig.failure());
    }

    @Test
    void reportsANonNumericTimestampAsMalformed() {
        assertEquals(Failure.MALFORMED_TIMESTAMP, assertThrows(VerificationException.class,
                () -> verifierAt(TS, SECRET).verify(ID, "2021-02-25T15:02:10Z", EXPECTED, BODY)).failure());
    }

    @Test
    void aTimestampBeyondTheRangeOfTimeIsStaleNotACrash() {
        // 17 digits: a well-formed integer past Instant's range, which used to escape as DateTimeException.
        assertEquals(Failure.STALE_TIMESTAMP, assertThrows(VerificationException.class,
                () -> verifierAt(TS, SECRET).verify(ID, "99999999999999999", EXPECTED, BODY)).failure());
        assertEquals(Failure.STALE_TIMESTAMP, assertThrows(VerificationException.class,
                () -> verifierAt(TS, SECRET).verify(ID, "999999999999999999", EXPECTED, BODY)).failure());
    }

    @Test
    void everyMalformedTimestampIsReportedAsMalformed() {
        for (String ts : List.of("9999999999999999999", "99999999999999999999999", "-1614265330", "+1614265330", "1614265330.5",
                "1.6e9", "0x6037BEF2", "\u0661\u0666\u0661\u0664\u0662\u0666\u0665\u0663\u0663\u0660", "1614265330 1614265330",
                "\uFF11\uFF16\uFF11\uFF14", "NaN")) {
            VerificationException e = assertThrows(VerificationException.class, () -> verifierAt(TS, SECRET).verify(ID, ts, EXPECTED, BODY), ts);
            assertEquals(Failure.MALFORMED_TIMESTAMP, e.failure(), ts);
        }
    }

    @Test
    void theLargestToleranceNeitherOverflowsNorRejects() {
        Verifier lenient = WebhookSignature.of(SECRET).verifier(Clock.fixed(TS, ZoneOffset.UTC), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        assertEquals(ID, lenient.verify(ID, "1614265330", EXPECTED, BODY).id());
        assertEquals(Failure.BAD_SIGNATURE, assertThrows(VerificationException.class,
                () -> lenient.verify(ID, "0", EXPECTED, BODY)).failure());
        // Past the end of representable time no tolerance makes a timestamp current.
        assertEquals(Failure.STALE_TIMESTAMP, assertThrows(VerificationException.class,
                () -> lenient.verify(ID, "999999999999999999", EXPECTED, BODY)).failure());
    }

    @Test
    void aHalfSecondPastTheToleranceIsStale() {
        assertEquals(Failure.STALE_TIMESTAMP, assertThrows(VerificationException.class,
                () -> verifierAt(TS.plus(Duration.ofMinutes(5)).plusMillis(500), SECRET).verify(ID, "1614265330", EXPECTED, BODY)).failure());
    }

    @Test
    void rejectsGarbageSecretsWithoutEchoingThem() {
        String garbage = "whsec_this is not base64 at all!";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookSignature.of(SECRET, garbage));
        assertTrue(e.getMessage().contains("secret #2"), e.getMessage());
        assertFalse(e.getMessage().contains("not base64 at all"), e.getMessage());
        assertEquals(null, e.getCause());
    }

    @Test
    void rejectsSecretsShorterThanTheSpecMinimum() {
        // "c2hvcnQ=" is base64 for the five bytes "short".
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WebhookSignature.of("whsec_c2hvcnQ="));
        assertTrue(e.getMessage().contains("5 bytes"), e.getMessage());
        assertFalse(e.getMessage().contains("c2hvcnQ"), e.getMessage());
    }

    @Test
    void rejectsAnEmptySecretList() {
        assertThrows(IllegalArgumentException.class, () -> WebhookSignature.of(new String[0]));
    }

    @Test
    void neverShowsSecretsInToString() {
        String s = WebhookSignature.of(SECRET, OTHER_SECRET).toString();
        assertFalse(s.contains("MfKQ9r8"), s);
        assertEquals("WebhookSignature[2 secrets]", s);
    }

    @Test
    void refusesMessageIdsThatCouldReSplitTheSignedContent() {
        WebhookSignature signer = WebhookSignature.of(SECRET);
        assertThrows(IllegalArgumentException.class, () -> signer.sign("msg.1", TS, BODY));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("msg\r\nx: y", TS, BODY));
        assertThrows(IllegalArgumentException.class, () -> signer.sign(" ", TS, BODY));
    }

    @Test
    void generatedSecretsRoundTrip() {
        String secret = WebhookSignature.generateSecret();
        assertTrue(secret.startsWith("whsec_"));
        WebhookSignature signer = WebhookSignature.of(secret);
        String header = signer.sign(ID, TS, BODY);
        assertEquals(ID, signer.verifier(Clock.fixed(TS, ZoneOffset.UTC), Duration.ofMinutes(5)).verify(ID, "1614265330", header, BODY).id());
        assertFalse(secret.equals(WebhookSignature.generateSecret()));
    }
}
