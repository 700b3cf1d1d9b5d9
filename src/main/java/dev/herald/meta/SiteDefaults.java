package dev.herald.meta;

import dev.herald.internal.Validate;
import java.util.Locale;

/**
 * Site-wide values from configuration: the lowest-precedence source, used where a page says
 * nothing.
 *
 * @param siteName the publication's name, also stripped as a suffix from {@code <title>}
 * @param defaultImage the image used when an article has none, or {@code null}
 * @param twitterSite the publication's X handle, or {@code null}
 * @param locale the site's language, or {@code null}
 * @param publisherLogo the publisher's logo for JSON-LD {@code publisher.logo}, or {@code null}
 */
public record SiteDefaults(String siteName, ImageMeta defaultImage, String twitterSite, Locale locale, ImageMeta publisherLogo) {
    /** No defaults at all. */
    public static final SiteDefaults NONE = new SiteDefaults(null, null, null, null, null);

    /** Normalises blanks to null. */
    public SiteDefaults {
        siteName = ArticleMeta.blankToNull(siteName);
    }

    /** These defaults as the lowest-precedence candidate for {@link ResolvedMeta#resolve}. */
    public ArticleMeta asMeta() {
        return ArticleMeta.builder()
                .siteName(siteName)
                .image(defaultImage)
                .twitterSite(twitterSite)
                .locale(locale)
                .build();
    }

    /** A copy with the given site name. */
    public SiteDefaults withSiteName(String name) {
        Validate.notNull(name, "name");
        return new SiteDefaults(name, defaultImage, twitterSite, locale, publisherLogo);
    }
}
