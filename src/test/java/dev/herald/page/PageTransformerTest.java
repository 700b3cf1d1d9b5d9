package dev.herald.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.buttons.ButtonRenderer;
import dev.herald.meta.SiteDefaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageTransformerTest {
    static final URI URL = URI.create("https://ledger.example/world/iran-retaliation");
    static final ButtonRenderer BAR = meta -> "<nav data-herald-buttons>share</nav>";

    static byte[] fixture(String name) {
        try (InputStream in = PageTransformerTest.class.getResourceAsStream("/pages/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String transform(PageTransformer t, byte[] page) {
        Rewrite r = t.plan(page, page.length, null, PageRequest.of(URL));
        return new String(r.apply(page), r.charset());
    }

    @Test
    void insertsHeadTagsRightBeforeTheHeadEndTag() {
        String out = transform(new PageTransformer(SiteDefaults.NONE, null, ButtonPlacement.NONE), fixture("seed-article.html"));
        int og = out.indexOf("<meta property=\"og:title\"");
        assertTrue(og > out.indexOf("<link rel=\"stylesheet\""));
        assertTrue(out.indexOf("</head>") > out.indexOf("application/ld+json"));
        assertTrue(out.contains("<meta property=\"og:title\" content=\"Iran signals its retaliation is over and rules out escalation\">"));
    }

    @Test
    void keepsEveryOriginalByte() {
        byte[] page = fixture("seed-article.html");
        Rewrite r = new PageTransformer(SiteDefaults.NONE, BAR, ButtonPlacement.AFTER_HEADLINE).plan(page, page.length, null, PageRequest.of(URL));
        assertEquals(new String(page, StandardCharsets.UTF_8), withoutInsertions(r, r.apply(page)));
    }

    /** Cuts the inserted bytes back out of {@code out}. */
    static String withoutInsertions(Rewrite r, byte[] out) {
        ByteArrayOutputStream back = new ByteArrayOutputStream();
        int shift = 0;
        int cursor = 0;
        for (Rewrite.Insertion i : r.insertions()) {
            back.write(out, cursor, i.offset() + shift - cursor);
            cursor = i.offset() + shift + i.bytes().length;
            shift += i.bytes().length;
        }
        back.write(out, cursor, out.length - cursor);
        return back.toString(r.charset());
    }

    @Test
    void putsButtonsIntoThePlaceholder() {
        String out = transform(new PageTransformer(SiteDefaults.NONE, BAR, ButtonPlacement.END_OF_ARTICLE), fixture("seed-article.html"));
        assertTrue(out.contains("<div data-herald-share><nav data-herald-buttons>share</nav></div>"));
    }

    @Test
    void reportsNoSkipReasonForATransformedPage() {
        byte[] page = fixture("seed-article.html");
        Rewrite r = new PageTransformer(SiteDefaults.NONE, null, ButtonPlacement.NONE).plan(page, page.length, null, PageRequest.of(URL));
        assertNull(r.skipped());
        assertTrue(r.changesBody());
    }
}
