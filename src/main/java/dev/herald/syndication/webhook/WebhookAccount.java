package dev.herald.syndication.webhook;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.List;

/**
 * An endpoint that receives each article as a signed JSON webhook.
 *
 * @param name the account's name in the configuration
 * @param url where to POST (absolute http or https)
 * @param secrets the signing secrets ({@code whsec_<base64>}): the first is the current one; during
 *     a rotation the message is signed with every one, so a receiver that knows either verifies it
 * @param template how the {@code text} field of the payload is worded
 */
public record WebhookAccount(String name, URI url, List<Secret> secrets, MessageTemplate template) {
    /** Checks every part, and that every secret is a usable Standard Webhooks secret. */
    public WebhookAccount {
        Validate.notBlank(name, "name");
        Validate.httpUrl(url, "url");
        Validate.notNull(secrets, "secrets");
        Validate.isTrue(!secrets.isEmpty(), "secrets", "must hold at least one secret");
        secrets = List.copyOf(secrets);
        Validate.notNull(template, "template");
    }
}
