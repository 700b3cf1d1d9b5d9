/**
 * The syndication half: turns an {@link dev.herald.meta.ArticleMeta} into posts on a site's social
 * accounts, one {@link dev.herald.syndication.Syndicator} per account, with every outcome classified.
 * One sub-package per network.
 */
package dev.herald.syndication;
