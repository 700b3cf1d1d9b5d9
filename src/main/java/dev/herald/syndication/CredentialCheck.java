package dev.herald.syndication;

import dev.herald.internal.Validate;

/**
 * The result of {@link Syndicator#check()}: whether the network accepts the account's credentials,
 * found without posting anything.
 *
 * @param status what the network said
 * @param message a short description for the log and the console; never contains a secret
 */
public record CredentialCheck(Status status, String message) {
    /** What a credential check can find. */
    public enum Status {
        /** The network accepted the credentials. */
        OK,
        /** The network refused them: nothing will post until they change. */
        AUTH_FAILED,
        /** It cannot be told now (no answer, a 5xx, a rate limit), or the network has no way to check. */
        UNKNOWN
    }

    /** Requires both parts. */
    public CredentialCheck {
        Validate.notNull(status, "status");
        Validate.notBlank(message, "message");
    }

    /** The credentials work. */
    public static CredentialCheck ok(String message) {
        return new CredentialCheck(Status.OK, message);
    }

    /** The network refused the credentials. */
    public static CredentialCheck authFailed(String message) {
        return new CredentialCheck(Status.AUTH_FAILED, message);
    }

    /** It cannot be told. */
    public static CredentialCheck unknown(String message) {
        return new CredentialCheck(Status.UNKNOWN, message);
    }

    /**
     * The check's reading of a failed request's {@link Outcome}: refused credentials are
     * {@link Status#AUTH_FAILED}, anything else {@link Status#UNKNOWN}.
     */
    public static CredentialCheck of(Outcome failure) {
        Validate.notNull(failure, "failure");
        return failure instanceof Outcome.AuthFailed ? authFailed(failure.describe()) : unknown(failure.describe());
    }
}
