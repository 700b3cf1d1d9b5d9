package dev.herald.syndication.bluesky;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.herald.syndication.bluesky.Facets.Facet;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlueskyFacetsTest {
    private static List<String> spans(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return Facets.of(text).stream()
                .map(f -> new String(Arrays.copyOfRange(utf8, f.byteStart(), f.byteEnd()), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void offsetsCountUtf8BytesNotChars() {
        String text = "“Quote” 👨‍👩‍👧‍👦 https://a.example/x";
        Facet f = Facets.of(text).get(0);
        // “ and ” are 3 bytes each, the family is 25 bytes (4 emoji of 4 bytes, 3 ZWJs of 3).
        assertEquals(3 + 5 + 3 + 1 + 25 + 1, f.byteStart());
        assertEquals(f.byteStart() + "https://a.example/x".length(), f.byteEnd());
        assertEquals(List.of("https://a.example/x"), spans(text));
    }

    @Test
    void trailingSentencePunctuationIsNotPartOfTheLink() {
        assertEquals(List.of("https://a.example/x"), spans("Read https://a.example/x."));
        assertEquals(List.of("https://a.example/x"), spans("(see https://a.example/x)"));
        assertEquals(List.of("https://en.example/wiki/Foo_(bar)"), spans("see https://en.example/wiki/Foo_(bar)!"));
    }

    @Test
    void hashtagsBecomeTagFacetsWithoutTheHash() {
        List<Facet> facets = Facets.of("News #Iran #MiddleEast ＃Wörld");
        assertEquals(List.of("Iran", "MiddleEast", "Wörld"), facets.stream().map(Facet::value).toList());
        assertEquals(List.of(Facets.TAG, Facets.TAG, Facets.TAG), facets.stream().map(Facet::type).toList());
        assertEquals(List.of("#Iran", "#MiddleEast", "＃Wörld"), spans("News #Iran #MiddleEast ＃Wörld"));
    }

    @Test
    void numbersAnchorsAndMidWordHashesAreNotTags() {
        assertEquals(List.of("https://a.example/page#section"), spans("We're #1 at https://a.example/page#section and C#sharp"));
    }

    @Test
    void linksAndTagsComeInTextOrder() {
        List<Facet> facets = Facets.of("#First https://a.example #Second");
        assertEquals(List.of(Facets.TAG, Facets.LINK, Facets.TAG), facets.stream().map(Facet::type).toList());
    }
}
