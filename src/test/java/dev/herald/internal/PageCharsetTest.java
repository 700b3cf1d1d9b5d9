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

/** How a body's charset is found (byte-order marks included) and which charsets allow inserting bytes. */
class PageCharsetTest {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static PageCharset detect(byte[] body, Charset declared) {
        return PageCharset.detect(body, body.length, declared);
    }

    // ---- byte-order marks ----

    @Test
    void aUtf16BigEndianBomIsReadAsUtf16BigEndian() throws CharacterCodingException {
        byte[] body = concat(bytes(0xFE, 0xFF), "<p>é</p>".getBytes(StandardCharsets.UTF_16BE));

        PageCharset cs = detect(body, null);

        assertEquals(new PageCharset(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16BE, 2, "bom"), cs);
        assertEquals("<p>é</p>", cs.decode(body, body.length));
    }

    @Test
    void aUtf16LittleEndianBomIsReadAsUtf16LittleEndian() throws CharacterCodingException {
        byte[] body = concat(bytes(0xFF, 0xFE), "<p>é</p>".getBytes(StandardCharsets.UTF_16LE));

        PageCharset cs = detect(body, null);

        assertEquals(new PageCharset(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16LE, 2, "bom"), cs);
        assertEquals("<p>é</p>", cs.decode(body, body.length));
    }

