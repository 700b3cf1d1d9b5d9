package dev.herald.bench;

import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;

/** Answers every post at once without a network: isolates the outbox's own cost in the benchmark. */
final class InstantSyndicator implements Syndicator {
    private final String account;

    InstantSyndicator(String account) {
        this.account = account;
    }

    @Override
    public String account() {
        return account;
    }

    @Override
    public String network() {
        return "webhook";
    }

    @Override
    public Outcome send(Post post) {
        return new Outcome.Posted(post.idempotencyKey(), null);
    }
}
