package dev.herald.syndication.internal;

import dev.herald.internal.Validate;
import dev.herald.syndication.HttpCall;
import dev.herald.syndication.HttpReply;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Secret;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A chat's incoming-webhook URL (Discord, Slack): a URL that is itself the credential, since its
 * path or query holds the token. The one piece webhook-like networks share to post JSON to it, so
 * each only words its message and reads its answers.
 *
 * <p>{@link #toString()} and {@link #masked()} show only scheme and host; {@link #secrets()} lists
 * what to mask in any text that may quote the URL.
 *
 * @param url an absolute http(s) URL without user info or fragment
 */
public record IncomingWebhook(URI url) {
    /** Checks the URL without ever quoting it in the message: it holds a token. */
    public IncomingWebhook {
        Validate.notNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        Validate.isTrue((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null && !url.getHost().isEmpty(), "url",
                "must be an absolute http(s) URL with a host");
        Validate.isTrue(url.getRawUserInfo() == null, "url", "must not contain user info");
        Validate.isTrue(url.getRawFragment() == null, "url", "must not have a fragment (it is never sent)");
    }

    /**
     * The webhook under {@code key} of {@code account}: a URL, or a credential reference to one. With
     * {@link dev.herald.syndication.config.SecretSource#placeholders()} (a dry run, which reads no
     * credential) a referenced URL stands in as {@code https://dry-run.invalid/webhook}, never called.
     */
    public static IncomingWebhook of(dev.herald.syndication.config.AccountSetup account, String key) {
        Validate.notNull(account, "account");
        String written = account.value(key, "");
        if (Secret.isReference(written) && dev.herald.syndication.config.SecretSource.PLACEHOLDER.equals(account.secret(key).value())) {
            return new IncomingWebhook(URI.create("https://dry-run.invalid/webhook"));
        }
        return new IncomingWebhook(account.secretUrl(key));
    }

    /** The URL with everything after the host hidden ({@code https://discord.com/****}): safe to log. */
    public String masked() {
        String port = url.getPort() < 0 ? "" : ":" + url.getPort();
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost() + port + "/****";
    }

    /** The URL's path and query as secrets to mask (a bare {@code /} hides nothing and is left out). */
    public Secret[] secrets() {
        List<Secret> out = new ArrayList<>();
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (path.length() > 1) out.add(Secret.of("webhook-url-path", path));
        if (url.getRawQuery() != null && !url.getRawQuery().isEmpty()) out.add(Secret.of("webhook-url-query", url.getRawQuery()));
        return out.toArray(new Secret[0]);
    }

    /** This webhook's URL with {@code name=value} added to its query (Discord's {@code wait=true}). */
    public URI withQuery(String name, String value) {
        String s = url.toString();
        return URI.create(s + (url.getRawQuery() == null ? "?" : "&") + name + "=" + value);
    }

    /**
     * POSTs {@code json} to {@code target} (this URL, or it with a query added) and reads the answer;
     * the URL is masked in every log line.
     *
     * @throws IOException when no answer arrives (the caller classifies it with {@link Failures#unreachable})
     */
    public HttpReply post(HttpTransport http, URI target, byte[] json) throws IOException {
        Validate.notNull(http, "http");
        return http.execute(HttpCall.post(target).header("Accept", "application/json").json(json), secrets());
    }

    /** Shows the masked URL only. */
    @Override
    public String toString() {
        return "IncomingWebhook[" + masked() + "]";
    }
}
