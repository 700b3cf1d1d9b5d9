/**
 * A metadata lint: what in a page's link-preview metadata will make its card or its posts look
 * worse on a social network, each problem in one line with the networks it hurts. Pure: it fetches
 * nothing; the caller passes what it measured (the page's status, the image's size). The console's
 * Compose page and {@code herald preview} both show it.
 */
package dev.herald.meta.lint;
