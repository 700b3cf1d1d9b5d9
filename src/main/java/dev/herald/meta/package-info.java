/**
 * The one model both halves of Herald share ({@link dev.herald.meta.ArticleMeta}), how it is read
 * from a page, and how it is rendered into Open Graph, X Card, canonical link and JSON-LD tags.
 */
package dev.herald.meta;
