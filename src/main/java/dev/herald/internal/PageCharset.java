package dev.herald.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The charset an HTML body is written in, how it was found, and the strict decoding and offset
 * arithmetic that lets Herald insert bytes into a body without re-encoding any of it.
 *
 * <p>Detection order: the declared charset (Content-Type), a byte-order mark, a {@code <meta charset>}
 * or {@code http-equiv} declaration in the first 1024 bytes, UTF-8 when the bytes are valid UTF-8
 * (checked first, as browsers' detectors do), else windows-1251 when the bytes read as Cyrillic
 * words in it, else windows-1252. Labels are mapped the way browsers map them (ISO-8859-1 and US-ASCII are read as
 * windows-1252, a UTF-16 label inside the document means UTF-8).
 *
 * @param charset the charset the body is read with
 * @param output the charset insertions are encoded in: the page's own label, which for ISO-8859-1 and
 *     US-ASCII is narrower than {@code charset}, so that every consumer reads inserted bytes alike
 * @param bomLength how many leading bytes are a byte-order mark (not part of the text)
 * @param source how the charset was found: {@code declared}, {@code bom}, {@code meta}, {@code utf-8}
 *     or {@code fallback}
 */
public record PageCharset(Charset charset, Charset output, int bomLength, String source) {
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    /** Fewer non-ASCII bytes than this say too little to tell one legacy encoding from another. */
    private static final int MIN_EVIDENCE = 16;
    private static final int PRESCAN_BYTES = 1024;
    private static final Pattern CHARSET_KEY = Pattern.compile("\\scharset\\s*=");
    private static final Pattern CONTENT_KEY = Pattern.compile("\\scontent\\s*=");
    private static final Pattern HTTP_EQUIV = Pattern.compile("http-equiv\\s*=\\s*[\"']?\\s*content-type");
    private static final Pattern META = Pattern.compile("<meta\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern CHARSET_ATTR = Pattern.compile(
            "\\bcharset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);

    /** Requires both charsets; the BOM length is 0 to 4. */
    public PageCharset {
        Validate.notNull(charset, "charset");
        Validate.notNull(output, "output");
        Validate.isTrue(bomLength >= 0 && bomLength <= 4, "bomLength", "must be 0..4");
    }

    /**
     * Finds the charset of {@code body[0..length)}.
     *
     * @param declared the charset from the Content-Type header, or {@code null}
     */
    public static PageCharset detect(byte[] body, int length, Charset declared) {
        Validate.notNull(body, "body");
        Validate.isTrue(length >= 0 && length <= body.length, "length", "must be within the body");
        Charset bomCharset = null;
        int bom = 0;
        if (length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            bomCharset = StandardCharsets.UTF_8;
            bom = 3;
        } else if (length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            bomCharset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            bomCharset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        if (declared != null) {
            boolean bomMatches = bomCharset != null && (bomCharset.equals(declared)
                    || (declared.equals(StandardCharsets.UTF_16) && bomCharset != StandardCharsets.UTF_8));
            Charset read = bomMatches && declared.equals(StandardCharsets.UTF_16) ? bomCharset : declared;
            return labelled(read, bomMatches ? bom : 0, "declared");
        }
        if (bomCharset != null) return new PageCharset(bomCharset, bomCharset, bom, "bom");
        Charset meta = prescan(body, length);
        if (meta != null) return labelled(meta, 0, "meta");
        if (isUtf8(body, 0, length)) return new PageCharset(StandardCharsets.UTF_8, StandardCharsets.UTF_8, 0, "utf-8");
        if (looksCyrillic(body, length)) return new PageCharset(WINDOWS_1251, WINDOWS_1251, 0, "fallback");
        return new PageCharset(WINDOWS_1252, WINDOWS_1252, 0, "fallback");
    }

    private static PageCharset labelled(Charset label, int bom, String source) {
        String name = label.name();
        // Java's "UTF-16" encoder starts every output with a byte-order mark; without a BOM the text is big-endian.
        if (name.equals("UTF-16")) return new PageCharset(StandardCharsets.UTF_16BE, StandardCharsets.UTF_16BE, bom, source);
        if (name.equals("ISO-8859-1") || name.equals("US-ASCII")) {
            // Browsers read both labels as windows-1252 (WHATWG Encoding); insertions stay within the label.
            return new PageCharset(WINDOWS_1252, label, bom, source);
        }
        return new PageCharset(label, label, bom, source);
    }

    /** The {@code <meta>} declaration in the first 1024 bytes, mapped as a browser would, or null. */
    static Charset prescan(byte[] body, int length) {
        String head = new String(body, 0, Math.min(length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        head = COMMENT.matcher(head).replaceAll("");
        Matcher m = META.matcher(head);
        while (m.find()) {
            String tag = m.group();
            String lower = tag.toLowerCase(Locale.ROOT);
            boolean charsetAttr = CHARSET_KEY.matcher(lower).find() && !CONTENT_KEY.matcher(lower).find();
            boolean httpEquiv = HTTP_EQUIV.matcher(lower).find();
            if (!charsetAttr && !httpEquiv) continue;
            Matcher c = CHARSET_ATTR.matcher(tag);
            if (!c.find()) continue;
            Charset cs = forLabel(c.group(1));
            if (cs != null) return cs;
        }
        return null;
    }

    /** A charset for an HTML label, with the substitutions browsers make, or null when unknown. */
    public static Charset forLabel(String label) {
        if (label == null) return null;
        String l = label.strip().toLowerCase(Locale.ROOT);
        if (l.startsWith("utf-16") || l.equals("unicode")) return StandardCharsets.UTF_8;
        if (l.equals("x-user-defined")) return WINDOWS_1252;
        try {
            Charset cs = Charset.forName(l);
            return cs.canEncode() ? cs : null;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** Whether {@code bytes[from..to)} is well-formed UTF-8 (no overlongs, no surrogates). */
    /**
     * Whether undeclared bytes that are not UTF-8 read as Cyrillic in windows-1251, as browsers'
     * detectors would read them: nearly all non-ASCII bytes are letters of the 1251 alphabet
     * (0xC0-0xFF, Ё and ё) standing in runs that make whole words. Western windows-1252 text has
     * its few accented letters alone between ASCII ones ("élève", "Zürich"), so it stays 1252.
     */
    static boolean looksCyrillic(byte[] b, int length) {
        int high = 0, letters = 0, inRuns = 0;
        for (int i = 0; i < length; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x80) continue;
            high++;
            if (c >= 0xC0 || c == 0xA8 || c == 0xB8) letters++;
            if ((i > 0 && (b[i - 1] & 0x80) != 0) || (i + 1 < length && (b[i + 1] & 0x80) != 0)) inRuns++;
        }
        return high >= MIN_EVIDENCE && letters * 10 >= high * 9 && inRuns * 10 >= high * 8;
    }

    static boolean isUtf8(byte[] b, int from, int to) {
        int i = from;
        while (i < to) {
            int c = b[i] & 0xFF;
            if (c < 0x80) { i++; continue; }
            int n;
            int min;
            if (c >= 0xC2 && c <= 0xDF) { n = 1; min = 0x80; }
            else if (c >= 0xE0 && c <= 0xEF) { n = 2; min = 0x800; }
            else if (c >= 0xF0 && c <= 0xF4) { n = 3; min = 0x10000; }
            else return false;
            if (i + n >= to) return false;
            int cp = c & (0x3F >> n);
            for (int k = 1; k <= n; k++) {
                int cc = b[i + k] & 0xFF;
                if ((cc & 0xC0) != 0x80) return false;
                cp = (cp << 6) | (cc & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
            i += n + 1;
        }
        return true;
    }

    /**
     * Decodes the text after the byte-order mark. Multi-byte charsets are decoded strictly: a
     * malformed sequence throws, because byte offsets could no longer be trusted. Single-byte charsets
     * map every byte to one char, so an unmapped byte is read as U+FFFD without harm to offsets.
     */
    public String decode(byte[] body, int length) throws CharacterCodingException {
        int off = bomLength;
        int len = length - bomLength;
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        if (!utf8 && isSingleByte()) return new String(body, off, len, charset);
        if (utf8) {
            // The JDK's String decoding is far faster than a CharsetDecoder; it replaces malformed input
            // with U+FFFD, so only a result holding U+FFFD needs the strict check.
            String text = new String(body, off, len, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) return text;
        }
        CharsetDecoder d = charset.newDecoder();
        d.onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return d.decode(ByteBuffer.wrap(body, off, len)).toString();
    }

    /** Whether every char of the text is exactly one byte of the body. */
    public boolean isSingleByte() {
        return charset.newEncoder().maxBytesPerChar() == 1f && charset.newDecoder().maxCharsPerByte() == 1f;
    }

    /** Whether inserting bytes between characters is safe (false for shift-state encodings such as ISO-2022-JP). */
    public boolean isInsertable() {
        return !charset.name().toUpperCase(Locale.ROOT).startsWith("ISO-2022") && charset.canEncode();
    }

    /**
     * Converts ascending char offsets of the decoded text into byte offsets of the original body
     * (including the byte-order mark) of {@code bodyLength} bytes.
     */
    public int[] byteOffsets(String text, int bodyLength, int[] charOffsets) {
        int[] out = new int[charOffsets.length];
        // In UTF-8 only ASCII takes one byte per char, so equal lengths mean an all-ASCII text.
        boolean utf8 = charset.equals(StandardCharsets.UTF_8);
        if (utf8 ? bodyLength == bomLength + text.length() : isSingleByte()) {
            for (int i = 0; i < out.length; i++) out[i] = bomLength + charOffsets[i];
            return out;
        }
        CharsetEncoder enc = utf8 ? null : charset.newEncoder();
        int chars = 0;
        long bytes = bomLength;
        for (int i = 0; i < out.length; i++) {
            int target = charOffsets[i];
            Validate.isTrue(target >= chars && target <= text.length(), "charOffsets", "must be ascending and within the text");
            if (utf8) {
                bytes += utf8Length(text, chars, target);
            } else if (target > chars) {
                try {
                    bytes += enc.reset().encode(CharBuffer.wrap(text, chars, target)).remaining();
                } catch (CharacterCodingException e) {
                    throw new IllegalStateException("text no longer encodes in " + charset, e);
                }
            }
            chars = target;
            out[i] = Math.toIntExact(bytes);
        }
        return out;
    }

    private static long utf8Length(String s, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) n++;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) { n += 4; i++; }
            else n += 3;
        }
        return n;
    }

    /** Encodes {@code html} in the output charset; the caller has already escaped what it cannot hold. */
    public byte[] encode(String html) {
        // The JDK's own UTF-8 encoding is several times faster than an encoder; it would only
        // silently replace a lone surrogate, so text holding surrogates takes the strict way.
        if (output.equals(StandardCharsets.UTF_8) && !hasSurrogate(html)) return html.getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer bb = output.newEncoder().encode(CharBuffer.wrap(html));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("insertion not encodable in " + output, e);
        }
    }

    private static boolean hasSurrogate(String s) {
        for (int i = 0, n = s.length(); i < n; i++) if (Character.isSurrogate(s.charAt(i))) return true;
        return false;
    }
}
