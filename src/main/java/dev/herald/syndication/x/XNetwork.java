package dev.herald.syndication.x;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import dev.herald.syndication.internal.RetrySignals;
import dev.herald.syndication.internal.XText;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * X (alias {@code twitter}) as a {@link NetworkProvider}. An account signs in either with OAuth
 * 1.0a ({@code consumerKey}, {@code consumerSecret}, {@code accessToken}, {@code accessTokenSecret})
 * or with an OAuth 2.0 user {@code token}, renewable with the app's {@code clientId} (and
 * {@code clientSecret}, {@code refreshToken}; or signed in by {@code herald auth} and kept in the
 * credential store); {@code api} points elsewhere for tests. Posts weigh at
 * most 280 by twitter-text's v3 rules; 100 posts per 15 minutes per user; no idempotency key, so a
 * resend is reconciled first.
 */
public final class XNetwork implements NetworkProvider {
    private static final List<String> OAUTH1 = List.of("consumerKey", "consumerSecret", "accessToken", "accessTokenSecret");
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(XSyndicator.NETWORK)
            .optional("api", "token", "refreshToken", "clientId", "clientSecret", "consumerKey", "consumerSecret", "accessToken", "accessTokenSecret")
            .secrets("token", "refreshToken", "clientSecret", "consumerKey", "consumerSecret", "accessToken", "accessTokenSecret")
            .baseUrl("api")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public XNetwork() {}

    @Override
    public String name() {
        return XSyndicator.NETWORK;
    }

    @Override
    public Set<String> aliases() {
        return Set.of("twitter");
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return XText.RULES;
    }

    /** {@code POST /2/tweets}: 100 requests per 15 minutes per user. */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(100, Duration.ofMinutes(15)));
    }

    /**
     * On a 429: the 24-hour user limit's {@code x-user-limit-24hour-reset} when that limit is what
     * ran out ({@code x-user-limit-24hour-remaining: 0}), else {@code x-rate-limit-reset}; both epoch
     * seconds.
     */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply);
    }

    static Instant retrySignal(HttpReply reply) {
        if (reply.status() != 429) return null;
        if ("0".equals(reply.header("x-user-limit-24hour-remaining"))) {
            Instant daily = RetrySignals.epochSeconds(reply, "x-user-limit-24hour-reset");
            if (daily != null) return daily;
        }
        return RetrySignals.epochSeconds(reply, "x-rate-limit-reset");
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    /**
     * Builds the syndicator for an account signed in one way or the other. With {@code clientId}
     * (the app's OAuth 2.0 client id; {@code clientSecret} for a confidential client) the OAuth 2.0
     * token is renewable: it is read from the context's {@link dev.herald.syndication.TokenStore}
     * (where {@code herald auth} and every renewal put it), else from {@code token} and
     * {@code refreshToken}, and renewed after a 401 with the rotating refresh token.
     *
     * @throws IllegalArgumentException unless the account has exactly one sign-in: {@code token} or
     *     {@code clientId} (OAuth 2.0), or all four OAuth 1.0a keys
     */
    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        boolean bearer = account.value("token", null) != null;
        String clientId = account.value("clientId", null);
        long oauth1 = OAUTH1.stream().filter(k -> account.value(k, null) != null).count();
        boolean oauth2 = bearer || clientId != null;
        if (oauth2 == (oauth1 > 0) || (oauth1 > 0 && oauth1 < OAUTH1.size())) {
            throw new IllegalArgumentException("an X account signs in with either 'token' or 'clientId' (OAuth 2.0; herald auth stores the token) or all of "
                    + String.join(", ", OAUTH1) + " (OAuth 1.0a), not " + (oauth2 && oauth1 > 0 ? "both" : oauth1 > 0 ? "only some of them" : "neither"));
        }
        if (account.value("refreshToken", null) != null && clientId == null) {
            throw new IllegalArgumentException("'refreshToken' needs the app's 'clientId' to be used");
        }
        URI api = account.url("api", XAccount.DEFAULT_API);
        if (oauth1 > 0) {
            XCredentials credentials = new XCredentials.OAuth1(account.secret("consumerKey"), account.secret("consumerSecret"),
                    account.secret("accessToken"), account.secret("accessTokenSecret"));
            return new XSyndicator(new XAccount(account.name(), api, credentials, account.template()), context.http(), context.clock());
        }
        Secret token = bearer ? account.secret("token") : null;
        if (clientId == null) {
            return new XSyndicator(new XAccount(account.name(), api, new XCredentials.Bearer(token), account.template()), context.http(), context.clock());
        }
        Secret refresh = account.value("refreshToken", null) != null ? account.secret("refreshToken") : null;
        Secret clientSecret = account.value("clientSecret", null) != null ? account.secret("clientSecret") : null;
        Tokens configured = token == null ? null : Tokens.of(token.value(), refresh == null ? null : refresh.value(), null);
        XTokenSource tokens = new StoredXTokens(account.name(), api, clientId, clientSecret, configured, context.tokens(), context.http(), context.clock());
        // Masked like any credential; a stored token has no herald.yaml reference, so the placeholder stands for it.
        XCredentials.Bearer credentials = new XCredentials.Bearer(token != null ? token : Secret.of("credential-store", "stored-token"));
        return new XSyndicator(new XAccount(account.name(), api, credentials, account.template()), context.http(), context.clock(), tokens);
    }

    /** X's OAuth 2.0 sign-in with PKCE, for an account with the app's {@code clientId}. */
    @Override
    public java.util.Optional<SignIn> signIn(AccountSetup account, NetworkContext context) {
        String clientId = account.value("clientId", null);
        if (clientId == null) throw new IllegalArgumentException("herald auth needs the app's OAuth 2.0 'clientId' (and 'clientSecret' for a confidential app)");
        Secret clientSecret = account.value("clientSecret", null) != null ? account.secret("clientSecret") : null;
        return java.util.Optional.of(new XSignIn(account.url("api", XAccount.DEFAULT_API), clientId, clientSecret, context.http(), context.clock()));
    }
}
