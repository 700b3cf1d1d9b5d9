package dev.herald.syndication.linkedin;

import dev.herald.internal.Validate;

/**
 * LinkedIn's "little text" format for a post's {@code commentary}: the characters
 * {@code \ | { } @ [ ] ( ) < > # * _ ~} are markup, so plain text must escape each with a
 * backslash (an unescaped one silently cuts the post there, as observed). Hashtags and mentions
 * are left as plain text: {@code #Iran} becomes {@code \#Iran}, shown as written but not linked.
 */
final class LittleText {
    private static final String RESERVED = "\\|{}@[]()<>#*_~";

    private LittleText() {}

    /** {@code text} with every reserved character backslash-escaped. */
    public static String escape(String text) {
        Validate.notNull(text, "text");
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (RESERVED.indexOf(c) >= 0) out.append('\\');
            out.append(c);
        }
        return out.toString();
    }
}
