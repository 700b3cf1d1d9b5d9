package dev.herald.syndication.webhook;

import dev.herald.internal.Validate;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and verifies webhooks the Standard Webhooks way, with one or more active secrets; the same
 * object serves the sender (Herald's webhook syndicator) and the receiver (the test kit's
 * {@code MockWebhookReceiver}, or a site's own endpoint).
 *
 * <p>The scheme, as checked against the specification ({@code standard-webhooks/standard-webhooks},
 * {@code spec/standard-webhooks.md}, section "Signature scheme" and "Webhook headers"):
 * <ul>
 *   <li>the signed content is {@code <webhook-id>.<webhook-timestamp>.<body>}, the timestamp being
 *       integer seconds since the epoch and the body the exact bytes sent;
 *   <li>a signature is {@code v1,} followed by the standard base64 of the HMAC-SHA256 of that
 *       content, keyed with the secret's decoded bytes;
 *   <li>secrets are shown as {@code whsec_<base64>}; the spec asks for 24 to 64 random bytes;
 *   <li>{@code webhook-signature} is a space-separated list of signatures so a sender can sign with
 *       the old and the new secret during rotation; a receiver accepts the message when any
 *       {@code v1} signature matches any of its secrets, comparing in constant time, and rejects
 *       timestamps too far from its own clock (replay protection).
 * </ul>
 *
 * <p>A receiving endpoint (a servlet here) verifies a message before trusting it; the body must be
 * read as the raw bytes received, before any JSON parsing or re-encoding:
 * <pre>{@code
 * // Once, at start-up: the secret(s) the sender was configured with.
 * WebhookSignature.Verifier verifier = WebhookSignature.of(System.getenv("WEBHOOK_SECRET")).verifier();
 *
 * protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
 *     byte[] body = request.getInputStream().readAllBytes();
 *     WebhookSignature.Verified message;
 *     try {
 *         message = verifier.verify(request::getHeader, body);   // getHeader ignores case
 *     } catch (WebhookSignature.VerificationException e) {
 *         response.sendError(401);                               // e.failure() says why
 *         return;
 *     }
 *     if (alreadyProcessed(message.id())) {                      // a redelivery: same webhook-id
 *         response.setStatus(200);
 *         return;
 *     }
 *     process(body);                                             // then remember message.id()
 *     response.setStatus(204);
 * }
 * }</pre>
 * During a rotation, give the verifier both the new and the old secret
 * ({@code WebhookSignature.of(newSecret, oldSecret)}) until every sender signs with the new one.
 *
 * <p>The signature format was also cross-checked against {@code openssl dgst -sha256 -mac HMAC}
 * (see {@code WebhookSignatureTest}). Instances never reveal their secrets: {@link #toString()} and
 * every error message leave them out.
 */
public final class WebhookSignature {
    /** Header carrying the message id, which doubles as the idempotency key. */
    public static final String ID_HEADER = "webhook-id";
    /** Header carrying the attempt's time in integer seconds since the epoch. */
    public static final String TIMESTAMP_HEADER = "webhook-timestamp";
    /** Header carrying the space-separated {@code v1,<base64>} signatures. */
    public static final String SIGNATURE_HEADER = "webhook-signature";
    /** How far a receiver lets {@code webhook-timestamp} drift from its clock unless told otherwise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** Prefix that marks a symmetric Standard Webhooks secret. */
    public static final String SECRET_PREFIX = "whsec_";

    static final int MIN_SECRET_BYTES = 24;
    static final int MAX_SECRET_BYTES = 64;
    private static final String VERSION = "v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final List<SecretKeySpec> keys;

    private WebhookSignature(List<SecretKeySpec> keys) {
        this.keys = List.copyOf(keys);
    }

    /**
     * Returns a signer/verifier for the given active secrets, each {@code whsec_<base64>} or bare
     * base64; the first is the current one, the others are still accepted (and signed with) during
     * a rotation.
     *
     * @throws IllegalArgumentException when no secret is given, or one is not base64 or decodes to
     *     fewer than 24 or more than 64 bytes; the message names the secret's position, never its value
     */
    public static WebhookSignature of(String... secrets) {
        Validate.notNull(secrets, "secrets");
        return of(List.of(secrets));
    }

    /** Returns a signer/verifier for the given active secrets; see {@link #of(String...)}. */
    public static WebhookSignature of(List<String> secrets) {
        Validate.notNull(secrets, "secrets");
        Validate.isTrue(!secrets.isEmpty(), "secrets", "must hold at least one secret");
        List<SecretKeySpec> keys = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            keys.add(new SecretKeySpec(decodeSecret(secrets.get(i), "secret #" + (i + 1)), ALGORITHM));
        }
        return new WebhookSignature(keys);
    }

    /** Returns a fresh random secret in the {@code whsec_} form (32 bytes from {@link SecureRandom}). */
    public static String generateSecret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    private static byte[] decodeSecret(String secret, String name) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException(name + " must not be blank");
        String encoded = secret.strip();
        if (encoded.startsWith(SECRET_PREFIX)) encoded = encoded.substring(SECRET_PREFIX.length());
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            // Deliberately not chained: the decoder's message quotes the offending character.
            throw new IllegalArgumentException(name + " is not a Standard Webhooks secret: expected whsec_ followed by base64");
        }
        if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
            throw new IllegalArgumentException(name + " decodes to " + key.length + " bytes; Standard Webhooks secrets are "
                    + MIN_SECRET_BYTES + " to " + MAX_SECRET_BYTES + " random bytes");
        }
        return key;
    }

    /** The number of active secrets, which is the number of signatures {@link #sign} produces. */
    public int secretCount() {
        return keys.size();
    }

    /**
     * Returns the {@code webhook-signature} header value for a message: one {@code v1,<base64>}
     * signature per active secret, space-separated, current secret first.
     *
     * @param msgId the {@code webhook-id}: non-blank, without dots, whitespace or line breaks (the
     *     spec forbids dots so the signed content cannot be re-split differently)
     * @param timestamp the attempt's time; sent and signed as whole seconds since the epoch
     * @param body the exact bytes that will be sent
     */
    public String sign(String msgId, Instant timestamp, byte[] body) {
        checkMessageId(msgId);
        Validate.notNull(timestamp, "timestamp");
        Validate.notNull(body, "body");
        byte[] content = signedContent(msgId, Long.toString(timestamp.getEpochSecond()), body);
        StringBuilder header = new StringBuilder();
        for (SecretKeySpec key : keys) {
            if (header.length() > 0) header.append(' ');
            header.append(VERSION).append(',').append(Base64.getEncoder().encodeToString(hmac(key, content)));
        }
        return header.toString();
    }

    /**
     * Returns the three headers to send with a message: {@code webhook-id}, {@code webhook-timestamp}
     * and {@code webhook-signature} (as produced by {@link #sign}), in that order.
     */
    public Map<String, String> headers(String msgId, Instant timestamp, byte[] body) {
        String signature = sign(msgId, timestamp, body);
        return Map.of(ID_HEADER, msgId, TIMESTAMP_HEADER, Long.toString(timestamp.getEpochSecond()), SIGNATURE_HEADER, signature);
    }

    /** Returns a verifier with the default 5-minute tolerance against the system UTC clock. */
    public Verifier verifier() {
        return verifier(Clock.systemUTC(), DEFAULT_TOLERANCE);
    }

    /**
     * Returns a verifier that accepts timestamps at most {@code tolerance} before or after
     * {@code clock}'s current instant.
     */
    public Verifier verifier(Clock clock, Duration tolerance) {
        Validate.notNull(clock, "clock");
        Validate.notNull(tolerance, "tolerance");
        Validate.isTrue(!tolerance.isNegative(), "tolerance", "must not be negative");
        return new Verifier(this, clock, tolerance);
    }

    /** Never shows the secrets, only how many there are. */
    @Override
    public String toString() {
        return "WebhookSignature[" + keys.size() + (keys.size() == 1 ? " secret]" : " secrets]");
    }

    private static void checkMessageId(String msgId) {
        Validate.notBlank(msgId, "msgId");
        for (int i = 0; i < msgId.length(); i++) {
            char c = msgId.charAt(i);
            if (c == '.' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("msgId must not contain dots, whitespace or control characters");
            }
        }
    }

    private static byte[] signedContent(String msgId, String timestamp, byte[] body) {
        byte[] prefix = (msgId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JVM", e);
        }
    }

    /** Why a received webhook was rejected. */
    public enum Failure {
        /** {@code webhook-id}, {@code webhook-timestamp} or {@code webhook-signature} is absent or blank. */
        MISSING_HEADER,
        /** {@code webhook-timestamp} is not a non-negative integer number of seconds (ASCII digits, at most 18). */
        MALFORMED_TIMESTAMP,
        /** {@code webhook-timestamp} lies outside the verifier's tolerance (a replay, or a skewed clock). */
        STALE_TIMESTAMP,
        /** No {@code v1} signature in the header matches any of the receiver's secrets. */
        BAD_SIGNATURE
    }

    /** Thrown by {@link Verifier#verify} when a webhook must not be trusted; {@link #failure()} says why. */
    public static final class VerificationException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        /** An exception for {@code failure}; receivers that check more than the signature may throw it too. */
        public VerificationException(Failure failure, String message) {
            super(message);
            this.failure = Validate.notNull(failure, "failure");
        }

        /** The reason, for mapping to a response status or a metric. */
        public Failure failure() {
            return failure;
        }
    }

    /**
     * A webhook whose signature and timestamp checked out.
     *
     * @param id the {@code webhook-id}, to be used as the idempotency key
     * @param timestamp the attempt's time as sent by the sender
     */
    public record Verified(String id, Instant timestamp) {
        /** Requires both parts. */
        public Verified {
            Validate.notBlank(id, "id");
            Validate.notNull(timestamp, "timestamp");
        }
    }

    /**
     * Checks received webhooks against the receiver's secrets and clock; thread-safe and cheap to
     * share.
     */
    public static final class Verifier {
        private final WebhookSignature signature;
        private final Clock clock;
        private final Duration tolerance;

        private Verifier(WebhookSignature signature, Clock clock, Duration tolerance) {
            this.signature = signature;
            this.clock = clock;
            this.tolerance = tolerance;
        }

        /**
         * Verifies a webhook given a case-insensitive header lookup (for example
         * {@code request::getHeader} of a servlet request) and the raw body bytes as received.
         *
         * @throws VerificationException when a header is missing, the timestamp is malformed or
         *     stale, or no signature matches
         */
        public Verified verify(Function<String, String> headers, byte[] body) {
            Validate.notNull(headers, "headers");
            return verify(headers.apply(ID_HEADER), headers.apply(TIMESTAMP_HEADER), headers.apply(SIGNATURE_HEADER), body);
        }

        /**
         * Verifies a webhook from its three header values and raw body: the headers must be present,
         * the timestamp within tolerance of the clock, and at least one {@code v1} signature must
         * match one of the secrets (constant-time comparison). Other signature versions, such as
         * {@code v1a}, are skipped rather than rejected, as the spec lets senders mix schemes.
         *
         * @throws VerificationException with the {@link Failure} that applies, checked in that order
         */
        public Verified verify(String id, String timestamp, String signatures, byte[] body) {
            Validate.notNull(body, "body");
            if (isBlank(id)) throw missing(ID_HEADER);
            if (isBlank(timestamp)) throw missing(TIMESTAMP_HEADER);
            if (isBlank(signatures)) throw missing(SIGNATURE_HEADER);
            String ts = timestamp.strip();
            // ASCII digits only, at most 18 of them: Long.parseLong would also take a sign or other
            // scripts' digits, and a value beyond Instant's range must not escape as DateTimeException.
            if (!ts.matches("[0-9]{1,18}")) {
                throw new VerificationException(Failure.MALFORMED_TIMESTAMP,
                        TIMESTAMP_HEADER + " must be integer seconds since the epoch: " + Validate.abbreviate(ts));
            }
            long seconds = Long.parseLong(ts);
            Instant now = clock.instant();
            // Both are far inside long's range, so the difference cannot overflow, and no Instant is
            // made of the sender's number before it is known to be near now.
            Duration skew = Duration.ofSeconds(now.getEpochSecond() - seconds, now.getNano()).abs();
            if (skew.compareTo(tolerance) > 0 || seconds > Instant.MAX.getEpochSecond()) {
                throw new VerificationException(Failure.STALE_TIMESTAMP, TIMESTAMP_HEADER + " " + seconds + " is more than "
                        + tolerance.toSeconds() + "s away from now (" + now.getEpochSecond() + ")");
            }
            Instant sent = Instant.ofEpochSecond(seconds);
            String msgId = id.strip();
            byte[] content = signedContent(msgId, ts, body);
            List<byte[]> expected = new ArrayList<>(signature.keys.size());
            for (SecretKeySpec key : signature.keys) expected.add(hmac(key, content));
            boolean matched = false;
            for (String candidate : signatures.strip().split(" +")) {
                int comma = candidate.indexOf(',');
                if (comma < 0 || !candidate.substring(0, comma).toLowerCase(Locale.ROOT).equals(VERSION)) continue;
                byte[] given;
                try {
                    given = Base64.getDecoder().decode(candidate.substring(comma + 1));
                } catch (IllegalArgumentException e) {
                    continue;
                }
                // Every pair is compared, matched or not, so timing reveals nothing about which matched.
                for (byte[] mac : expected) matched |= MessageDigest.isEqual(mac, given);
            }
            if (!matched) {
                throw new VerificationException(Failure.BAD_SIGNATURE,
                        "no v1 signature in " + SIGNATURE_HEADER + " matches any of the " + expected.size() + " secret(s)");
            }
            return new Verified(msgId, sent);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        private static VerificationException missing(String header) {
            return new VerificationException(Failure.MISSING_HEADER, "missing header " + header);
        }
    }
}
