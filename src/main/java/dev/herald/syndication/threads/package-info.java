/**
 * Threads: {@link dev.herald.syndication.threads.ThreadsSyndicator} posts text with a link
 * attachment in two steps, a container then its publication, waiting for the container to be ready.
 */
package dev.herald.syndication.threads;
