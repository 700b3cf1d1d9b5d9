package dev.herald.syndication.facebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.herald.internal.Json;
import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Facebook Pages as a {@link NetworkProvider}: an account takes the {@code page} id and a Page
 * access {@code token}, optionally {@code graphVersion} (default {@value FacebookAccount#DEFAULT_GRAPH_VERSION})
 * and {@code api}. A message may have 63,206 characters; Facebook publishes no per-Page posting
 * cap, only call budgets, so no quota is declared; no idempotency key, so a resend is reconciled first.
 */
public final class FacebookNetwork implements NetworkProvider {
    /** The most characters a Page post's message may have. */
    public static final TextRules RULES = new TextRules(63_206, Integer.MAX_VALUE, -1);

    private static final ObjectMapper JSON = Json.MAPPER;
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(FacebookSyndicator.NETWORK)
            .required("page").optional("token", "graphVersion", "api", "clientId", "clientSecret")
            .secrets("token", "clientSecret").baseUrl("api")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public FacebookNetwork() {}

    @Override
    public String name() {
        return FacebookSyndicator.NETWORK;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("facebook-page");
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return RULES;
    }

    /**
     * On a throttling error (codes 4, 17, 32, 613, 80001) or any failed reply whose
     * {@code X-Business-Use-Case-Usage} names a wait: now plus the largest
     * {@code estimated_time_to_regain_access} (minutes) in that header; {@code null} when it names none.
     */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply, clock);
    }

    static Instant retrySignal(HttpReply reply, Clock clock) {
        if (reply.ok()) return null;
        long minutes = regainMinutes(reply.header("X-Business-Use-Case-Usage"));
        return minutes > 0 ? clock.instant().plus(Duration.ofMinutes(minutes)) : null;
    }

    /** The largest {@code estimated_time_to_regain_access} in a BUC usage header, 0 when none. */
    static long regainMinutes(String header) {
        if (header == null || header.isBlank()) return 0;
        try {
            long max = 0;
            for (JsonNode entries : JSON.readTree(header)) {
                for (JsonNode e : entries) max = Math.max(max, e.path("estimated_time_to_regain_access").asLong(0));
            }
            return max;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    /** Stands for the Page token while it is only in the credential store. */
    static final Secret NO_TOKEN = Secret.of("credential-store", "no-page-token-in-herald-yaml");

    /**
     * Builds the syndicator: the Page token is the context's {@link dev.herald.syndication.TokenStore}'s
     * (from {@code herald auth}), else {@code token}.
     *
     * @throws IllegalArgumentException when the account has neither {@code token} nor the app's {@code clientId}
     */
    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        boolean hasToken = account.value("token", null) != null;
        if (!hasToken && account.value("clientId", null) == null) {
            throw new IllegalArgumentException("a Facebook Page account needs 'token', or the app's 'clientId' and 'clientSecret' to sign in with herald auth");
        }
        return new FacebookSyndicator(new FacebookAccount(account.name(), account.url("api", FacebookAccount.DEFAULT_API), account.value("page", null),
                hasToken ? account.secret("token") : NO_TOKEN, account.value("graphVersion", null), account.template()), context.http(), context.clock(),
                context.tokens());
    }

    /** Facebook Login for the Page's manager, ending with the Page's own token; needs the app's {@code clientId} (app id) and {@code clientSecret}. */
    @Override
    public java.util.Optional<SignIn> signIn(AccountSetup account, NetworkContext context) {
        String clientId = account.value("clientId", null);
        if (clientId == null || account.value("clientSecret", null) == null) {
            throw new IllegalArgumentException("herald auth needs the Facebook app's id as 'clientId' and its secret as 'clientSecret'");
        }
        FacebookAccount page = new FacebookAccount(account.name(), account.url("api", FacebookAccount.DEFAULT_API), account.value("page", null),
                NO_TOKEN, account.value("graphVersion", null), account.template());
        return java.util.Optional.of(new FacebookSignIn(page, clientId, account.secret("clientSecret"), context.http()));
    }
}
