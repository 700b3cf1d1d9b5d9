package dev.herald.example.boot;

import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Syndicator;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * In-process accounts for tests: one whose network accepts every post, one whose credentials it
 * refuses. A site would configure real accounts in herald.yaml; Herald adds Syndicator beans too.
 */
final class TestSyndicators {
    private TestSyndicators() {}

    /** An account on network {@code test} that posts everything, remembering what it was sent. */
    static final class Accepting implements Syndicator {
        final List<Post> sent = new CopyOnWriteArrayList<>();

        @Override
        public String account() {
            return "newsroom";
        }

        @Override
        public String network() {
            return "test";
        }

        @Override
        public Outcome send(Post post) {
            sent.add(post);
            return new Outcome.Posted("post-" + sent.size(), URI.create("https://social.example/posts/" + sent.size()));
        }
    }

    /** An account on network {@code test} whose token the network refuses, as Mastodon answers 401. */
    static final class Refused implements Syndicator {
        @Override
        public String account() {
            return "expired-token";
        }

        @Override
        public String network() {
            return "test";
        }

        @Override
        public Outcome send(Post post) {
            return new Outcome.AuthFailed("401 The access token was revoked");
        }
    }
}
