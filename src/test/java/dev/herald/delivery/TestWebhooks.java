package dev.herald.delivery;

import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.webhook.WebhookAccount;
import dev.herald.syndication.webhook.WebhookSignature;
import dev.herald.syndication.webhook.WebhookSyndicator;
import java.net.URI;
import java.time.Clock;
import java.util.List;

/** Herald's real signed-webhook syndicator, as the delivery proofs and benchmarks send with it. */
public final class TestWebhooks {
    private TestWebhooks() {}

    /** A webhook syndicator for {@code account} posting to {@code url}, signing with a fresh secret (for receivers that do not verify). */
    public static Syndicator syndicator(String account, URI url) {
        return syndicator(account, url, WebhookSignature.generateSecret());
    }

    /** A webhook syndicator for {@code account} posting to {@code url}, signing with {@code secret}. */
    public static Syndicator syndicator(String account, URI url, String secret) {
        return new WebhookSyndicator(new WebhookAccount(account, url, List.of(Secret.of("webhook", secret)),
                MessageTemplate.defaults()), HttpTransport.create(), Clock.systemUTC());
    }
}
