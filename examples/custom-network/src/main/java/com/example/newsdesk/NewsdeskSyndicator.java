package com.example.newsdesk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.Composer;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import java.io.IOException;
import java.net.URI;

/** Posts teasers to one Newsdesk desk: {@code POST <api>/teasers} with a bearer key and an {@code Idempotency-Key}. */
final class NewsdeskSyndicator implements Syndicator {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The wire record: what the CMS's {@code /teasers} endpoint takes. */
    record Teaser(String text, String url, String desk) {}

    private final String account;
    private final URI teasers;
    private final Secret key;
    private final String desk;
    private final MessageTemplate template;
    private final TextRules rules;
    private final NetworkContext context;

    NewsdeskSyndicator(String account, URI api, Secret key, String desk, MessageTemplate template, TextRules rules, NetworkContext context) {
        this.account = account;
        this.teasers = URI.create(api.toString().replaceAll("/*$", "") + "/teasers");
        this.key = key;
        this.desk = desk;
        this.template = template;
        this.rules = rules;
        this.context = context;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String network() {
        return NewsdeskNetwork.NAME;
    }

    @Override
    public Outcome send(Post post) {
        ComposedText text = Composer.compose(post, template, rules);
        if (!text.fits()) return new Outcome.Permanent("the link alone is longer than " + text.limit() + " characters");
        // Herald's own request value: a plug-in needs no HTTP client library of its own.
        HttpCall request = HttpCall.post(teasers)
                .header("Authorization", "Bearer " + key.value())
                .header("Idempotency-Key", post.idempotencyKey())
                .json(body(post, text));
        HttpReply reply;
        try {
            reply = context.http().execute(request, key);
        } catch (IOException e) {
            return Failures.unreachable(e, key);
        }
        // The answer is read with this network's own JSON library: Herald's is internal to its jar.
        JsonNode answer = parse(reply);
        if (reply.ok()) return new Outcome.Posted(answer.path("id").asText(post.idempotencyKey()), null);
        if (reply.status() == 409) return new Outcome.Duplicate(answer.path("id").asText(null), null);
        // 401/403, 429 (Retry-After), 5xx and other 4xx: Herald's own classification, the CMS's "message" as the reason.
        return Failures.classify(reply, key.maskIn(answer.path("message").asText(null)), null, context.clock());
    }

    /** The reply's JSON, or a missing node when it has none (an HTML error page from a proxy, say). */
    private static JsonNode parse(HttpReply reply) {
        try {
            JsonNode node = reply.body().length == 0 ? null : JSON.readTree(reply.body());
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    @Override
    public Preview preview(Post post) {
        ComposedText text = Composer.compose(post, template, rules);
        return new Preview(account, network(), text, new String(body(post, text), java.nio.charset.StandardCharsets.UTF_8));
    }

    private byte[] body(Post post, ComposedText text) {
        try {
            return JSON.writeValueAsBytes(new Teaser(text.text(), post.article().url().toString(), desk));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a teaser", e);
        }
    }
}
