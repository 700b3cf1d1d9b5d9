package dev.herald.syndication.threads;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Quota;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.time.Duration;
import java.util.List;

/**
 * Threads as a {@link NetworkProvider}: an account takes the {@code user} id and a long-lived
 * {@code token} (optionally {@code api}); 500 characters with emoji as their UTF-8 bytes; 250
 * published posts in any 24 hours; no idempotency key, so a resend is reconciled first. The
 * token is refreshed before it expires and the refreshed one kept in the context's token store.
 */
public final class ThreadsNetwork implements NetworkProvider {
    private static final NetworkSpec SETTINGS = NetworkSpec.builder(ThreadsSyndicator.NETWORK)
            .required("user").optional("token", "api", "clientId", "clientSecret")
            .secrets("token", "clientSecret").baseUrl("api")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public ThreadsNetwork() {}

    @Override
    public String name() {
        return ThreadsSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return ThreadsText.RULES;
    }

    /** 250 API-published posts per moving 24 hours ({@code threads_publishing_limit}'s {@code config}). */
    @Override
    public List<Quota> quotas() {
        return List.of(Quota.of(250, Duration.ofHours(24)));
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    /** Stands for the token while it is only in the credential store. */
    static final Secret NO_TOKEN = Secret.of("credential-store", "no-threads-token-in-herald-yaml");

    /**
     * Builds the syndicator: the long-lived token is the context's token store's (from
     * {@code herald auth} or a refresh), else {@code token}.
     *
     * @throws IllegalArgumentException when the account has neither {@code token} nor the app's {@code clientId}
     */
    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        boolean hasToken = account.value("token", null) != null;
        if (!hasToken && account.value("clientId", null) == null) {
            throw new IllegalArgumentException("a Threads account needs 'token', or the app's 'clientId' and 'clientSecret' to sign in with herald auth");
        }
        return new ThreadsSyndicator(new ThreadsAccount(account.name(), account.url("api", ThreadsAccount.DEFAULT_API), account.value("user", null),
                hasToken ? account.secret("token") : NO_TOKEN, account.template()), context.http(), context.clock(), context.tokens());
    }

    /** Threads' sign-in, for an account with the app's {@code clientId} (Threads app id) and {@code clientSecret}. */
    @Override
    public java.util.Optional<SignIn> signIn(AccountSetup account, NetworkContext context) {
        String clientId = account.value("clientId", null);
        if (clientId == null || account.value("clientSecret", null) == null) {
            throw new IllegalArgumentException("herald auth needs the Threads app's id as 'clientId' and its secret as 'clientSecret'");
        }
        return java.util.Optional.of(new ThreadsSignIn(account.url("api", ThreadsAccount.DEFAULT_API), clientId, account.secret("clientSecret"),
                account.value("user", null), context.http(), context.clock()));
    }
}
