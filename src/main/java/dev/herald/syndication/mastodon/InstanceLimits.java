package dev.herald.syndication.mastodon;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an instance allows in a status, from {@code GET /api/v2/instance}
 * ({@code configuration.statuses}).
 *
 * @param maxCharacters the length limit (500 on most instances)
 * @param charactersReservedPerUrl what every URL counts, whatever its length (23)
 */
record InstanceLimits(int maxCharacters, int charactersReservedPerUrl) {
    /** Mastodon's defaults, used until the instance has answered. */
    static final InstanceLimits DEFAULTS = new InstanceLimits(500, 23);

    /** Reads the limits from an instance document (v2, or v1's top-level fallback), else the defaults. */
    static InstanceLimits from(JsonNode instance) {
        JsonNode statuses = instance.path("configuration").path("statuses");
        int max = statuses.path("max_characters").asInt(instance.path("max_toot_chars").asInt(DEFAULTS.maxCharacters));
        int perUrl = statuses.path("characters_reserved_per_url").asInt(DEFAULTS.charactersReservedPerUrl);
        return new InstanceLimits(max > 0 ? max : DEFAULTS.maxCharacters, perUrl >= 0 ? perUrl : DEFAULTS.charactersReservedPerUrl);
    }
}
