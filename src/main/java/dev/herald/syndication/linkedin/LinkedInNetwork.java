package dev.herald.syndication.linkedin;

import dev.herald.syndication.DeliveryGuarantee;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.NetworkContext;
import dev.herald.syndication.NetworkProvider;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.TextRules;
import dev.herald.syndication.config.AccountSetup;
import dev.herald.syndication.config.NetworkSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * LinkedIn as a {@link NetworkProvider}: an account takes the {@code author} URN and an access
 * {@code token}, optionally {@code version} (the {@code LinkedIn-Version}, default
 * {@value LinkedInAccount#DEFAULT_VERSION}), {@code expiresAt} (the token's expiry, an ISO date or
 * instant, so {@code check()} warns ahead) and {@code api}. Commentary is little text, 3000
 * characters (not in LinkedIn's docs; what its composer allows); no idempotency key, so a resend
 * is reconciled first.
 */
public final class LinkedInNetwork implements NetworkProvider {
    /** 3000 characters, links as written. */
    public static final TextRules RULES = new TextRules(3000, Integer.MAX_VALUE, -1);

    private static final NetworkSpec SETTINGS = NetworkSpec.builder(LinkedInSyndicator.NETWORK)
            .required("author", "token").optional("version", "expiresAt", "api")
            .secrets("token").baseUrl("api")
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

    @Override
    public Syndicator create(AccountSetup account, NetworkContext context) {
        return new LinkedInSyndicator(new LinkedInAccount(account.name(), account.url("api", LinkedInAccount.DEFAULT_API), account.value("author", null),
                account.secret("token"), account.value("version", null), expiresAt(account.value("expiresAt", null)), account.template()),
                context.http(), context.clock());
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
