package dev.herald.buttons;

import dev.herald.internal.Validate;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The share bar's texts in one language, read from the {@code dev/herald/buttons/labels} resource
 * bundle (UTF-8 properties). English, German, French and Spanish ship with Herald; any other language
 * falls back to English — never to the server's default locale, which says nothing about the reader.
 *
 * <p>A site adds or overrides a language by putting its own {@code dev/herald/buttons/labels_xx.properties}
 * on the class path ahead of Herald's jar.
 */
public final class ButtonLabels {
    static final String BUNDLE = "dev.herald.buttons.labels";

    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(List.of("java.properties"));

    private static final int MAX_CACHED = 64;
    private static final ConcurrentMap<Locale, ButtonLabels> CACHE = new ConcurrentHashMap<>();

    private final ResourceBundle bundle;
    private final Locale locale;

    private ButtonLabels(ResourceBundle bundle) {
        this.bundle = bundle;
        // The root bundle is English; report it as such so the bar's lang attribute is right.
        this.locale = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH : bundle.getLocale();
    }

    /** The labels for {@code locale}, or English when {@code locale} is {@code null} or has no translation. */
    public static ButtonLabels forLocale(Locale locale) {
        Locale requested = locale == null ? Locale.ENGLISH : locale;
        ButtonLabels cached = CACHE.get(requested);
        if (cached != null) return cached;
        ButtonLabels labels = new ButtonLabels(ResourceBundle.getBundle(BUNDLE, requested, ButtonLabels.class.getClassLoader(), NO_DEFAULT_LOCALE));
        // Locales come from pages, so the cache is bounded; past the bound lookups just are not cached.
        if (CACHE.size() < MAX_CACHED) CACHE.putIfAbsent(requested, labels);
        return labels;
    }

    /** The language the labels are actually in (English for the fallback). */
    public Locale locale() {
        return locale;
    }

    /** The bar's accessible name when it has no heading: "Share". */
    public String navigation() {
        return bundle.getString("nav");
    }

    /** A heading for the bar: "Share this article". */
    public String heading() {
        return bundle.getString("heading");
    }

    /** The note, for screen-reader users, that share links open in a new tab. */
    public String newTabNote() {
        return bundle.getString("newTab");
    }

    /** What the bar announces after copying the link: "Link copied". */
    public String copied() {
        return bundle.getString("copied");
    }

    /** What the bar announces when the browser refuses to copy. */
    public String copyFailed() {
        return bundle.getString("copyFailed");
    }

    /** The button's visible text, such as "Facebook" or "Copy link". */
    public String name(Network network) {
        Validate.notNull(network, "network");
        return bundle.getString("name." + network.id());
    }

    /** The button's accessible name, such as "Share on Facebook"; it contains {@link #name}. */
    public String action(Network network) {
        Validate.notNull(network, "network");
        return bundle.getString("action." + network.id());
    }

    /**
     * A text of the share endpoint's Mastodon page, which asks the reader for their server:
     * {@code server} (the field's label), {@code remember}, {@code continue}, {@code note},
     * {@code invalid} (the error for a value that is not a server name).
     */
    public String chooser(String part) {
        Validate.notBlank(part, "part");
        return bundle.getString("chooser." + part);
    }

    /** A share count in words, such as "1,234 shares". */
    public String shareCount(long count) {
        Validate.isTrue(count >= 0, "count", "must not be negative");
        String number = NumberFormat.getIntegerInstance(locale).format(count);
        return new MessageFormat(bundle.getString("count"), locale).format(new Object[] {count, number});
    }

    /** A share count for display in little space, such as "1.2K". */
    public String compactCount(long count) {
        Validate.isTrue(count >= 0, "count", "must not be negative");
        NumberFormat f = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        f.setMaximumFractionDigits(1);
        return f.format(count);
    }
}
