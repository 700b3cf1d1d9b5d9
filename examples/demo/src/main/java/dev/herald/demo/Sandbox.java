package dev.herald.demo;

import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockService;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockWebhookReceiver;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The test kit's three fakes running side by side as a site's accounts, with the {@code herald.yaml}
 * that points at them: a sandbox in which to syndicate real articles with Herald's real
 * syndicators and see what each network received, with nothing leaving the machine. The demo site
 * runs one behind {@link SandboxServlet}; a staging server or a test can run its own.
 *
 * <p>The configuration's credentials are references ({@code ${env:SANDBOX_MASTODON_TOKEN}}...) that
 * only {@link #secrets()} resolves, to the fakes' own credentials; the real environment is never read.
 */
public final class Sandbox implements AutoCloseable {
    private final MockMastodon mastodon;
    private final MockBluesky bluesky;
    private final MockWebhookReceiver webhook;
    private final String yaml;

    private Sandbox(MockMastodon mastodon, MockBluesky bluesky, MockWebhookReceiver webhook) {
        this.mastodon = mastodon;
        this.bluesky = bluesky;
        this.webhook = webhook;
        this.yaml = "# The sandbox's accounts: Herald's test-kit fakes on this machine.\naccounts:\n"
                + account("sandbox-mastodon", mastodon, "token: ${env:SANDBOX_MASTODON_TOKEN}", "visibility: public")
                + account("sandbox-bluesky", bluesky, "handle: " + bluesky.handle(), "password: ${env:SANDBOX_BLUESKY_PASSWORD}")
                + account("sandbox-webhook", webhook, "secrets:", "  - ${env:SANDBOX_WEBHOOK_SECRET}");
    }

    /**
     * One account of the sandbox's file: the fake's network, its base-URL key (as the network's
     * provider declares it) pointing at the fake, then the network's own lines.
     */
    private static String account(String name, MockService fake, String... lines) {
        String key = NetworkRegistry.installed().get(fake.network()).settings().baseUrl();
        StringBuilder out = new StringBuilder("  - name: ").append(name).append('\n')
                .append("    network: ").append(fake.network()).append('\n')
                .append("    ").append(key).append(": ").append(base(fake.endpoint())).append('\n');
        for (String line : lines) out.append("    ").append(line).append('\n');
        return out.toString();
    }

    /** Starts the three fakes on free loopback ports, on the system clock. */
    public static Sandbox start() {
        return start(Clock.systemUTC());
    }

    /** Starts the three fakes on free loopback ports, on {@code clock}. */
    public static Sandbox start(Clock clock) {
        MockMastodon mastodon = MockMastodon.builder().clock(clock).start();
        try {
            MockBluesky bluesky = MockBluesky.builder().clock(clock).start();
            try {
                return new Sandbox(mastodon, bluesky, MockWebhookReceiver.builder().clock(clock).start());
            } catch (RuntimeException e) {
                bluesky.close();
                throw e;
            }
        } catch (RuntimeException e) {
            mastodon.close();
            throw e;
        }
    }

    private static String base(URI endpoint) {
        String uri = endpoint.toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** The {@code herald.yaml} that configures the sandbox's accounts. */
    public String yaml() {
        return yaml;
    }

    /** {@link #yaml()}, parsed and checked. */
    public SyndicationConfig config() {
        return SyndicationConfig.parse(yaml, "sandbox herald.yaml");
    }

    /** Resolves the sandbox configuration's credential references to the fakes' credentials. */
    public SecretSource secrets() {
        Map<String, String> values = Map.of(
                "${env:SANDBOX_MASTODON_TOKEN}", mastodon.accessToken(),
                "${env:SANDBOX_BLUESKY_PASSWORD}", bluesky.password(),
                "${env:SANDBOX_WEBHOOK_SECRET}", webhook.secret());
        return reference -> {
            String value = values.get(reference);
            if (value == null) throw new IllegalArgumentException("the sandbox has no credential for " + reference);
            return new Secret(reference, value);
        };
    }

    /** Herald's real syndicators for the sandbox's accounts. */
    public List<Syndicator> syndicators(HttpTransport http, Clock clock) {
        return new SyndicatorFactory(http, clock, secrets()).createAll(config());
    }

    /** The fake Mastodon instance. */
    public MockMastodon mastodon() {
        return mastodon;
    }

    /** The fake Bluesky PDS. */
    public MockBluesky bluesky() {
        return bluesky;
    }

    /** The fake webhook receiver. */
    public MockWebhookReceiver webhook() {
        return webhook;
    }

    /** Stops the three fakes. */
    @Override
    public void close() {
        try {
            mastodon.close();
        } finally {
            try {
                bluesky.close();
            } finally {
                webhook.close();
            }
        }
    }
}
