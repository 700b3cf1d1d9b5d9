package dev.herald.delivery.internal;

import dev.herald.delivery.ShareRequest;
import dev.herald.internal.Validate;

/** The one rule for a share's own text, applied where a request is made and where the store changes it. */
public final class OwnText {
    private OwnText() {}

    /** Checks a share's own text: absent, or not blank and at most {@link ShareRequest#MAX_TEXT} characters. */
    public static void check(String text) {
        if (text == null) return;
        Validate.notBlank(text, "text");
        Validate.isTrue(text.length() <= ShareRequest.MAX_TEXT, "text", "must be at most " + ShareRequest.MAX_TEXT + " characters");
    }
}
