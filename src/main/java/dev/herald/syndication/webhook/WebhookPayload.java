package dev.herald.syndication.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.herald.internal.Json;
import dev.herald.meta.internal.ArticleCodec;
import dev.herald.syndication.Post;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The webhook body: {@code {type, timestamp, data}} as Standard Webhooks recommends, with every key
 * always present ({@code null} or {@code []} when unknown) so receivers can rely on the shape. The
 * shape is documented on {@link WebhookSyndicator}; change both together, and only by adding keys.
 */
final class WebhookPayload {
    /** The event type of every message Herald sends today. */
    static final String TYPE = "article.published";

    static final ObjectMapper JSON = Json.MAPPER;

    private WebhookPayload() {}

    static ObjectNode of(Post post, String text, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", TYPE);
        // The same second as webhook-timestamp, in ISO-8601 for humans.
        root.put("timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString());
        // The article in the one shape Herald shows metadata everywhere (herald meta, this payload).
        ObjectNode data = ArticleCodec.display(post.article());
        data.put("text", text);
        data.put("account", post.account());
        data.put("revision", post.revision());
        root.set("data", data);
        return root;
    }
}
