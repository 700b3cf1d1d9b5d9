/**
 * The syndication half: turns an {@link dev.herald.meta.ArticleMeta} into posts on a site's social
 * accounts, one {@link dev.herald.syndication.Syndicator} per account, with every outcome classified.
 * One sub-package per network, each of the same shape (account record, syndicator, wire records,
 * text rules) with a {@link dev.herald.syndication.NetworkProvider} that the
 * {@link dev.herald.syndication.NetworkRegistry} finds; the rest of Herald asks the registry and
 * never names a network.
 */
package dev.herald.syndication;
