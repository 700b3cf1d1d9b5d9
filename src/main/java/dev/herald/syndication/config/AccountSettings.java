package dev.herald.syndication.config;

import dev.herald.syndication.MessageTemplate;
import java.util.Map;

/**
 * One account as {@code herald.yaml} lists it, checked but with its credentials still unresolved
 * references, so it can be read on a machine that holds no secrets (to schedule shares, say).
 *
 * @param name the account's unique name
 * @param network the network's identifier ({@code mastodon}, {@code bluesky}, {@code webhook})
 * @param enabled whether the account takes posts
 * @param template how its posts are worded
 * @param slots its queue slots ({@code "Mon-Fri 09:00,13:00 Europe/Berlin"}), or {@code null}
 * @param settings the network's own keys (server, token, handle...), by key
 * @param line the 1-based line the account starts on
 */
public record AccountSettings(String name, String network, boolean enabled, MessageTemplate template, String slots,
        Map<String, Setting> settings, int line) {
    /** Copies the settings. */
    public AccountSettings {
        settings = Map.copyOf(settings);
    }

    /** The setting {@code key}, or {@code null} when absent. */
    public Setting setting(String key) {
        return settings.get(key);
    }

    /** The scalar value of {@code key}, or {@code fallback} when absent. */
    public String value(String key, String fallback) {
        Setting s = settings.get(key);
        return s == null ? fallback : s.value();
    }
}
