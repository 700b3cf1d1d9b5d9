package dev.herald.buttons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ButtonLabelsTest {
    @Test
    void speaksNativeGermanFrenchAndSpanish() {
        assertEquals("Auf Facebook teilen", ButtonLabels.forLocale(Locale.GERMAN).action(Network.FACEBOOK));
        assertEquals("Partager sur Facebook", ButtonLabels.forLocale(Locale.FRENCH).action(Network.FACEBOOK));
        assertEquals("Compartir en Facebook", ButtonLabels.forLocale(new Locale("es")).action(Network.FACEBOOK));
        assertEquals("Share on Facebook", ButtonLabels.forLocale(Locale.ENGLISH).action(Network.FACEBOOK));
    }

    @Test
    void speaksTheLanguagesNewsSitesPublishIn() {
        assertEquals("Condividi", ButtonLabels.forLocale(Locale.ITALIAN).navigation());
        assertEquals("Partilhar", ButtonLabels.forLocale(Locale.forLanguageTag("pt-BR")).navigation());
        assertEquals("مشاركة", ButtonLabels.forLocale(Locale.forLanguageTag("ar-EG")).navigation());
        assertEquals("リンクをコピー", ButtonLabels.forLocale(Locale.JAPANESE).name(Network.COPY));
        assertEquals("复制链接", ButtonLabels.forLocale(Locale.forLanguageTag("zh-Hans-CN")).name(Network.COPY));
        assertEquals("Поделиться", ButtonLabels.forLocale(Locale.forLanguageTag("ru")).navigation());
        assertEquals("Поділитися", ButtonLabels.forLocale(Locale.forLanguageTag("uk")).navigation());
        assertEquals(Locale.forLanguageTag("pl"), ButtonLabels.forLocale(Locale.forLanguageTag("pl-PL")).locale());
        assertEquals("Udostępnienia: 1 234", ButtonLabels.forLocale(Locale.forLanguageTag("pl")).shareCount(1234).replace('\u00a0', ' '));
    }

    @Test
    void readsTheBundlesAsUtf8() {
        assertEquals("Compartir este artículo", ButtonLabels.forLocale(new Locale("es")).heading());
        assertEquals("Lien copié", ButtonLabels.forLocale(Locale.FRENCH).copied());
    }

    @Test
    void usesTheLanguageForARegionalLocale() {
        ButtonLabels l = ButtonLabels.forLocale(Locale.forLanguageTag("de-AT"));
        assertEquals("Per E-Mail teilen", l.action(Network.EMAIL));
        assertEquals(Locale.GERMAN, l.locale());
    }

    @Test
    void fallsBackToEnglishNotToTheServersDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMAN);
            ButtonLabels l = ButtonLabels.forLocale(Locale.KOREAN);
            assertEquals("Share on X", l.action(Network.X));
            assertEquals(Locale.ENGLISH, l.locale());
            assertEquals("Share", ButtonLabels.forLocale(null).navigation());
        } finally {
            Locale.setDefault(before);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr", "ar", "ja", "zh", "uk", "ru"})
    void everyAccessibleNameContainsTheVisibleName(String tag) {
        ButtonLabels l = ButtonLabels.forLocale(Locale.forLanguageTag(tag));
        for (Network n : Network.values()) {
            String name = l.name(n).toLowerCase(Locale.ROOT);
            assertTrue(l.action(n).toLowerCase(Locale.ROOT).contains(name), tag + ": '" + l.action(n) + "' lacks '" + l.name(n) + "'");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "it", "pt", "nl", "pl", "sv", "tr", "ar", "ja", "zh", "uk", "ru"})
    void everyTranslationHasOnlyKeysTheEnglishBundleHasAndEveryKeyThatNeedsTranslating(String tag) throws IOException {
        Properties en = load("labels.properties");
        Properties tr = load("labels_" + tag + ".properties");
        assertTrue(en.keySet().containsAll(tr.keySet()), tag + " has unknown keys");
        for (String key : Set.of("nav", "heading", "newTab", "copied", "copyFailed", "count", "name.email", "name.copy", "name.share")) {
            assertNotNull(tr.getProperty(key), tag + " lacks " + key);
        }
        for (Network n : Network.values()) assertNotNull(tr.getProperty("action." + n.id()), tag + " lacks action." + n.id());
    }

    @Test
    void formatsShareCountsWithPluralsAndGrouping() {
        assertEquals("1 share", ButtonLabels.forLocale(Locale.ENGLISH).shareCount(1));
        assertEquals("1,234 shares", ButtonLabels.forLocale(Locale.ENGLISH).shareCount(1234));
        assertEquals("0 partage", ButtonLabels.forLocale(Locale.FRENCH).shareCount(0));
        assertEquals("2 partages", ButtonLabels.forLocale(Locale.FRENCH).shareCount(2));
        assertEquals("compartido 1 vez", ButtonLabels.forLocale(new Locale("es")).shareCount(1));
        assertEquals("1.234-mal geteilt", ButtonLabels.forLocale(Locale.GERMAN).shareCount(1234));
        assertEquals("1.2K", ButtonLabels.forLocale(Locale.ENGLISH).compactCount(1234));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ButtonLabels.class.getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
