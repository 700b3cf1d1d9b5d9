package dev.herald.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** og:locale in Open Graph's ll_CC form, and a configured site name over an inferred one. */
class SiteLocaleAndNameTest {
    private static final URI URL = URI.create("https://news.example/2025/storm");

    @Test
    void aBareLanguageTakesItsUsualTerritory() {
        assertEquals("en_US", HeadTags.ogLocale(Locale.forLanguageTag("en")));
        assertEquals("pt_BR", HeadTags.ogLocale(Locale.forLanguageTag("pt")));
        assertEquals("ja_JP", HeadTags.ogLocale(Locale.forLanguageTag("ja")));
        assertEquals("ar_AR", HeadTags.ogLocale(Locale.forLanguageTag("ar")), "Facebook's spelling of Arabic");
        assertEquals("he_IL", HeadTags.ogLocale(Locale.forLanguageTag("he")));
        assertEquals("nb_NO", HeadTags.ogLocale(Locale.forLanguageTag("no")));
    }

    @Test
    void aLanguageWithATerritoryKeepsIt() {
        assertEquals("en_GB", HeadTags.ogLocale(Locale.forLanguageTag("en-GB")));
        assertEquals("fr_CA", HeadTags.ogLocale(Locale.forLanguageTag("fr-CA"), Locale.forLanguageTag("fr-FR")));
    }

    @Test
    void aBareLanguageTakesTheSitesTerritoryWhenTheSiteSpeaksIt() {
        assertEquals("en_GB", HeadTags.ogLocale(Locale.forLanguageTag("en"), Locale.forLanguageTag("en-GB")));
        assertEquals("de_DE", HeadTags.ogLocale(Locale.forLanguageTag("de"), Locale.forLanguageTag("en-GB")), "another language's territory does not carry over");
    }

    @Test
    void aLanguageWithNoKnownTerritoryIsLeftOutRatherThanWrittenBare() {
        assertNull(HeadTags.ogLocale(Locale.forLanguageTag("tlh")));
        assertNull(HeadTags.ogLocale(null));
    }

    @Test
    void thePagesLangAttributeBecomesAFullOgLocale() {
        String html = "<!doctype html><html lang=\"en\"><head><title>Storm shuts the harbour</title></head><body><article>"
                + "<h1>Storm shuts the harbour</h1><p>The harbour stayed closed on Tuesday as the storm reached the coast, officials said.</p>"
                + "</article></body></html>";
        SiteDefaults site = new SiteDefaults("The Daily Ledger", null, null, Locale.forLanguageTag("en-GB"), null);
        ArticleMeta meta = PageMeta.read(html, URL).resolve(site).meta();
        String tags = HeadTags.render(meta, site);
        assertTrue(tags.contains("<meta property=\"og:locale\" content=\"en_GB\">"), tags);
    }

    @Test
    void aConfiguredSiteNameBeatsTheNameInferredFromTheTitle() {
        String html = "<!doctype html><html><head><title>Storm shuts the harbour | Coastal Courier Online</title>"
                + "<meta name=\"application-name\" content=\"Courier App\"></head><body><article>"
                + "<h1>Storm shuts the harbour</h1><p>The harbour stayed closed on Tuesday as the storm reached the coast, officials said.</p>"
                + "</article></body></html>";
        ResolvedMeta withConfig = PageMeta.read(html, URL).resolve(new SiteDefaults("The Coastal Courier", null, null, null, null));
        assertEquals("The Coastal Courier", withConfig.meta().siteName());
        assertEquals(MetaSource.SITE_DEFAULT, withConfig.sourceOf(MetaField.SITE_NAME));

        ResolvedMeta withoutConfig = PageMeta.read(html, URL).resolve(SiteDefaults.NONE);
        assertEquals("Courier App", withoutConfig.meta().siteName(), "with nothing configured, inference still names the site");
    }

    @Test
    void thePagesOwnSiteNameTagStillBeatsTheConfiguredOne() {
        String html = "<!doctype html><html><head><title>Storm</title><meta property=\"og:site_name\" content=\"Courier Weekend\">"
                + "</head><body><h1>Storm</h1></body></html>";
        ResolvedMeta resolved = PageMeta.read(html, URL).resolve(new SiteDefaults("The Coastal Courier", null, null, null, null));
        assertEquals("Courier Weekend", resolved.meta().siteName());
    }
}
