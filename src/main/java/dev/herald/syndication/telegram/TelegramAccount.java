package dev.herald.syndication.telegram;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * One Telegram chat (a channel or a group) a bot posts articles to.
 *
 * @param name the account's name in the configuration, unique within it
 * @param server the Bot API's base URL, {@code https://api.telegram.org/} unless a local Bot API
 *     server (or a fake) stands in; a trailing slash is added if missing
 * @param token the bot's token from BotFather; it is part of every request's path, so it is masked
 *     in every logged line
 * @param chat {@code @channelname} of a public channel, or the numeric id of a chat ({@code -100…}
 *     for channels and supergroups)
 * @param topic the forum topic ({@code message_thread_id}) to post in, or {@code null}
 * @param template how posts are worded; {@code null} means {@link MessageTemplate#defaults()}
 */
public record TelegramAccount(String name, URI server, Secret token, String chat, Long topic, MessageTemplate template) {
    /** Telegram's own Bot API. */
    public static final URI DEFAULT_SERVER = URI.create("https://api.telegram.org/");

    // Public usernames: 5-32 characters, letters, digits and underscores, starting with a letter.
    private static final Pattern USERNAME = Pattern.compile("@[A-Za-z][A-Za-z0-9_]{3,31}");
    private static final Pattern NUMERIC = Pattern.compile("-?[0-9]{1,19}");

    /** Validates every part and fills the defaults; messages name the setting that is wrong, never the token. */
    public TelegramAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        server = server == null ? DEFAULT_SERVER : server;
        Validate.httpUrl(server, "server of Telegram account " + name);
        Validate.isTrue(server.getRawQuery() == null && server.getRawFragment() == null && server.getRawUserInfo() == null,
                "server of Telegram account " + name, "must be a base URL without user info, query or fragment");
        if (!server.toString().endsWith("/")) server = URI.create(server + "/");
        Validate.notNull(token, "token of Telegram account " + name);
        Validate.isTrue(token.value().chars().noneMatch(c -> c <= ' ' || c == '/' || c == '?' || c == '#'), "token of Telegram account " + name,
                "must be a bot token such as 123456:ABC-DEF (no spaces or slashes)");
        Validate.notBlank(chat, "chat of Telegram account " + name);
        chat = chat.strip();
        Validate.isTrue(USERNAME.matcher(chat).matches() || NUMERIC.matcher(chat).matches(), "chat of Telegram account " + name,
                "must be @channelname or a numeric chat id, not " + Validate.abbreviate(chat));
        Validate.isTrue(topic == null || topic > 0, "topic of Telegram account " + name, "must be a positive message_thread_id");
        template = template == null ? MessageTemplate.defaults() : template;
    }

    /** An account on Telegram's own Bot API with the default template and no topic. */
    public static TelegramAccount of(String name, Secret token, String chat) {
        return new TelegramAccount(name, null, token, chat, null, null);
    }

    /** This account talking to another Bot API server (a fake, a local server). */
    public TelegramAccount withServer(URI newServer) {
        return new TelegramAccount(name, newServer, token, chat, topic, template);
    }

    /** This account with another template. */
    public TelegramAccount withTemplate(MessageTemplate newTemplate) {
        return new TelegramAccount(name, server, token, chat, topic, newTemplate);
    }

    /** This account posting into forum topic {@code newTopic} ({@code null}: the chat itself). */
    public TelegramAccount withTopic(Long newTopic) {
        return new TelegramAccount(name, server, token, chat, newTopic, template);
    }

    /** Whether {@link #chat()} is a numeric id rather than a {@code @username}. */
    public boolean numericChat() {
        return NUMERIC.matcher(chat).matches();
    }
}
