package dev.herald.meta;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads language tags as pages write them ({@code en-GB}, {@code en_GB}, {@code EN}). */
final class Locales {
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

    /**
     * The territory a bare language most often means, for Open Graph's {@code ll_CC} form: CLDR's
     * likely subtags for the languages news sites publish in, except Arabic, which Facebook's
     * locale list spells {@code ar_AR}.
     */
    private static final Map<String, String> USUAL_TERRITORY = Map.ofEntries(
            Map.entry("af", "ZA"), Map.entry("ar", "AR"), Map.entry("bg", "BG"), Map.entry("bn", "IN"), Map.entry("ca", "ES"),
            Map.entry("cs", "CZ"), Map.entry("cy", "GB"), Map.entry("da", "DK"), Map.entry("de", "DE"), Map.entry("el", "GR"),
            Map.entry("en", "US"), Map.entry("es", "ES"), Map.entry("et", "EE"), Map.entry("eu", "ES"), Map.entry("fa", "IR"),
            Map.entry("fi", "FI"), Map.entry("fr", "FR"), Map.entry("ga", "IE"), Map.entry("gl", "ES"), Map.entry("he", "IL"),
            Map.entry("hi", "IN"), Map.entry("hr", "HR"), Map.entry("hu", "HU"), Map.entry("id", "ID"), Map.entry("is", "IS"),
            Map.entry("it", "IT"), Map.entry("ja", "JP"), Map.entry("ko", "KR"), Map.entry("lt", "LT"), Map.entry("lv", "LV"),
            Map.entry("mk", "MK"), Map.entry("ms", "MY"), Map.entry("nb", "NO"), Map.entry("nl", "NL"), Map.entry("nn", "NO"),
            Map.entry("pl", "PL"), Map.entry("pt", "BR"), Map.entry("ro", "RO"), Map.entry("ru", "RU"), Map.entry("sk", "SK"),
            Map.entry("sl", "SI"), Map.entry("sq", "AL"), Map.entry("sr", "RS"), Map.entry("sv", "SE"), Map.entry("sw", "KE"),
            Map.entry("ta", "IN"), Map.entry("th", "TH"), Map.entry("tr", "TR"), Map.entry("uk", "UA"), Map.entry("ur", "PK"),
            Map.entry("vi", "VN"), Map.entry("zh", "CN"));

    private Locales() {}

    /**
     * {@code locale} with a territory: its own, else {@code site}'s when {@code site} is the same
     * language with one, else the language's usual territory; null when none is known.
     */
    static Locale withTerritory(Locale locale, Locale site) {
        if (locale == null || locale.getLanguage().isEmpty()) return null;
        if (!locale.getCountry().isEmpty()) return locale;
        String language = locale.getLanguage();
        // Java still maps a few ISO 639 codes to their old forms ("he" reads back as "iw" on Java 17).
        if (language.equals("iw")) language = "he";
        else if (language.equals("in")) language = "id";
        else if (language.equals("no")) language = "nb";
        if (site != null && !site.getCountry().isEmpty() && sameLanguage(site.getLanguage(), language)) return new Locale(language, site.getCountry());
        String territory = USUAL_TERRITORY.get(language);
        return territory == null ? null : new Locale(language, territory);
    }

    private static boolean sameLanguage(String a, String b) {
        return new Locale(a).getLanguage().equals(new Locale(b).getLanguage());
    }

    /** The locale for {@code tag}, or null when it is not a well-formed language tag. */
    static Locale parse(String tag) {
        if (tag == null) return null;
        String t = tag.strip().replace('_', '-');
        int comma = t.indexOf(',');
        if (comma > 0) t = t.substring(0, comma).strip();
        // The common shapes ("en", "en-GB") without Locale.Builder, which is slow.
        if ((t.length() == 2 || t.length() == 5 && t.charAt(2) == '-') && letters(t, 0, 2) && (t.length() == 2 || letters(t, 3, 5))) {
            String language = t.substring(0, 2).toLowerCase(Locale.ROOT);
            return t.length() == 2 ? new Locale(language) : new Locale(language, t.substring(3).toUpperCase(Locale.ROOT));
        }
        if (t.isEmpty() || t.length() > 35 || !TAG.matcher(t).matches()) return null;
        try {
            Locale l = new Locale.Builder().setLanguageTag(t).build();
            return l.getLanguage().isEmpty() ? null : l;
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    private static boolean letters(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
        }
        return true;
    }
}
