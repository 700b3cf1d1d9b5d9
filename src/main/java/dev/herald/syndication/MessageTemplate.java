package dev.herald.syndication;

import dev.herald.internal.Validate;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an account words its posts: a pattern with placeholders, the hashtags and mentions it adds.
 *
 * <p>Placeholders: {@code {headline}}, {@code {summary}}, {@code {url}}, {@code {hashtags}},
 * {@code {mentions}}, {@code {site}}, {@code {section}}. An empty value leaves no stray blank lines.
 *
 * @param pattern the message with placeholders
 * @param hashtags hashtags every post of the account carries (with or without {@code #})
 * @param mentions handles to mention, written as the network writes them ({@code @news@example.social})
 * @param articleTags whether the article's own tags become hashtags too
 * @param maxHashtags at most this many hashtags in a post
 */
public record MessageTemplate(String pattern, List<String> hashtags, List<String> mentions, boolean articleTags, int maxHashtags) {
    /** The default wording: headline, summary, link, hashtags, each its own paragraph. */
    public static final String DEFAULT_PATTERN = "{headline}\n\n{summary}\n\n{url}\n\n{hashtags}";
    /** The placeholders a pattern may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("headline", "summary", "url", "hashtags", "mentions", "site", "section");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** Checks the placeholders and copies the lists. */
    public MessageTemplate {
        Validate.notBlank(pattern, "pattern");
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw new IllegalArgumentException("unknown placeholder {" + m.group(1) + "} in template; known: " + String.join(", ", PLACEHOLDERS.stream().sorted().toList()));
            }
        }
        hashtags = List.copyOf(hashtags == null ? List.of() : hashtags);
        mentions = List.copyOf(mentions == null ? List.of() : mentions);
        Validate.isTrue(maxHashtags >= 0, "maxHashtags", "must not be negative");
    }

    /** The default template: {@link #DEFAULT_PATTERN}, the article's tags as up to 4 hashtags. */
    public static MessageTemplate defaults() {
        return new MessageTemplate(DEFAULT_PATTERN, List.of(), List.of(), true, 4);
    }

    /** This template with another pattern. */
    public MessageTemplate withPattern(String newPattern) {
        return new MessageTemplate(newPattern, hashtags, mentions, articleTags, maxHashtags);
    }

    /** Whether the pattern uses {@code {name}}. */
    public boolean uses(String name) {
        return pattern.contains("{" + name + "}");
    }
}
