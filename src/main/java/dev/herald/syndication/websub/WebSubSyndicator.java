package dev.herald.syndication.websub;

import dev.herald.internal.Validate;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.ComposedText;
import dev.herald.syndication.CredentialCheck;
import dev.herald.syndication.Failures;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Outcome;
import dev.herald.syndication.Post;
import dev.herald.syndication.Preview;
import dev.herald.syndication.Syndicator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings one WebSub hub when an article is published: a form POST {@code hub.mode=publish} with one
 * {@code hub.url} (or {@code hub.topic}) per topic — the configured feeds, then the article's URL.
 * Thread-safe.
 *
 * <p><b>Answers.</b> Any 2xx (hubs answer 204 or 202) → {@link Outcome.Posted} (the hub keeps no
 * record of a ping: the id is the post's idempotency key); 429 → {@link Outcome.RateLimited} at
 * {@code Retry-After}; 5xx, timeouts and dropped connections → {@link Outcome.Transient}, retried like
 * any transient failure; other 4xx (a topic the hub refuses) → {@link Outcome.Permanent} with the
 * hub's text. A ping only asks the hub to fetch the topics again, so a repeated ping publishes
 * nothing twice: retrying is always safe.
 */
public final class WebSubSyndicator implements Syndicator {
    /** The value of {@link #network()}. */
    public static final String NETWORK = "websub";

    private static final Logger LOG = LoggerFactory.getLogger(WebSubSyndicator.class);

    private final WebSubAccount account;
    private final HttpTransport http;
    private final Clock clock;

    /** A syndicator for {@code account}, sending over {@code http}. */
    public WebSubSyndicator(WebSubAccount account, HttpTransport http, Clock clock) {
        this.account = Validate.notNull(account, "account");
        this.http = Validate.notNull(http, "http");
        this.clock = Validate.notNull(clock, "clock");
    }

    @Override
    public String account() {
        return account.name();
    }

    @Override
    public String network() {
        return NETWORK;
    }

    /** {@link DeliveryGuarantee#IDEMPOTENCY_KEY}: a publish ping announces nothing twice; a resend is always safe. */
    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.IDEMPOTENCY_KEY;
    }

    /** Pings the hub for {@code post}'s article and the configured feeds. */
    @Override
    public Outcome send(Post post) {
        Validate.notNull(post, "post");
        // Not HttpCall.form: a publish names each topic under the same key, which a map cannot hold.
        HttpCall request = HttpCall.post(account.hub()).body(form(post).getBytes(StandardCharsets.US_ASCII), HttpCall.FORM);
        Outcome outcome;
        try {
            HttpReply reply = http.execute(request);
            outcome = reply.ok() ? new Outcome.Posted(post.idempotencyKey(), null) : Failures.classify(reply, message(reply), null, clock);
        } catch (IOException e) {
            outcome = Failures.unreachable(e);
        }
        LOG.debug("websub {} ({}): {} -> {}", account.name(), account.hub().getHost(), post.idempotencyKey(), outcome.describe());
        return outcome;
    }

    /** The form body {@link #send} would POST; makes no request. */
    @Override
    public Preview preview(Post post) {
        Validate.notNull(post, "post");
        String form = form(post);
        return new Preview(account.name(), NETWORK, new ComposedText(form, form.length(), Integer.MAX_VALUE, true, List.of()), form);
    }

    /** A hub takes no credentials. */
    @Override
    public CredentialCheck check() {
        return CredentialCheck.ok("a WebSub hub takes no credentials");
    }

    /** The topics pinged for {@code post}: the configured feeds, then the article, each once. */
    List<URI> topics(Post post) {
        Set<URI> all = new LinkedHashSet<>(account.topics());
        all.add(post.article().url());
        return new ArrayList<>(all);
    }

    private String form(Post post) {
        StringBuilder out = new StringBuilder("hub.mode=publish");
        for (URI topic : topics(post)) {
            out.append("&hub.").append(account.parameter()).append('=').append(URLEncoder.encode(topic.toString(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String message(HttpReply reply) {
        String t = reply.text().strip();
        if (t.isEmpty() || t.startsWith("<")) return null;
        int eol = t.indexOf('\n');
        return eol < 0 ? t : t.substring(0, eol);
    }
}
