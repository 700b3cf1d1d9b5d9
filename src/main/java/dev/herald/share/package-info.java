/**
 * Herald's first-party share endpoint: buttons link here, the site counts the share, and the reader
 * is redirected to the network. It asks fediverse readers for their own server (no JavaScript
 * needed), never redirects anywhere for a page the site does not own, and never contacts a
 * reader's server itself.
 */
package dev.herald.share;
