package dev.herald.delivery;

import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory stand-in for a network, for the scheduling tests: it remembers every call, answers
 * with scripted outcomes first, and otherwise behaves like a network with idempotency keys — the
 * first post with a key is created, a repeat is reported as a duplicate of it.
 */
final class RecordingSyndicator implements Syndicator {
    private final String account;
    private final String network;
    private final Deque<Outcome> script = new ArrayDeque<>();
    private final List<Post> calls = new ArrayList<>();
    private final Map<String, String> created = new LinkedHashMap<>();

    RecordingSyndicator(String account, String network) {
        this.account = account;
        this.network = network;
    }

    /** Answers the next calls with these outcomes, in order, without creating anything. */
    synchronized RecordingSyndicator thenAnswer(Outcome... outcomes) {
        script.addAll(List.of(outcomes));
        return this;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String network() {
        return network;
    }

    /** A stand-in for a network with idempotency keys: a resend after a crash is safe. */
    @Override
    public dev.herald.syndication.DeliveryGuarantee guarantee() {
        return dev.herald.syndication.DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    @Override
    public synchronized Outcome send(Post post) {
        calls.add(post);
        Outcome scripted = script.poll();
        if (scripted != null) return scripted;
        String existing = created.get(post.idempotencyKey());
        if (existing != null) return new Outcome.Duplicate(existing, null);
        String id = String.valueOf(created.size() + 1);
        created.put(post.idempotencyKey(), id);
        return new Outcome.Posted(id, URI.create("https://social.example/@" + account + "/" + id));
    }

    /** Every call, in order. */
    synchronized List<Post> calls() {
        return List.copyOf(calls);
    }

    /** The idempotency keys of the posts that exist on the "network". */
    synchronized List<String> createdKeys() {
        return List.copyOf(created.keySet());
    }
}
