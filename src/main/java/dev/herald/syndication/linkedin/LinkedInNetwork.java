package dev.herald.syndication.linkedin;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Secret;
import dev.herald.syndication.SignIn;
import dev.herald.syndication.Tokens;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * LinkedIn as a {@link NetworkProvider}: an account takes the {@code author} URN and an access
 * {@code token}, optionally {@code version} (the {@code LinkedIn-Version}, default
 * {@value LinkedInAccount#DEFAULT_VERSION}), {@code expiresAt} (the token's expiry, an ISO date or
 * instant, so {@code check()} warns ahead) and {@code api}; or, instead of the token, the app's
 * {@code clientId} and {@code clientSecret} for {@code herald auth} and refresh-token renewal
 * ({@code oauth} points LinkedIn's OAuth host at a fake). Commentary is little text, 3000
 * characters (not in LinkedIn's docs; what its composer allows); no idempotency key, so a resend
 * is reconciled first.
 */
public final class LinkedInNetwork implements NetworkProvider {
    /** 3000 characters, links as written. */
    public static final TextRules RULES = new TextRules(3000, Integer.MAX_VALUE, -1);

    private static final NetworkSpec SETTINGS = NetworkSpec.builder(LinkedInSyndicator.NETWORK)
            .required("author").optional("token", "version", "expiresAt", "api", "clientId", "clientSecret", "refreshToken", "oauth")
            .secrets("token", "clientSecret", "refreshToken").baseUrl("api")
            .build();

    /** Created by {@link java.util.ServiceLoader}. */
    public LinkedInNetwork() {}

    @Override
    public String name() {
        return LinkedInSyndicator.NETWORK;
    }

    @Override
    public NetworkSpec settings() {
        return SETTINGS;
    }

    @Override
    public TextRules textRules() {
        return RULES;
    }

    /** Little text: every reserved character backslash-escaped. */
    @Override
    public String escape(String text) {
        return LittleText.escape(text);
    }

    /**
     * On a 429, the next 00:00 UTC: LinkedIn sends no reset header, and its member and application
     * limits are daily, reset at midnight UTC.
     */
    @Override
    public Instant retryAt(HttpReply reply, Clock clock) {
        return retrySignal(reply, clock);
    }

    static Instant retrySignal(HttpReply reply, Clock clock) {
        return reply.status() == 429 ? clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS) : null;
    }

    @Override
    public DeliveryGuarantee guarantee() {
        return DeliveryGuarantee.RECONCILE_BEFORE_RESEND;
    }

    /**
     * Builds the syndicator. The token is the context's {@link dev.herald.syndication.TokenStore}'s
     * (from {@code herald auth} or a renewal), else {@code token} with {@code expiresAt}; with the
     * app's {@code clientId} and {@code clientSecret} and a refresh token (stored, or
     * {@code refreshToken}) it is renewed when it runs out.
     *
     * @throws IllegalArgumentException when the account has neither {@code token} nor {@code clientId}
     */
    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        boolean hasToken = account.value("token", null) != null;
        String clientId = account.value("clientId", null);
        if (!hasToken && clientId == null) {
            throw new IllegalArgumentException("a LinkedIn account needs 'token', or the app's 'clientId' and 'clientSecret' to sign in with herald auth");
        }
        Secret token = hasToken ? account.secret("token") : Secret.of("credential-store", "stored-token");
        Instant expires = expiresAt(account.value("expiresAt", null));
        LinkedInAccount li = new LinkedInAccount(account.name(), account.url("api", LinkedInAccount.DEFAULT_API), account.value("author", null),
                token, account.value("version", null), expires, account.template());
        Secret clientSecret = account.value("clientSecret", null) != null ? account.secret("clientSecret") : null;
        Secret refresh = account.value("refreshToken", null) != null ? account.secret("refreshToken") : null;
        Tokens configured = hasToken ? new Tokens(token.value(), refresh == null ? null : refresh.value(), expires, null, 0) : null;
        LinkedInTokens tokens = new LinkedInTokens(account.name(), oauth(account), clientId, clientSecret, configured, context.tokens(), context.http(), context.clock());
        return new LinkedInSyndicator(li, context.http(), context.clock(), tokens);
    }

    /** LinkedIn's authorization-code sign-in, for an account with the app's {@code clientId} and {@code clientSecret}. */
    @Override
    public Optional<SignIn> signIn(AccountSetup account, NetworkContext context) {
        String clientId = account.value("clientId", null);
        if (clientId == null || account.value("clientSecret", null) == null) {
            throw new IllegalArgumentException("herald auth needs the LinkedIn app's 'clientId' and 'clientSecret'");
        }
        return Optional.of(new LinkedInSignIn(oauth(account), clientId, account.secret("clientSecret"), account.value("author", ""), context.http(), context.clock()));
    }

    /** LinkedIn's OAuth host: {@code oauth} when given; a fake API's own address when {@code api} points at one. */
    private static URI oauth(AccountSetup account) {
        URI api = account.url("api", LinkedInAccount.DEFAULT_API);
        return account.url("oauth", api.equals(LinkedInAccount.DEFAULT_API) ? LinkedInTokens.OAUTH : api);
    }

    /** {@code 2027-02-01} (start of that day, UTC) or {@code 2027-02-01T10:00:00Z}; {@code null} stays {@code null}. */
    static Instant expiresAt(String value) {
        if (value == null || value.isBlank()) return null;
        try {
            return value.strip().length() == 10 ? LocalDate.parse(value.strip()).atStartOfDay().toInstant(ZoneOffset.UTC) : Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expiresAt must be a date such as 2027-02-01 or an instant such as 2027-02-01T10:00:00Z, not " + value.strip());
        }
    }
}
