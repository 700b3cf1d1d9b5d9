/**
 * WebSub publishing: {@link dev.herald.syndication.websub.WebSubSyndicator} tells a hub of a
 * {@link dev.herald.syndication.websub.WebSubAccount} that the site's feeds and the article changed,
 * so subscribers hear of a new article at once instead of polling.
 */
package dev.herald.syndication.websub;
