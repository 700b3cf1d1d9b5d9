package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every argument check names the parameter and says what was wrong, and passes good values through unchanged. */
class ValidateTest {

    @Test
    void notNullPassesAValueThroughAndNamesAMissingOne() {
        Object v = new Object();
        assertSame(v, Validate.notNull(v, "thing"));
        assertEquals("thing must not be null", assertThrows(IllegalArgumentException.class, () -> Validate.notNull(null, "thing")).getMessage());
    }

    @Test
    void notBlankRefusesNullEmptyAndWhitespace() {
        assertEquals(" a ", Validate.notBlank(" a ", "name"));
        for (String bad : new String[] {null, "", " \t\n"}) {
            assertEquals("name must not be blank", assertThrows(IllegalArgumentException.class, () -> Validate.notBlank(bad, "name")).getMessage());
        }
    }

    @Test
    void isTrueStatesTheRequirement() {
        assertDoesNotThrow(() -> Validate.isTrue(true, "limit", "must be positive"));
        assertEquals("limit must be positive", assertThrows(IllegalArgumentException.class, () -> Validate.isTrue(false, "limit", "must be positive")).getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://news.example/a", "HTTPS://news.example", "https://127.0.0.1:8443/x"})
    void httpUrlAcceptsAbsoluteHttpWithAHost(String url) {
        URI u = URI.create(url);
        assertSame(u, Validate.httpUrl(u, "url"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://news.example/a", "file:///etc/passwd", "mailto:desk@news.example", "/relative", "https:///no-host", "javascript:alert(1)"})
    void httpUrlRefusesEverythingElse(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Validate.httpUrl(URI.create(url), "image url"));
        assertEquals("image url must be an absolute http(s) URL with a host: " + url, e.getMessage());
    }

    @Test
    void httpUrlRefusesNull() {
        assertEquals("url must not be null", assertThrows(IllegalArgumentException.class, () -> Validate.httpUrl(null, "url")).getMessage());
    }

    @Test
    void noLineBreaksRefusesCarriageReturnAndLineFeed() {
        assertEquals("a\tb", Validate.noLineBreaks("a\tb", "header"));
        assertNull(Validate.noLineBreaks(null, "header"));
        assertEquals("header must not contain CR or LF", assertThrows(IllegalArgumentException.class, () -> Validate.noLineBreaks("a\rb", "header")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Validate.noLineBreaks("a\nb", "header"));
    }

    @Test
    void noLineBreaksRefusesALineBreakThatStartsTheValue() {
        assertThrows(IllegalArgumentException.class, () -> Validate.noLineBreaks("\rSet-Cookie: a=b", "header"));
        assertThrows(IllegalArgumentException.class, () -> Validate.noLineBreaks("\nSet-Cookie: a=b", "header"));
    }

    @Test
    void abbreviatesLongValuesForMessages() {
        assertEquals("null", Validate.abbreviate(null));
        assertEquals("x".repeat(200), Validate.abbreviate("x".repeat(200)));
        assertEquals("x".repeat(200) + "…", Validate.abbreviate("x".repeat(201)));
    }
}
