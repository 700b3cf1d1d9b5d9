package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.syndication.internal.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials come only from references and never show their value; replies read headers and bodies leniently. */
class SecretAndReplyTest {
    private static final Map<String, String> ENV = Map.of("MASTODON_TOKEN", " tok-123 ", "EMPTY", " ");

    @Test
    void resolvesEnvironmentAndSystemReferences() {
        Secret env = Secret.resolve(" ${env:MASTODON_TOKEN} ", ENV::get, name -> null);
        Secret sys = Secret.resolve("${sys:herald.token}", name -> null, name -> name.equals("herald.token") ? "s3cret" : null);

        assertEquals("tok-123", env.value());
        assertEquals("${env:MASTODON_TOKEN}", env.toString());
        assertEquals("s3cret", sys.value());
        assertEquals("${sys:herald.token}", sys.reference());
    }

    @Test
    void refusesALiteralOrAnUnsetReferenceAndSaysWhich() {
        IllegalArgumentException literal = assertThrows(IllegalArgumentException.class, () -> Secret.resolve("tok-123", ENV::get, n -> null));
        IllegalArgumentException unsetEnv = assertThrows(IllegalArgumentException.class, () -> Secret.resolve("${env:MISSING}", ENV::get, n -> null));
        IllegalArgumentException blankEnv = assertThrows(IllegalArgumentException.class, () -> Secret.resolve("${env:EMPTY}", ENV::get, n -> null));
        IllegalArgumentException unsetSys = assertThrows(IllegalArgumentException.class, () -> Secret.resolve("${sys:missing}", ENV::get, n -> null));

        assertEquals("credentials must be a reference such as ${env:NAME} or ${sys:name}, not a literal value", literal.getMessage());
        assertFalse(literal.getMessage().contains("tok-123"));
        assertEquals("environment variable MISSING is not set", unsetEnv.getMessage());
        assertEquals("environment variable EMPTY is not set", blankEnv.getMessage());
        assertEquals("system property missing is not set", unsetSys.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Secret.resolve(null, ENV::get, n -> null));
    }

    @Test
    void recognisesOnlyWholeReferences() {
        assertTrue(Secret.isReference(" ${env:A_1.b-c} "));
        assertTrue(Secret.isReference("${sys:x}"));
        assertFalse(Secret.isReference("${code:x}"));
        assertFalse(Secret.isReference("${env:1A}"));
        assertFalse(Secret.isReference("x${env:A}"));
        assertFalse(Secret.isReference(null));
    }

    @Test
    void masksEveryOccurrenceAndShowsOnlyTheReference() {
        Secret s = Secret.of("bsky", "p4ss");

        assertEquals("a **** b ****", s.maskIn("a p4ss b p4ss"));
        assertNull(s.maskIn(null));
        assertEquals("${code:bsky}", s.toString());
        assertFalse(String.valueOf(new HashMap<>(Map.of("s", s))).contains("p4ss"));
        assertThrows(IllegalArgumentException.class, () -> new Secret("${env:X}", " "));
        assertThrows(IllegalArgumentException.class, () -> new Secret(" ", "v"));
    }

    @Test
    void aReplyReadsHeadersInAnyCaseAndItsBodyLeniently() {
        HttpReply reply = new HttpReply(201, Map.of("retry-after", "5"), "{\"id\":\"7\"}".getBytes(StandardCharsets.UTF_8));

        assertEquals("5", reply.header("Retry-After"));
        assertNull(reply.header("X-Missing"));
        assertEquals("7", Payloads.json(reply).path("id").asText());
        assertEquals("{\"id\":\"7\"}", reply.text());
        assertTrue(reply.ok());
        assertTrue(Payloads.json(new HttpReply(200, Map.of(), null)).isMissingNode());
        assertTrue(Payloads.json(new HttpReply(502, Map.of(), "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8))).isMissingNode());
        assertEquals("", new HttpReply(204, Map.of(), null).text());
    }

    @Test
    void onlyTwoHundredsAreOk() {
        assertFalse(new HttpReply(199, Map.of(), null).ok());
        assertTrue(new HttpReply(200, Map.of(), null).ok());
        assertTrue(new HttpReply(299, Map.of(), null).ok());
        assertFalse(new HttpReply(300, Map.of(), null).ok());
    }
}
