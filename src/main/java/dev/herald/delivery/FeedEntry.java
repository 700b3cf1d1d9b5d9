package dev.herald.delivery;

import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;

/**
 * One entry of an RSS or Atom feed.
 *
 * @param id the entry's stable id (RSS {@code guid}, Atom {@code id}, else its link)
 * @param article what the entry describes, as it would be shared
 */
public record FeedEntry(String id, ArticleMeta article) {
    /** Requires an id and an article with a URL. */
    public FeedEntry {
        Validate.notBlank(id, "id");
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
    }
}
