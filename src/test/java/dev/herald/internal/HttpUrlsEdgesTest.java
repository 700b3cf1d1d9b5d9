package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of URL normalisation: host names at their limits, IDNA labels, IPv4 and IPv6 literals
 * and their canonical text, ports, where the authority ends, what is stripped, which characters are
 * percent-encoded and how dot segments go. Each case is an input and the one URL it must become, or
 * a refusal.
 */
class HttpUrlsEdgesTest {

    private static String page(String url) {
        return HttpUrls.page(url).toString();
    }

    private static String normalize(String url) {
        return HttpUrls.normalize(url).toString();
    }

    private static void refused(String url) {
        assertThrows(IllegalArgumentException.class, () -> HttpUrls.page(url), url);
    }

    // ---- host names ----

    @Test
    void keepsATrailingDotAndLowerCasesTheHost() {
        assertEquals("news.example.", HttpUrls.host("News.Example."));
        assertEquals("https://news.example./a", page("https://NEWS.example./a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a..example", "news%2Eexample", "-news.example", "news-.example", "news.-example",
        "straße.example", "\u03C2.example", "a\u200Cb.example", "a\u200Db.example", "news.example..", "under_score.example"})
    void refusesWhatIsNotAHostName(String host) {
        assertThrows(IllegalArgumentException.class, () -> HttpUrls.host(host), host);
    }

    @Test
    void aHostMayBeAsLongAsDnsAllowsAndNoLonger() {
        String label = "a".repeat(63);
        String longest = label + "." + label + "." + label + "." + "b".repeat(61); // 253 characters

        assertEquals(longest, HttpUrls.host(longest));
        assertEquals(longest + ".", HttpUrls.host(longest + "."), "the trailing dot is not counted");
        assertThrows(IllegalArgumentException.class, () -> HttpUrls.host(longest + "b"));
    }

    @Test
    void aLabelMayBeSixtyThreeCharactersAndNoLonger() {
        assertEquals("a".repeat(63) + ".example", HttpUrls.host("a".repeat(63) + ".example"));
        assertThrows(IllegalArgumentException.class, () -> HttpUrls.host("a".repeat(64) + ".example"));
    }

    @Test
    void aHostOfAllowedCharactersAtEveryBoundaryIsKept() {
        assertEquals("a-0.z9-z.example", HttpUrls.host("A-0.Z9-z.example"));
    }

    @Test
    void acceptsCanonicalPunycodeInAnyCase() {
        assertEquals("xn--bcher-kva.example", HttpUrls.host("XN--BCHER-KVA.example"));
        assertEquals("https://xn--bcher-kva.example/", page("https://xn--bcher-kva.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xn--.example", "xn--ls8h.example", "xn--a.example", "xn--abc.example", "xn--vil-4m4a.example",
        "xn--bcher-2pa.example"})
    void refusesPunycodeThatABrowserWouldReadAsAnotherHost(String host) {
        assertThrows(IllegalArgumentException.class, () -> HttpUrls.host(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.123", "example.0a", "example.9a", "1.2.3", "1.2.3.256", "01.2.3.4"})
    void refusesANumericTopLabelThatIsNotAnIpv4Address(String host) {
        assertThrows(IllegalArgumentException.class, () -> HttpUrls.host(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.a0", "example.z9", "0a.example", "9.example"})
    void aDigitOutsideTheTopLabelIsAllowed(String host) {
        assertEquals(host, HttpUrls.host(host));
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.1", "0.0.0.0", "255.255.255.255", "9.99.100.199"})
    void theseAreIpv4Addresses(String s) {
        assertTrue(HttpUrls.isIpv4(s), s);
        assertEquals(s, HttpUrls.host(s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "1..2.3", "1.2.3.", "01.2.3.4", "1.2.3.00", "1000.1.1.1", "256.1.1.1", "1.2.3.a",
        "1.2.3./", "1.2.3.:", "1.2.-3.4", ""})
    void theseAreNotIpv4Addresses(String s) {
        assertFalse(HttpUrls.isIpv4(s), s);
    }

    // ---- IPv6 literals ----

    @ParameterizedTest
    @CsvSource({
        "[::], [::]",
        "[::1], [::1]",
        "[::9], [::9]",
        "[1::], [1::]",
        "[2001:DB8::A], [2001:db8::a]",
        "[1:2:3:4:5:6:7:8], [1:2:3:4:5:6:7:8]",
        "[1:2:3:4:5:6:7::], [1:2:3:4:5:6:7:0]",
        "[::2:3:4:5:6:7:8], [0:2:3:4:5:6:7:8]",
        "[1:0:2:3:4:5:6:7], [1:0:2:3:4:5:6:7]",
        "[1:0:0:2:0:0:3:4], [1::2:0:0:3:4]",
        "[1:0:0:2:0:0:0:3], [1:0:0:2::3]",
        "[0:0:1:0:0:0:0:0], [0:0:1::]",
        "[0001:0010:0100:1000:0:0:0:0], [1:10:100:1000::]",
        "[::ffff:192.0.2.1], [::ffff:c000:201]",
        "[::FFFF:1.2.3.4], [::ffff:102:304]"})
    void writesIpv6LiteralsInTheirCanonicalForm(String literal, String canonical) {
        assertEquals(canonical, HttpUrls.host(literal));
        assertEquals("http://" + canonical + "/", page("http://" + literal));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[", "[]", "[:]", "[::1", "[1:2]", "[1:2:3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7:8::]", "[::1:2:3:4:5:6:7:8]",
        "[1::3:4:5:6:7:8:9]", "[1:2:3:4:5:6:7:8:9:0]", "[::g]", "[fe80::1%25eth0]", "[::1]x",
        "[:::]", "[1::2::3]", "[::1.2.3]"})
    void refusesWhatIsNotAnIpv6Literal(String literal) {
        assertThrows(IllegalArgumentException.class, () -> HttpUrls.host(literal), literal);
    }

    // ---- ports ----

    @ParameterizedTest
    @CsvSource({
        "http://news.example:80/, http://news.example/",
        "https://news.example:443/, https://news.example/",
        "http://news.example:443/, http://news.example:443/",
        "https://news.example:80/, https://news.example:80/",
        "http://news.example:080/, http://news.example/",
        "http://news.example:/, http://news.example/",
        "http://news.example:0/, http://news.example:0/",
        "http://news.example:65535/, http://news.example:65535/",
        "http://news.example:9999/, http://news.example:9999/",
        "http://[::1]:8080/, http://[::1]:8080/",
        "http://[::1]/, http://[::1]/"})
    void keepsOnlyAPortOtherThanTheSchemesDefault(String url, String expected) {
        assertEquals(expected, page(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://news.example:65536/", "http://news.example:123456/", "http://news.example:000080/",
        "http://news.example:-1/", "http://news.example:8a/", "http://news.example: 80/"})
    void refusesAPortThatIsNotOne(String url) {
        refused(url);
    }

    // ---- scheme and authority ----

    @Test
    void theSchemeIsReadInAnyCase() {
        assertEquals("http://news.example/", page("HtTp://news.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"news.example/a", "httpx://news.example/", "https:/news.example/", "https:\\\\news.example/", "", "   ",
        "https://", "https://?q"})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        refused(url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://news.example?q=1|https://news.example/?q=1",
        "https://news.example#top|https://news.example/#top",
        "https://news.example\\a\\b|https://news.example/a/b",
        "https://news.example/@user|https://news.example/@user",
        "https://news.example/a?b=c@d|https://news.example/a?b=c@d"})
    void theAuthorityEndsAtTheFirstSlashBackslashQuestionMarkOrHash(String url, String expected) {
        assertEquals(expected, normalize(url));
    }

    @Test
    void anEmptyUserInfoIsRefusedAsUserInfo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpUrls.page("https://@news.example/"));

        assertTrue(e.getMessage().contains("user info"), e.getMessage());
    }

    @Test
    void anAtSignAfterTheAuthorityIsNoUserInfo() {
        assertEquals("news.example", HttpUrls.page("https://news.example?@evil.example/").getHost());
        assertEquals("news.example", HttpUrls.page("https://news.example#@evil.example/").getHost());
    }

    // ---- what is stripped ----

    @Test
    void stripsSpacesAndControlsAtTheEndsAndTabsAndNewlinesAnywhere() {
        assertEquals("https://news.example/a", page(" \u0001\u0000https://news.example/a\u001F \u0000"));
        assertEquals("https://news.example/ab", page("ht\ttps://news.\nexample/a\rb"));
        assertEquals("https://news.example/a!", page("https://news.example/a!"), "the first character above space is kept");
        assertEquals("https://news.example/a%20b", page("https://news.example/a b "));
    }

    // ---- query and fragment ----

    @Test
    void keepsAnEmptyQueryAndAnEmptyFragment() {
        assertEquals("https://news.example/a?", normalize("https://news.example/a?"));
        assertEquals("https://news.example/a#", normalize("https://news.example/a#"));
        assertEquals("https://news.example/a?", page("https://news.example/a?#"));
    }

    @Test
    void aQuestionMarkInTheQueryOrFragmentIsKeptAndAHashInTheFragmentIsEncoded() {
        assertEquals("https://news.example/a?b=c?d#e?f%23g", normalize("https://news.example/a?b=c?d#e?f#g"));
    }

    // ---- percent-encoding ----

    @Test
    void encodesTheCharactersAUriMayNotHold() {
        assertEquals("https://news.example/?a=%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D%20%7F~!",
            page("https://news.example/?a=\"<>\\^`{|}[] \u007F~!"));
    }

    @Test
    void upperCasesTheHexDigitsOfValidEscapes() {
        assertEquals("https://news.example/%0F%9F%AF%FA%4A", page("https://news.example/%0f%9F%af%Fa%4a"));
        assertEquals("https://news.example/%41", page("https://news.example/%41"), "an escape ending the URL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%4|%254",
        "%|%25",
        "%:0|%25:0",
        "%/0|%25/0",
        "%g0|%25g0",
        "%G0|%25G0",
        "%@0|%25@0",
        "%0:|%250:",
        "%0g|%250g",
        "%0G|%250G"})
    void encodesAPercentSignThatStartsNoEscape(String path, String expected) {
        assertEquals("https://news.example/" + expected, page("https://news.example/" + path));
    }

    @Test
    void encodesAStrayPercentSignBeforeABacktick() {
        assertEquals("https://news.example/?%25%600", page("https://news.example/?%`0"));
    }

    @Test
    void encodesNonAsciiAsUtf8AndLoneSurrogatesAsTheReplacementCharacter() {
        assertEquals("https://news.example/%C3%A9%F0%9F%93%B0", page("https://news.example/é\uD83D\uDCF0"));
        assertEquals("https://news.example/%EF%BF%BDa", page("https://news.example/\uD83Da"));
        assertEquals("https://news.example/%EF%BF%BDa", page("https://news.example/\uDCF0a"));
        assertEquals("https://news.example/a%EF%BF%BD", page("https://news.example/a\uD83D"));
        assertEquals("https://news.example/%EF%BF%BD%EF%BF%BD", page("https://news.example/\uDCF0\uD83D"));
    }

    // ---- dot segments ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/a/.|/a/",
        "/a/..|/",
        "/a/b/..|/a/",
        "/..|/",
        "/.|/",
        "/a/./b|/a/b",
        "/a/b/../../..|/",
        "/a/../../b/|/b/",
        "/a..b/c.|/a..b/c.",
        "/a/.b/..c|/a/.b/..c",
        "/%2E%2E/a|/%2E%2E/a",
        "/a/%2e/b|/a/%2E/b"})
    void removesDotSegmentsButNotDotsThatAreData(String path, String expected) {
        assertEquals("https://news.example" + expected, page("https://news.example" + path));
    }
}
