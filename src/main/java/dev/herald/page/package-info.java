/**
 * The page half: {@link dev.herald.page.ShareFilter}, which turns the HTML pages any Java web app
 * serves into rich link previews with share buttons, configured by
 * {@link dev.herald.page.HeraldConfig}; {@link dev.herald.page.HeraldRequests}, through which
 * application code and the taglib describe the page being served; and the
 * {@link dev.herald.page.PageTransformer} the filter shares with the CLI.
 */
package dev.herald.page;
