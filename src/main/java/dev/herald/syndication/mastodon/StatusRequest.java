package dev.herald.syndication.mastodon;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of {@code POST /api/v1/statuses}, in Mastodon's own words; the fields are written
 * in this order, and {@code language} is left out when unknown so the server detects it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StatusRequest(String status, String visibility, String language) {}
