package dev.herald.syndication.config;

import dev.herald.syndication.Secret;

/** Turns a credential reference from {@code herald.yaml} into the credential. */
@FunctionalInterface
public interface SecretSource {
    /**
     * Resolves {@code reference} ({@code ${env:NAME}} or {@code ${sys:name}}).
     *
     * @throws IllegalArgumentException when it names nothing that is set
     */
    Secret resolve(String reference);

    /** This process's environment variables and system properties. */
    static SecretSource environment() {
        return Secret::resolve;
    }

    /**
     * Reads nothing: every reference stands for a placeholder. For dry runs and previews, which
     * send nothing and so need no credential, and must not fail for want of one.
     */
    static SecretSource placeholders() {
        return reference -> new Secret(reference, PLACEHOLDER);
    }

    /**
     * What {@link #placeholders()} stands in with: shaped like a Standard Webhooks secret (32 zero
     * bytes) so that every network's syndicator accepts it.
     */
    String PLACEHOLDER = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
}
