package dev.herald.syndication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Herald's own request value: what it holds is what the transport sends, and it never shows a secret. */
class HttpCallTest {
    private static final URI API = URI.create("https://api.example.com/v1/posts?draft=1");

    private static String bodyOf(HttpCall call) {
        return new String(call.body(), StandardCharsets.UTF_8);
    }

    @Test
    void namesItsMethodAndKeepsItsUri() {
        assertEquals("GET", HttpCall.get(API).method());
        assertEquals("POST", HttpCall.post(API).method());
        assertEquals("PUT", HttpCall.put(API).method());
        assertEquals("PATCH", HttpCall.patch(API).method());
        assertEquals("DELETE", HttpCall.delete(API).method());
        assertEquals(API, HttpCall.get(API).uri());
    }

    @Test
    void refusesAUriThatIsNotAbsoluteHttp() {
        assertThrows(IllegalArgumentException.class, () -> HttpCall.get(null));
        assertThrows(IllegalArgumentException.class, () -> HttpCall.post(URI.create("/relative")));
        assertThrows(IllegalArgumentException.class, () -> HttpCall.post(URI.create("file:///etc/passwd")));
        assertThrows(IllegalArgumentException.class, () -> HttpCall.get(URI.create("ftp://example.com/x")));
    }

    @Test
    void encodesReservedAndNonAsciiFormFieldsAsUtf8InTheMapsOrder() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("text", "Tom & Jerry = 100% + more?");
        fields.put("link", "https://example.com/a?b=c&d=e#f");
        fields.put("name", "Zoë 日本 🎉");
        fields.put("a", "");

        HttpCall call = HttpCall.post(API).form(fields);

        assertEquals("text=Tom+%26+Jerry+%3D+100%25+%2B+more%3F"
                + "&link=https%3A%2F%2Fexample.com%2Fa%3Fb%3Dc%26d%3De%23f"
                + "&name=Zo%C3%AB+%E6%97%A5%E6%9C%AC+%F0%9F%8E%89"
                + "&a=", bodyOf(call));
        assertEquals("application/x-www-form-urlencoded; charset=UTF-8", call.contentType());
        assertEquals(List.copyOf(fields.keySet()), List.copyOf(call.formFields().keySet()));
        assertEquals("Zoë 日本 🎉", call.formFields().get("name"), "the fields stay unencoded for a signature");
    }

    @Test
    void refusesANullFormNameOrValue() {
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("status", null);
        Map<String, String> emptyName = Map.of("", "x");

        assertThrows(IllegalArgumentException.class, () -> HttpCall.post(API).form(nullValue));
        assertThrows(IllegalArgumentException.class, () -> HttpCall.post(API).form(emptyName));
        assertThrows(IllegalArgumentException.class, () -> HttpCall.post(API).form(null));
    }

    @Test
    void aLaterBodyReplacesAFormAndItsFields() {
        HttpCall call = HttpCall.post(API).form(Map.of("a", "b")).json("{\"x\":1}".getBytes(StandardCharsets.UTF_8));

        assertEquals("{\"x\":1}", bodyOf(call));
        assertEquals("application/json; charset=UTF-8", call.contentType());
        assertTrue(call.formFields().isEmpty());
    }

    @Test
    void replacesAHeaderOfTheSameNameInAnyCaseInItsPlace() {
        HttpCall call = HttpCall.get(API)
                .header("Accept", "text/html")
                .header("Authorization", "Bearer old")
                .header("X-Trace", "1")
                .header("authorization", "Bearer new");

        assertEquals(List.of("Accept", "authorization", "X-Trace"), List.copyOf(call.headers().keySet()));
        assertEquals("Bearer new", call.header("AUTHORIZATION"));
        assertEquals(3, call.headers().size());
        assertNull(call.header("Cookie"));
    }

    @Test
    void refusesHeaderInjectionAndHeadersTheTransportWrites() {
        HttpCall call = HttpCall.get(API);

        assertThrows(IllegalArgumentException.class, () -> call.header("X-A", "v\r\nX-Evil: 1"));
        assertThrows(IllegalArgumentException.class, () -> call.header("X-A", "v\nb"));
        assertThrows(IllegalArgumentException.class, () -> call.header("Bad Name", "v"));
        assertThrows(IllegalArgumentException.class, () -> call.header("X-A:", "v"));
        assertThrows(IllegalArgumentException.class, () -> call.header("X-A", null));
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class, () -> call.header("content-type", "text/plain"));
        assertTrue(type.getMessage().contains("body(bytes, contentType)"), type.getMessage());
        assertThrows(IllegalArgumentException.class, () -> call.header("Content-Length", "3"));
        assertThrows(IllegalArgumentException.class, () -> call.header("Host", "evil.example"));
    }

    @Test
    void isImmutableWhateverTheCallerDoesWithWhatItGaveOrGot() {
        HttpCall bare = HttpCall.post(API);
        byte[] given = "abc".getBytes(StandardCharsets.US_ASCII);
        HttpCall withBody = bare.body(given, "text/plain");
        given[0] = 'X';
        withBody.body()[1] = 'Y';
        Map<String, String> fields = new LinkedHashMap<>(Map.of("k", "v"));
        HttpCall form = bare.form(fields);
        fields.put("k", "changed");
        HttpCall withHeader = bare.header("Accept", "application/json");

        assertEquals("abc", bodyOf(withBody));
        assertEquals("v", form.formFields().get("k"));
        assertEquals("k=v", bodyOf(form));
        assertEquals(0, bare.body().length, "setting a body changed a copy, not the original");
        assertNull(bare.contentType());
        assertTrue(bare.headers().isEmpty(), "setting a header changed a copy, not the original");
        assertThrows(UnsupportedOperationException.class, () -> withHeader.headers().put("Cookie", "x"));
        assertThrows(UnsupportedOperationException.class, () -> form.formFields().put("k", "x"));
    }

    @Test
    void equalCallsAreEqualAndADifferentBodyIsNot() {
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        HttpCall a = HttpCall.post(API).header("Accept", "application/json").json(json);
        HttpCall b = HttpCall.post(API).header("Accept", "application/json").json(json.clone());

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.json("[]".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(a, HttpCall.put(API).header("Accept", "application/json").json(json));
    }

    @Test
    void toStringShowsNoHeaderValueBodyPathQueryOrUserInfo() {
        URI telegram = URI.create("https://bot:pw@api.telegram.org:8443/bot123456:SECRET-TOKEN/sendMessage?token=QUERY-SECRET");
        HttpCall call = HttpCall.post(telegram)
                .header("Authorization", "Bearer HEADER-SECRET")
                .form(Map.of("client_secret", "BODY-SECRET"));

        String shown = call.toString();

        assertEquals("POST https://api.telegram.org:8443/… [Authorization] 25 bytes application/x-www-form-urlencoded; charset=UTF-8", shown);
        for (String secret : List.of("HEADER-SECRET", "BODY-SECRET", "SECRET-TOKEN", "QUERY-SECRET", "pw", "bot")) {
            assertFalse(shown.contains(secret), secret + " shows in " + shown);
        }
        assertEquals("GET https://example.com []", HttpCall.get(URI.create("https://example.com/")).toString());
    }
}
