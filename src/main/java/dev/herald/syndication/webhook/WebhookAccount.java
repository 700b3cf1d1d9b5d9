package dev.herald.syndication.webhook;

import dev.herald.internal.Validate;
import dev.herald.syndication.MessageTemplate;
import dev.herald.syndication.Secret;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One signed-webhook endpoint Herald posts articles to, with the secrets it signs with.
 *
 * <p>The URL may itself carry a credential (a token in its path or query, as chat webhooks do), so
 * {@link #toString()} and every log line show only its scheme and host ({@link #maskedUrl()}).
 *
 * @param name the account's name in the configuration, unique within it
 * @param url where the webhooks are POSTed: an absolute http(s) URL without user info or fragment
 * @param secrets the Standard Webhooks secrets ({@code whsec_<base64>} or bare base64, 24 to 64
 *     bytes), current first; each signs every message, so during a rotation the receiver may know
 *     either the new or the old one
 * @param template how the post's {@code text} is worded; {@code null} means
 *     {@link MessageTemplate#defaults()}
 */
public record WebhookAccount(String name, URI url, List<Secret> secrets, MessageTemplate template) {
    /** Validates every part and fills the default template; messages never quote the URL or a secret. */
    public WebhookAccount {
        Validate.notBlank(name, "name");
        name = name.strip();
        checkUrl(url, name);
        Validate.notNull(secrets, "secrets of webhook account " + name);
        Validate.isTrue(!secrets.isEmpty(), "secrets of webhook account " + name, "must hold at least one secret");
        List<String> values = new ArrayList<>(secrets.size());
        for (int i = 0; i < secrets.size(); i++) {
            Secret s = secrets.get(i);
            Validate.isTrue(s != null, "secrets of webhook account " + name, "must not contain null (secret #" + (i + 1) + ")");
            values.add(s.value());
        }
        try {
            WebhookSignature.of(values);
        } catch (IllegalArgumentException e) {
            // WebhookSignature's message names the position ("secret #2"), never the value.
            throw new IllegalArgumentException("secrets of webhook account " + name + ": " + e.getMessage());
        }
        secrets = List.copyOf(secrets);
        template = template == null ? MessageTemplate.defaults() : template;
    }

    /** An account with the default template. */
    public static WebhookAccount of(String name, URI url, Secret... secrets) {
        Validate.notNull(secrets, "secrets");
        return new WebhookAccount(name, url, List.of(secrets), null);
    }

    /** This account with another template. */
    public WebhookAccount withTemplate(MessageTemplate newTemplate) {
        return new WebhookAccount(name, url, secrets, newTemplate);
    }

    /** The URL with everything after the host hidden, such as {@code https://hooks.example/****}: safe to log. */
    public String maskedUrl() {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        String rest = url.getRawPath() == null || url.getRawPath().isEmpty() || url.getRawPath().equals("/")
                ? (url.getRawQuery() == null ? "/" : "/?****")
                : "/****";
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + port + rest;
    }

    /** Shows the name, the masked URL, the secrets' references and the template; never a credential. */
    @Override
    public String toString() {
        return "WebhookAccount[name=" + name + ", url=" + maskedUrl() + ", secrets=" + secrets + ", template=" + template + "]";
    }

    private static void checkUrl(URI url, String name) {
        String what = "url of webhook account " + name;
        Validate.notNull(url, what);
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        // Not Validate.httpUrl: its message quotes the URL, which may hold a token.
        Validate.isTrue((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && !url.getHost().isEmpty(),
                what, "must be an absolute http(s) URL with a host");
        Validate.isTrue(url.getRawUserInfo() == null, what, "must not contain user info (it would be logged); put a token in the path or query");
        Validate.isTrue(url.getRawFragment() == null, what, "must not have a fragment (it is never sent)");
    }
}