    @Test
    void aUtf8BomIsReadAsUtf8AndLeftOutOfTheText() throws CharacterCodingException {
        byte[] body = concat(bytes(0xEF, 0xBB, 0xBF), "<p>é</p>".getBytes(StandardCharsets.UTF_8));

        PageCharset cs = detect(body, null);

        assertEquals(new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 3, "bom"), cs);
        assertEquals("<p>é</p>", cs.decode(body, body.length));
    }

    @Test
    void aBomCutShortIsNoBom() {
        assertEquals("fallback", detect(bytes(0xEF, 0xBB), null).source());
        assertEquals(0, detect(bytes(0xFE), null).bomLength());
        assertEquals(0, PageCharset.detect(bytes(0xFF, 0xFE, 0x41, 0x00), 1, null).bomLength(), "only the first length bytes count");
        assertEquals(0, PageCharset.detect(bytes(0xEF, 0xBB, 0xBF, 0x41), 2, null).bomLength());
    }

    @Test
    void aDeclaredUtf16IsReadInTheByteOrderItsBomGives() {
        byte[] le = concat(bytes(0xFF, 0xFE), "<p>".getBytes(StandardCharsets.UTF_16LE));
        byte[] be = concat(bytes(0xFE, 0xFF), "<p>".getBytes(StandardCharsets.UTF_16BE));

        assertEquals(new PageCharset(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16LE, 2, "declared"), detect(le, StandardCharsets.UTF_16));
        assertEquals(new PageCharset(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16BE, 2, "declared"), detect(be, StandardCharsets.UTF_16));
    }

    @Test
    void aDeclaredUtf16WithoutABomIsBigEndian() {
        byte[] body = "<p>".getBytes(StandardCharsets.UTF_16BE);

        assertEquals(new PageCharset(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16BE, 0, "declared"), detect(body, StandardCharsets.UTF_16));
    }

    @Test
    void aDeclaredCharsetKeepsABomOnlyWhenTheyAgree() {
        byte[] utf8Bom = concat(bytes(0xEF, 0xBB, 0xBF), "<p>".getBytes(StandardCharsets.UTF_8));

        assertEquals(3, detect(utf8Bom, StandardCharsets.UTF_8).bomLength());
        assertEquals(0, detect(utf8Bom, StandardCharsets.UTF_16).bomLength(), "a UTF-8 BOM is no UTF-16 BOM");
        assertEquals(0, detect(utf8Bom, WINDOWS_1252).bomLength());
        assertEquals(0, detect(concat(bytes(0xFF, 0xFE), bytes(0x41, 0)), StandardCharsets.UTF_16BE).bomLength());
        assertEquals(2, detect(concat(bytes(0xFF, 0xFE), bytes(0x41, 0)), StandardCharsets.UTF_16LE).bomLength());
    }

    // ---- labels, meta, fallback ----

    @Test
    void isoLatin1AndAsciiLabelsAreReadAsWindows1252ButWrittenInTheLabel() {
        byte[] body = "<p>".getBytes(StandardCharsets.US_ASCII);

        assertEquals(new PageCharset(WINDOWS_1252, StandardCharsets.ISO_8859_1, 0, "declared"), detect(body, StandardCharsets.ISO_8859_1));
        assertEquals(new PageCharset(WINDOWS_1252, StandardCharsets.US_ASCII, 0, "declared"), detect(body, StandardCharsets.US_ASCII));
    }

    @Test
    void readsTheMetaDeclarationInTheFirstKilobyte() {
        byte[] meta = "<head><meta charset=\"Shift_JIS\"><title>x</title>".getBytes(StandardCharsets.US_ASCII);
        byte[] httpEquiv = "<meta http-equiv=Content-Type content=\"text/html; charset=euc-jp\">".getBytes(StandardCharsets.US_ASCII);
        byte[] late = ("<p>" + "x".repeat(1024) + "<meta charset=euc-jp>").getBytes(StandardCharsets.US_ASCII);
        byte[] commented = "<!-- <meta charset=euc-jp> --><p>".getBytes(StandardCharsets.US_ASCII);

        assertEquals(new PageCharset(Charset.forName("Shift_JIS"), Charset.forName("Shift_JIS"), 0, "meta"), detect(meta, null));
        assertEquals(Charset.forName("EUC-JP"), detect(httpEquiv, null).charset());
        assertEquals("utf-8", detect(late, null).source());
        assertEquals("utf-8", detect(commented, null).source());
    }

    @Test
    void validUtf8IsUtf8AndAnythingElseWindows1252() {
        assertEquals(new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8"), detect("<p>é €".getBytes(StandardCharsets.UTF_8), null));
        assertEquals(new PageCharset(WINDOWS_1252, WINDOWS_1252, 0, "fallback"), detect(bytes(0x3C, 0x70, 0x3E, 0xE9), null));
    }

    @Test
    void forLabelMapsLabelsAsBrowsersDo() {
        assertEquals(StandardCharsets.UTF_8, PageCharset.forLabel(" UTF-16LE "));
        assertEquals(StandardCharsets.UTF_8, PageCharset.forLabel("unicode"));
        assertEquals(WINDOWS_1252, PageCharset.forLabel("x-user-defined"));
        assertEquals(Charset.forName("ISO-8859-2"), PageCharset.forLabel("latin2"));
        assertNull(PageCharset.forLabel("no-such-charset"));
        assertNull(PageCharset.forLabel("bad name!"));
        assertNull(PageCharset.forLabel(null));
    }

    // ---- insertion ----

    @ParameterizedTest
    @ValueSource(strings = {"ISO-2022-JP", "ISO-2022-KR", "iso-2022-cn"})
    void aShiftStateEncodingIsNotInsertable(String name) {
        assertFalse(new PageCharset(Charset.forName(name), Charset.forName(name), 0, "declared").isInsertable(), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "windows-1252", "Shift_JIS", "EUC-JP", "UTF-16LE", "GB18030"})
    void aStatelessEncodingIsInsertable(String name) {
        assertTrue(new PageCharset(Charset.forName(name), Charset.forName(name), 0, "declared").isInsertable(), name);
    }

    @Test
    void mapsCharOffsetsToByteOffsetsPastTheBom() {
        String text = "aé€\uD83D\uDCF0b";
        byte[] body = concat(bytes(0xEF, 0xBB, 0xBF), text.getBytes(StandardCharsets.UTF_8));
        PageCharset utf8 = detect(body, null);

        assertArrayEquals(new int[] {3, 4, 6, 9, 13, 14}, utf8.byteOffsets(text, body.length, new int[] {0, 1, 2, 3, 5, 6}));
    }

    @Test
    void mapsCharOffsetsInAMultiByteCharset() {
        Charset sjis = Charset.forName("Shift_JIS");
        String text = "a日本b";
        PageCharset cs = new PageCharset(sjis, sjis, 0, "declared");

        assertArrayEquals(new int[] {0, 1, 3, 5, 6}, cs.byteOffsets(text, text.getBytes(sjis).length, new int[] {0, 1, 2, 3, 4}));
        assertThrows(IllegalArgumentException.class, () -> cs.byteOffsets(text, 6, new int[] {2, 1}));
    }

    @Test
    void decodesMalformedMultiByteTextStrictly() {
        PageCharset utf8 = new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "declared");
        byte[] broken = bytes(0x3C, 0x70, 0x3E, 0xC3);

        assertThrows(CharacterCodingException.class, () -> utf8.decode(broken, broken.length));
    }

    @Test
    void refusesABomLengthOutsideZeroToFour() {
        assertThrows(IllegalArgumentException.class, () -> new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 5, "bom"));
        assertThrows(IllegalArgumentException.class, () -> new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, -1, "bom"));
        assertThrows(IllegalArgumentException.class, () -> PageCharset.detect(new byte[2], 3, null));
    }
}
