package dev.herald.syndication.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Form fields keep the order they are written in, which {@code Map.of} would not. */
class FormsTest {
    @Test
    void keepsThePairsInTheOrderGiven() {
        Map<String, String> form = Forms.of("z", "1", "a", "2", "m", "3", "b", "4");

        assertEquals(List.of("z", "a", "m", "b"), List.copyOf(form.keySet()));
        assertEquals("2", form.get("a"));
    }

    @Test
    void refusesAnOddCountOrANullNameOrValue() {
        assertThrows(IllegalArgumentException.class, () -> Forms.of("grant_type"));
        assertThrows(IllegalArgumentException.class, () -> Forms.of("code", null));
        assertThrows(IllegalArgumentException.class, () -> Forms.of(null, "x"));
    }
}
