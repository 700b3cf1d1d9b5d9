/**
 * The page half: {@code ShareFilter}, which turns article pages served by any Java web app into
 * rich link previews with share buttons, and the transformer it shares with the CLI.
 */
package dev.herald.page;
