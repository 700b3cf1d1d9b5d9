package dev.herald.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edges of charset detection (where UTF-8 stops being valid, how much Cyrillic evidence is
 * enough, which {@code <meta>} declarations count and how far the prescan reads) and of the
 * offset and encoding arithmetic that inserts bytes into a page.
 */
class PageCharsetEdgesTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final Charset SHIFT_JIS = Charset.forName("Shift_JIS");

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    /** How an undeclared page of {@code <p>} followed by {@code tail} is read: {@code utf-8} or {@code fallback}. */
    private static String sourceOf(int... tail) {
        byte[] body = concat(ascii("<p>"), bytes(tail), ascii("</p>"));
        return PageCharset.detect(body, body.length, null).source();
    }

    // ---- where UTF-8 stops being valid ----

    @ParameterizedTest
    @ValueSource(strings = {"C2 80", "DF BF", "E0 A0 80", "ED 9F BF", "EE 80 80", "EF BF BF", "F0 90 80 80", "F4 8F BF BF",
        "7F", "E2 82 AC C3 A9"})
    void theseSequencesAreUtf8(String hex) {
        assertEquals("utf-8", sourceOf(hex(hex)), hex);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "C0 80", "C1 BF", // overlong two-byte forms
        "E0 9F BF", // overlong three-byte form
        "ED A0 80", "ED BF BF", // surrogates
        "F0 8F BF BF", // overlong four-byte form
        "F4 90 80 80", // past U+10FFFF
        "F5 80 80 80", "FF", "80", "BF", // bytes that start nothing
        "C3 41", "E2 82 41", "F0 90 80 41", // a continuation byte missing
        "C3 C3 A9"})
    void theseSequencesAreNotUtf8(String hex) {
        assertEquals("fallback", sourceOf(hex(hex)), hex);
    }

    @Test
    void aSequenceCutShortByTheEndOfTheBodyIsNotUtf8() {
        byte[] cut = concat(ascii("<p>"), bytes(0xE2, 0x82));
        assertEquals("fallback", PageCharset.detect(cut, cut.length, null).source());

        byte[] whole = concat(ascii("<p>"), bytes(0xE2, 0x82, 0xAC));
        assertEquals("utf-8", PageCharset.detect(whole, whole.length, null).source(), "a sequence ending the body exactly is whole");
        assertEquals("fallback", PageCharset.detect(whole, whole.length - 1, null).source(), "only the first length bytes count");
    }

    private static int[] hex(String hex) {
        String[] parts = hex.split(" ");
        int[] out = new int[parts.length];
        for (int i = 0; i < parts.length; i++) out[i] = Integer.parseInt(parts[i], 16);
        return out;
    }

    // ---- how much Cyrillic evidence is enough ----

    private static PageCharset undeclared(String text, Charset written) {
        byte[] body = text.getBytes(written);
        return PageCharset.detect(body, body.length, null);
    }

    @Test
    void sixteenCyrillicLettersInWordsAreWindows1251() {
        String sixteen = "<p>Привет дорогой мир</p>"; // 6 + 7 + 3 letters

        assertEquals(new PageCharset(WINDOWS_1251, WINDOWS_1251, 0, "fallback"), undeclared(sixteen, WINDOWS_1251));
        assertEquals(WINDOWS_1252, undeclared("<p>Привет дорогой ми</p>", WINDOWS_1251).charset(), "fifteen say too little");
    }

    @Test
    void atLeastNineInTenHighBytesMustBeCyrillicLetters() {
        // 18 letters (two of them Ё and ё, which lie outside 0xC0-0xFF, one А at 0xC0) and two quotation marks: exactly 90 %.
        assertEquals(WINDOWS_1251, undeclared("<p>«Ёжик и ёлка, дорогой мы»</p>", WINDOWS_1251).charset());
        assertEquals(WINDOWS_1251, undeclared("<p>«Ёжик и ёлка, дорогой мА»</p>", WINDOWS_1251).charset());
        // One more non-letter tips it below, even the lowest high byte (0x80, Ђ).
        assertEquals(WINDOWS_1252, undeclared("<p>«Ёжик и ёлка, дорогой мы»Ђ</p>", WINDOWS_1251).charset());
        assertEquals(WINDOWS_1252, undeclared("<p>«Ёжик и ёлка, дорогой мы»»</p>", WINDOWS_1251).charset());
    }

    @Test
    void atLeastEightInTenHighBytesMustStandInRuns() {
        // 16 letters in words and 4 alone between ASCII letters: exactly 80 % in runs.
        assertEquals(WINDOWS_1251, undeclared("<p>Привет дорогой мир aЖa aЖa aЖa aЖa</p>", WINDOWS_1251).charset());
        assertEquals(WINDOWS_1252, undeclared("<p>Привет дорогой мир aЖa aЖa aЖa aЖa aЖa</p>", WINDOWS_1251).charset());
    }

    @Test
    void aRunMayStartTheBodyOrEndWhereTheLengthEnds() {
        byte[] words = "Привет дорогой мир".getBytes(WINDOWS_1251);
        assertEquals(WINDOWS_1251, PageCharset.detect(words, words.length, null).charset());

        // 16 letters in words and 5 alone: too few in runs, unless the byte past the length were read.
        byte[] body = concat("<p>Привет дорогой мир aЖa aЖa aЖa aЖa a".getBytes(WINDOWS_1251), "ЖЖ".getBytes(WINDOWS_1251));
        assertEquals(WINDOWS_1252, PageCharset.detect(body, body.length - 1, null).charset());
        assertEquals(WINDOWS_1251, PageCharset.detect(body, body.length, null).charset());
    }

    @Test
    void westernTextWithAccentsAloneStaysWindows1252() {
        String text = "<p>élève Zürich café naïve crème brûlée déjà vu façade señor</p>";

        assertEquals(WINDOWS_1252, undeclared(text, WINDOWS_1252).charset());
    }

    // ---- which meta declarations count ----

    private static PageCharset meta(String head) {
        byte[] body = ascii(head);
        return PageCharset.detect(body, body.length, null);
    }

    @Test
    void aMetaCharsetInAnyCaseIsRead() {
        assertEquals(new PageCharset(Charset.forName("EUC-JP"), Charset.forName("EUC-JP"), 0, "meta"), meta("<META CHARSET=EUC-JP>"));
        assertEquals(Charset.forName("EUC-JP"), meta("<meta\tcharset = 'euc-jp'>").charset());
    }

    @Test
    void anAttributeThatOnlyEndsInCharsetIsNotADeclaration() {
        assertEquals("utf-8", meta("<meta data-charset=\"euc-jp\">").source());
    }

    @Test
    void aContentAttributeCountsOnlyWithHttpEquivContentType() {
        assertEquals("utf-8", meta("<meta name=x content=\"text/html; charset=euc-jp\">").source());
        assertEquals("utf-8", meta("<meta charset=euc-jp content=\"x\">").source(), "charset with content but no http-equiv");
        assertEquals(Charset.forName("EUC-JP"), meta("<meta HTTP-EQUIV=\" Content-Type\" CONTENT=\"text/html; charset=euc-jp\">").charset());
        assertEquals("utf-8", meta("<meta http-equiv=refresh content=\"0; charset=euc-jp\">").source());
    }

    @Test
    void aMetaWithoutACharsetValueIsPassedOver() {
        assertEquals(Charset.forName("EUC-JP"), meta("<meta http-equiv=content-type content=text/html><meta charset=euc-jp>").charset());
    }

    @Test
    void anUnknownLabelIsPassedOverForTheNextDeclaration() {
        assertEquals(Charset.forName("EUC-JP"), meta("<meta charset=no-such><meta charset=euc-jp>").charset());
        assertEquals("utf-8", meta("<meta charset=no-such>").source());
    }

    @Test
    void aUtf16LabelInsideTheDocumentMeansUtf8() {
        assertEquals(new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "meta"), meta("<meta charset=utf-16le>"));
    }

    @Test
    void anAsciiLabelInAMetaIsReadAsWindows1252() {
        assertEquals(new PageCharset(WINDOWS_1252, StandardCharsets.US_ASCII, 0, "meta"), meta("<meta charset=us-ascii>"));
    }

    @Test
    void thePrescanReadsExactlyTheFirstKilobyte() {
        String tag = "<meta charset=euc-jp>";
        String fits = "x".repeat(1024 - tag.length()) + tag;
        String over = "x".repeat(1025 - tag.length()) + tag;

        assertEquals(Charset.forName("EUC-JP"), meta(fits).charset());
        assertEquals("utf-8", meta(over).source());
    }

    @Test
    void thePrescanReadsOnlyTheBodysLength() {
        byte[] body = ascii("<p>x</p><meta charset=euc-jp>");

        assertEquals("utf-8", PageCharset.detect(body, 8, null).source());
    }

    @Test
    void anUnclosedCommentHidesTheRestOfThePrescan() {
        assertEquals("utf-8", meta("<!-- a comment never closed <meta charset=euc-jp>").source());
        assertEquals(Charset.forName("EUC-JP"), meta("<!-- a --><meta charset=euc-jp>").charset());
    }

    @Test
    void aLabelIsMatchedWithoutSurroundingSpaceOrCase() {
        assertEquals(Charset.forName("EUC-JP"), PageCharset.forLabel("  EUC-JP\t"));
        assertEquals(StandardCharsets.UTF_8, PageCharset.forLabel("UTF-16"));
        assertEquals(StandardCharsets.UTF_8, PageCharset.forLabel("Unicode"));
        assertEquals(WINDOWS_1252, PageCharset.forLabel("X-User-Defined"));
    }

    @Test
    void aCharsetJavaCanOnlyDecodeHasNoLabel() {
        assertNull(PageCharset.forLabel("x-JISAutoDetect"));
    }

    // ---- byte-order marks against a declared charset ----

    @Test
    void aUtf8BomUnderADeclaredUtf16IsNoBom() {
        byte[] body = concat(bytes(0xEF, 0xBB, 0xBF), ascii("<p>"));

        assertEquals(new PageCharset(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16BE, 0, "declared"),
            PageCharset.detect(body, body.length, StandardCharsets.UTF_16));
    }

    @Test
    void aUtf16BomUnderAnotherDeclaredCharsetIsNoBom() {
        byte[] body = concat(bytes(0xFF, 0xFE), "<p>".getBytes(StandardCharsets.UTF_16LE));

        assertEquals(new PageCharset(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16BE, 0, "declared"),
            PageCharset.detect(body, body.length, StandardCharsets.UTF_16BE));
        assertEquals(new PageCharset(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16LE, 2, "declared"),
            PageCharset.detect(body, body.length, StandardCharsets.UTF_16LE));
    }

    @Test
    void aBomOnlyCountsWithinTheLength() {
        byte[] body = bytes(0xEF, 0xBB, 0xBF, 0x3C);

        assertEquals(0, PageCharset.detect(body, 2, null).bomLength());
        assertEquals(0, PageCharset.detect(bytes(0xFE, 0xFF), 1, null).bomLength());
        assertEquals(0, PageCharset.detect(bytes(0xFF, 0xFE), 1, null).bomLength());
        assertEquals(3, PageCharset.detect(body, 3, null).bomLength());
    }

    @Test
    void aBodyOfJustATwoByteBomIsThatBom() {
        assertEquals(new PageCharset(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16BE, 2, "bom"), PageCharset.detect(bytes(0xFE, 0xFF), 2, null));
        assertEquals(new PageCharset(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16LE, 2, "bom"), PageCharset.detect(bytes(0xFF, 0xFE), 2, null));
    }

    @Test
    void anEmptyBodyIsUtf8() {
        assertEquals(new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8"), PageCharset.detect(new byte[0], 0, null));
    }

    @Test
    void aBomNeedsAllOfItsBytes() {
        assertEquals("fallback", PageCharset.detect(bytes(0xEF, 0xBB, 0x3C), 3, null).source());
        assertEquals("fallback", PageCharset.detect(bytes(0xEF, 0x3C, 0xBF), 3, null).source());
        assertEquals("fallback", PageCharset.detect(bytes(0xFE, 0x3C), 2, null).source());
        assertEquals("fallback", PageCharset.detect(bytes(0xFF, 0x3C), 2, null).source());
    }

    // ---- decoding ----

    @Test
    void aSingleByteCharsetDecodesAnUnmappedByteWithoutFailing() throws CharacterCodingException {
        PageCharset cs = new PageCharset(WINDOWS_1252, WINDOWS_1252, 0, "fallback");
        byte[] body = bytes(0x3C, 0x81, 0xE9, 0x3E);

        assertEquals("<\uFFFDé>", cs.decode(body, body.length));
    }

    @Test
    void decodesOnlyTheBytesAfterTheBomAndWithinTheLength() throws CharacterCodingException {
        byte[] body = concat(bytes(0xEF, 0xBB, 0xBF), "<p>é</p>".getBytes(StandardCharsets.UTF_8));
        PageCharset cs = PageCharset.detect(body, body.length, null);

        assertEquals("<p>é", cs.decode(body, body.length - 4));
    }

    @Test
    void aReplacementCharacterWrittenInTheUtf8PageIsKept() throws CharacterCodingException {
        byte[] body = "<p>\uFFFD</p>".getBytes(StandardCharsets.UTF_8);
        PageCharset cs = PageCharset.detect(body, body.length, null);

        assertEquals("<p>\uFFFD</p>", cs.decode(body, body.length));
    }

    @Test
    void decodesUtf16AsUtf16EvenWhenItsBytesWouldPassAsUtf8() throws CharacterCodingException {
        byte[] body = "<p>".getBytes(StandardCharsets.UTF_16LE);
        PageCharset cs = new PageCharset(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16LE, 0, "declared");

        assertEquals("<p>", cs.decode(body, body.length));
    }

    @Test
    void decodesMultiByteCharsetsStrictly() throws CharacterCodingException {
        PageCharset sjis = new PageCharset(SHIFT_JIS, SHIFT_JIS, 0, "declared");
        byte[] good = "a日本".getBytes(SHIFT_JIS);

        assertEquals("a日本", sjis.decode(good, good.length));
        assertThrows(CharacterCodingException.class, () -> sjis.decode(bytes(0x61, 0x93), 2));
    }

    @Test
    void tellsSingleByteCharsetsFromOthers() {
        assertTrue(new PageCharset(WINDOWS_1252, WINDOWS_1252, 0, "fallback").isSingleByte());
        assertTrue(new PageCharset(WINDOWS_1251, WINDOWS_1251, 0, "fallback").isSingleByte());
        assertFalse(new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8").isSingleByte());
        assertFalse(new PageCharset(SHIFT_JIS, SHIFT_JIS, 0, "declared").isSingleByte());
        assertFalse(new PageCharset(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16LE, 0, "declared").isSingleByte());
    }

    @Test
    void aCharsetThatCannotEncodeIsNotInsertable() {
        Charset decodeOnly = Charset.forName("x-JISAutoDetect");

        assertFalse(new PageCharset(decodeOnly, SHIFT_JIS, 0, "declared").isInsertable());
    }

    // ---- offsets ----

    @Test
    void anAsciiUtf8TextMapsOffsetsPastTheBomOnly() {
        String text = "<p>x</p>";
        PageCharset cs = new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 3, "bom");

        assertArrayEquals(new int[] {3, 6, 11}, cs.byteOffsets(text, 3 + text.length(), new int[] {0, 3, 8}));
    }

    @Test
    void aSingleByteTextMapsOffsetsOneToOne() {
        String text = "<p>é</p>";
        PageCharset cs = new PageCharset(WINDOWS_1252, WINDOWS_1252, 0, "fallback");

        assertArrayEquals(new int[] {0, 4, 8}, cs.byteOffsets(text, 8, new int[] {0, 4, 8}));
    }

    @Test
    void countsUtf8BytesAtEachLengthBoundary() {
        String text = "\u007F\u0080\u07FF\u0800\uFFFF\uD83D\uDCF0x";
        int length = text.getBytes(StandardCharsets.UTF_8).length;
        PageCharset cs = new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8");

        assertArrayEquals(new int[] {1, 3, 5, 8, 11, 15, 16}, cs.byteOffsets(text, length, new int[] {1, 2, 3, 4, 5, 7, 8}));
    }

    @Test
    void anOffsetInsideASurrogatePairCountsTheHighHalfAlone() {
        String text = "\uD83D\uDCF0";
        PageCharset cs = new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8");

        assertArrayEquals(new int[] {3}, cs.byteOffsets(text, 4, new int[] {1}));
        assertArrayEquals(new int[] {3, 4}, cs.byteOffsets("\uDCF0x", 4, new int[] {1, 2}), "a lone low surrogate");
    }

    @Test
    void aRepeatedOffsetMapsToTheSameByte() {
        String text = "a日本b";
        PageCharset cs = new PageCharset(SHIFT_JIS, SHIFT_JIS, 0, "declared");

        assertArrayEquals(new int[] {1, 1, 5, 5}, cs.byteOffsets(text, 6, new int[] {1, 1, 3, 3}));
    }

    @Test
    void refusesOffsetsPastTheText() {
        PageCharset sjis = new PageCharset(SHIFT_JIS, SHIFT_JIS, 0, "declared");
        PageCharset utf8 = new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8");

        assertThrows(IllegalArgumentException.class, () -> sjis.byteOffsets("a日", 3, new int[] {3}));
        assertArrayEquals(new int[] {3}, sjis.byteOffsets("a日", 3, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> utf8.byteOffsets("é", 2, new int[] {2}));
        assertThrows(IllegalArgumentException.class, () -> utf8.byteOffsets("éa", 3, new int[] {2, 1}));
    }

    @Test
    void aTextThatNoLongerEncodesIsAnError() {
        PageCharset sjis = new PageCharset(SHIFT_JIS, SHIFT_JIS, 0, "declared");

        assertThrows(IllegalStateException.class, () -> sjis.byteOffsets("a\u00e9", 2, new int[] {2}));
    }

    // ---- encoding insertions ----

    @Test
    void encodesInsertionsInTheOutputCharset() {
        assertArrayEquals(bytes(0x3C, 0xE9, 0x3E), new PageCharset(WINDOWS_1252, WINDOWS_1252, 0, "fallback").encode("<é>"));
        assertArrayEquals(bytes(0xC3, 0xA9), new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8").encode("é"));
        assertArrayEquals(bytes(0xF0, 0x9F, 0x93, 0xB0),
            new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8").encode("\uD83D\uDCF0"));
    }

    @Test
    void refusesAnInsertionItCannotEncode() {
        PageCharset utf8 = new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8");

        assertThrows(IllegalStateException.class, () -> utf8.encode("a\uD83D"), "a lone surrogate is not silently replaced");
        assertThrows(IllegalStateException.class, () -> utf8.encode("\uDCF0a"));
        assertThrows(IllegalStateException.class,
            () -> new PageCharset(WINDOWS_1252, StandardCharsets.US_ASCII, 0, "declared").encode("é"));
    }
}
