package dev.herald.meta;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.io.UncheckedIOException;

/** Reads the fixture pages under {@code src/test/resources/pages}. */
final class Fixtures {
    private Fixtures() {}

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/pages/" + name)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PageMeta read(String name, String pageUrl) {
        try {
            return PageMeta.read(bytes(name), null, URI.create(pageUrl));
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
