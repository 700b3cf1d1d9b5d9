/**
 * Telegram channels and groups through the Bot API: {@link dev.herald.syndication.telegram.TelegramSyndicator}
 * sends each article with {@code sendMessage} in HTML parse mode to the chat of a
 * {@link dev.herald.syndication.telegram.TelegramAccount}.
 */
package dev.herald.syndication.telegram;
