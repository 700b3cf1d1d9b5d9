/**
 * The JSP taglib ({@code <%@ taglib prefix="herald" uri="https://herald.dev/tags" %>}) for pages
 * that want control: {@code <herald:meta>} declares a page's metadata, {@code <herald:buttons>}
 * places the share bar, {@code <herald:shareUrl>} gives one network's share URL for custom markup.
 * With or without {@code ShareFilter}, a page never gets a tag or a bar twice.
 */
package dev.herald.taglib;
