/**
 * Herald's own plumbing: validation, escaping, charset handling.
 *
 * <p>Not part of the public API. Anything here may change or disappear in any release; do not
 * depend on it from application code.
 */
package dev.herald.internal;
