package dev.herald.page.it;

import dev.herald.page.PageRequest;
import dev.herald.page.Rewrite;
import dev.herald.page.ShareFilter;
import java.nio.charset.Charset;

/** A ShareFilter whose rewrite hook always fails, as a bug in a transformer would. */
public final class FailingShareFilter extends ShareFilter {
    @Override
    protected Rewrite plan(byte[] body, int length, Charset declaredCharset, PageRequest page) {
        throw new IllegalStateException("a rewrite that fails on purpose");
    }
}
