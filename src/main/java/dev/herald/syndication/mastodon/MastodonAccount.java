package dev.herald.syndication.mastodon;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One Mastodon account Herald posts to: the instance, an access token with the
 * {@code write:statuses} scope, and how its posts are worded and shown.
 *
 * <p>The record's {@link #toString()} shows the token's reference ({@code ${env:MASTODON_TOKEN}}),
 * never its value, because {@link Secret} does.
 *
 * @param name the account's name in the configuration, unique within it
 * @param server the instance's base URL, such as {@code https://mastodon.social}; an absolute http(s)
 *     URL without query, fragment or user info (a trailing slash is added if missing)
 * @param token the access token, sent as {@code Authorization: Bearer}
 * @param template how posts are worded; {@code null} means {@link MessageTemplate#defaults()}
 * @param visibility who sees the posts; {@code null} means {@link Visibility#PUBLIC}
 * @param language the ISO 639 code sent with every post (such as {@code en}), or {@code null} to send
 *     the language of each article's locale
 */
public record MastodonAccount(String name, URI server, Secret token, MessageTemplate template, Visibility visibility, String language) {
    // Mastodon accepts ISO 639-1 codes and a few ISO 639-3 ones ("ast", "ckb", "kab"); anything
    // else it silently drops, so an obviously malformed value is a configuration mistake.
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    /** Who can see a status; the names are Mastodon's {@code visibility} values. */
    public enum Visibility {
        /** Everyone, on public timelines too. */
        PUBLIC,
        /** Everyone with the link and followers, but not on public timelines. */
        UNLISTED,
        /** Followers only. */
        PRIVATE,
        /** Mentioned accounts only. */
        DIRECT;

        /** The value Mastodon's API takes: {@code public}, {@code unlisted}, {@code private}, {@code direct}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /**
         * Parses a configuration value, ignoring case.
         *
         * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
         */
        public static Visibility of(String value) {
            Validate.notBlank(value, "visibility");
            for (Visibility v : values()) {
                if (v.wireName().equals(value.strip().toLowerCase(Locale.ROOT))) return v;
            }
            throw new IllegalArgumentException("visibility must be one of public, unlisted, private, direct, not "
                    + Validate.abbreviate(value));
        }
    }

    /** Validates every part and fills the defaults; messages name the setting that is wrong. */
    public MastodonAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        server = normalizeServer(server, name);
        Validate.notNull(token, "token of Mastodon account " + name);
        template = template == null ? MessageTemplate.defaults() : template;
        visibility = visibility == null ? Visibility.PUBLIC : visibility;
        if (language != null) {
            String lang = language.strip().toLowerCase(Locale.ROOT);
            Validate.isTrue(LANGUAGE.matcher(lang).matches(), "language of Mastodon account " + name,
                    "must be an ISO 639 code such as en or de, not " + Validate.abbreviate(language));
            language = lang;
        }
    }

    /** An account with the default template, public visibility and each article's own language. */
    public static MastodonAccount of(String name, URI server, Secret token) {
        return new MastodonAccount(name, server, token, null, null, null);
    }

    /** This account with another template. */
    public MastodonAccount withTemplate(MessageTemplate newTemplate) {
        return new MastodonAccount(name, server, token, newTemplate, visibility, language);
    }

    /** This account with another visibility. */
    public MastodonAccount withVisibility(Visibility newVisibility) {
        return new MastodonAccount(name, server, token, template, newVisibility, language);
    }

    /** This account with a fixed language, or {@code null} to use each article's. */
    public MastodonAccount withLanguage(String newLanguage) {
        return new MastodonAccount(name, server, token, template, visibility, newLanguage);
    }

    private static URI normalizeServer(URI server, String name) {
        String what = "server of Mastodon account " + name;
        Validate.httpUrl(server, what);
        Validate.isTrue(server.getRawQuery() == null && server.getRawFragment() == null, what,
                "must be the instance's base URL without query or fragment: " + Validate.abbreviate(server.toString()));
        // User info would be sent nowhere useful and would show up in logs.
        Validate.isTrue(server.getRawUserInfo() == null, what, "must not contain user info; the token goes in token");
        String s = server.toString();
        return s.endsWith("/") ? server : URI.create(s + "/");
    }
}
