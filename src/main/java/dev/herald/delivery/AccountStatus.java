package dev.herald.delivery;

import dev.herald.internal.Validate;
import java.time.Instant;

/**
 * An account's delivery state as the outbox records it.
 *
 * @param name the account's configured name
 * @param state whether shares may be sent
 * @param message why the state was entered (the network's words for an auth failure), or {@code null}
 * @param changedAt when the state was entered, or {@code null} for an account never recorded
 */
public record AccountStatus(String name, AccountState state, String message, Instant changedAt) {
    /** Requires a name and a state. */
    public AccountStatus {
        Validate.notBlank(name, "name");
        Validate.notNull(state, "state");
    }

    /** An account the outbox has no record of, which is active. */
    public static AccountStatus active(String name) {
        return new AccountStatus(name, AccountState.ACTIVE, null, null);
    }

    /** Whether the account's credentials were refused. */
    public boolean authFailed() {
        return state == AccountState.AUTH_FAILED;
    }
}
