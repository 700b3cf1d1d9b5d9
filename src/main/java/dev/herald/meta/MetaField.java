package dev.herald.meta;

/** The fields of {@link ArticleMeta}, used to report where each resolved value came from. */
public enum MetaField {
    TITLE, DESCRIPTION, URL, IMAGE, SITE_NAME, LOCALE, TYPE, AUTHORS,
    PUBLISHED_TIME, MODIFIED_TIME, SECTION, TAGS, TWITTER_SITE, TWITTER_CREATOR;

    /** The field's name as the CLI's JSON output spells it ({@code publishedTime}). */
    public String jsonName() {
        String[] parts = name().toLowerCase(java.util.Locale.ROOT).split("_");
        StringBuilder sb = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            sb.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return sb.toString();
    }
}
