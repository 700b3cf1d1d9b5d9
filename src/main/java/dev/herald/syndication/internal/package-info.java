/**
 * Syndication's own plumbing, shared by the network packages: JSON request bodies and replies,
 * query and form helpers, retry signals, lost-answer detection, the incoming-webhook poster, the
 * guarded syndicator, and text and image helpers more than one network needs.
 *
 * <p>Not part of the public API. Anything here may change or disappear in any release; a network
 * plug-in should use only {@code dev.herald.syndication} (with {@link dev.herald.syndication.HttpCall}
 * and {@link dev.herald.syndication.HttpReply}) and its own libraries.
 */
package dev.herald.syndication.internal;
