/**
 * Share buttons: plain links to each network's intent URL, with inline icons and localised
 * labels, that need no JavaScript and make no third-party request until the reader clicks.
 */
package dev.herald.buttons;
