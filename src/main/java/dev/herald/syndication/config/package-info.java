/**
 * The {@code herald.yaml} file: the accounts a site syndicates to, read once, checked at load time
 * with errors that name the line, and turned into one {@link dev.herald.syndication.Syndicator} per
 * enabled account.
 */
package dev.herald.syndication.config;
