package dev.herald.demo;

import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockDiscord;
import dev.herald.testkit.MockFacebook;
import dev.herald.testkit.MockLinkedIn;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockService;
import dev.herald.testkit.MockSlack;
import dev.herald.testkit.MockTelegram;
import dev.herald.testkit.MockThreads;
import dev.herald.testkit.MockWebSubHub;
import dev.herald.testkit.MockWebhookReceiver;
import dev.herald.testkit.MockX;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The test kit's fakes of every network Herald ships, running side by side as a site's accounts,
 * with the one {@code herald.yaml} that points at them: a sandbox in which to syndicate real
 * articles with Herald's real syndicators and see what each network received, with nothing leaving
 * the machine. The demo site runs one behind {@link SandboxServlet}; a staging server or a test can
 * run its own.
 *
 * <p>The configuration's credentials are references ({@code ${env:SANDBOX_MASTODON_TOKEN}}...) that
 * only {@link #secrets()} resolves, to the fakes' own credentials; the real environment is never read.
 */
public final class Sandbox implements AutoCloseable {
    /** The fakes in the order of the file's accounts, each started on the sandbox's clock. */
    private static final List<Function<Clock, MockService>> STARTERS = List.of(
            clock -> MockMastodon.builder().clock(clock).start(),
            clock -> MockBluesky.builder().clock(clock).start(),
            clock -> MockWebhookReceiver.builder().clock(clock).start(),
            clock -> MockX.builder().clock(clock).start(),
            clock -> MockFacebook.builder().clock(clock).start(),
            clock -> MockLinkedIn.builder().clock(clock).start(),
            clock -> MockThreads.builder().clock(clock).start(),
            clock -> MockTelegram.builder().clock(clock).start(),
            clock -> MockDiscord.builder().clock(clock).start(),
            clock -> MockSlack.builder().clock(clock).start(),
            clock -> MockWebSubHub.builder().clock(clock).start());

    private final List<MockService> fakes;
    private final Map<String, String> credentials = new LinkedHashMap<>();
    private final String yaml;

    private Sandbox(List<MockService> fakes) {
        this.fakes = List.copyOf(fakes);
        StringBuilder y = new StringBuilder("# The sandbox's accounts: Herald's test-kit fakes on this machine, one per network.\naccounts:\n");
        MockMastodon mastodon = mastodon();
        MockBluesky bluesky = bluesky();
        MockWebhookReceiver webhook = webhook();
        MockSlack slack = slack();
        MockDiscord discord = discord();
        y.append(account("sandbox-mastodon", mastodon, "token: " + credential("SANDBOX_MASTODON_TOKEN", mastodon.accessToken()), "visibility: public"));
        y.append(account("sandbox-bluesky", bluesky, "handle: " + bluesky.handle(), "password: " + credential("SANDBOX_BLUESKY_PASSWORD", bluesky.password())));
        y.append(account("sandbox-webhook", webhook, "secrets:", "  - " + credential("SANDBOX_WEBHOOK_SECRET", webhook.secret())));
        y.append(account("sandbox-x", x(), "consumerKey: " + credential("SANDBOX_X_CONSUMER_KEY", MockX.DEFAULT_CONSUMER_KEY),
                "consumerSecret: " + credential("SANDBOX_X_CONSUMER_SECRET", MockX.DEFAULT_CONSUMER_SECRET),
                "accessToken: " + credential("SANDBOX_X_ACCESS_TOKEN", MockX.DEFAULT_ACCESS_TOKEN),
                "accessTokenSecret: " + credential("SANDBOX_X_ACCESS_TOKEN_SECRET", MockX.DEFAULT_ACCESS_TOKEN_SECRET)));
        y.append(account("sandbox-facebook", facebook(), "page: \"" + MockFacebook.DEFAULT_PAGE_ID + "\"",
                "token: " + credential("SANDBOX_FACEBOOK_PAGE_TOKEN", MockFacebook.DEFAULT_PAGE_TOKEN)));
        y.append(account("sandbox-linkedin", linkedIn(), "author: " + MockLinkedIn.DEFAULT_AUTHOR,
                "token: " + credential("SANDBOX_LINKEDIN_TOKEN", MockLinkedIn.DEFAULT_TOKEN)));
        y.append(account("sandbox-threads", threads(), "user: \"" + MockThreads.DEFAULT_USER_ID + "\"",
                "token: " + credential("SANDBOX_THREADS_TOKEN", MockThreads.DEFAULT_TOKEN)));
        y.append(account("sandbox-telegram", telegram(), "token: " + credential("SANDBOX_TELEGRAM_TOKEN", telegram().token()),
                "chat: \"" + MockTelegram.DEFAULT_CHANNEL + "\""));
        // The webhook posts; the bot beside it lets Herald look for a message whose answer was lost.
        y.append(account("sandbox-discord", discord, "colour: \"#1d4ed8\"", "botToken: " + credential("SANDBOX_DISCORD_BOT_TOKEN", discord.botToken()),
                "channel: \"" + discord.channelId() + "\""));
        // The bot form of Slack: its api, not a webhook url, points at the fake.
        y.append("  - name: sandbox-slack\n    network: slack\n    api: ").append(slack.apiUri()).append('\n')
                .append("    token: ").append(credential("SANDBOX_SLACK_BOT_TOKEN", slack.botToken())).append('\n')
                .append("    channel: ").append(slack.channelId()).append('\n');
        y.append(account("sandbox-websub", webSubHub()));
        this.yaml = y.toString();
    }

    /** The reference under which {@code value} appears in the file, remembered for {@link #secrets()}. */
    private String credential(String name, String value) {
        String reference = "${env:" + name + "}";
        credentials.put(reference, value);
        return reference;
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

    /** Starts the fakes on free loopback ports, on the system clock. */
    public static Sandbox start() {
        return start(Clock.systemUTC());
    }

    /** Starts the fakes on free loopback ports, on {@code clock}; if one cannot start, those started are stopped. */
    public static Sandbox start(Clock clock) {
        List<MockService> started = new ArrayList<>();
        try {
            for (Function<Clock, MockService> starter : STARTERS) started.add(starter.apply(clock));
            return new Sandbox(started);
        } catch (RuntimeException e) {
            closeAll(started);
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
        Map<String, String> values = Map.copyOf(credentials);
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

    /** Every fake, in the order of the file's accounts: one per network. */
    public List<MockService> fakes() {
        return fakes;
    }

    private <T extends MockService> T fake(Class<T> type) {
        for (MockService f : fakes) if (type.isInstance(f)) return type.cast(f);
        throw new IllegalStateException("no " + type.getSimpleName() + " in the sandbox");
    }

    /** The fake Mastodon instance. */
    public MockMastodon mastodon() {
        return fake(MockMastodon.class);
    }

    /** The fake Bluesky PDS. */
    public MockBluesky bluesky() {
        return fake(MockBluesky.class);
    }

    /** The fake webhook receiver. */
    public MockWebhookReceiver webhook() {
        return fake(MockWebhookReceiver.class);
    }

    /** The fake X API. */
    public MockX x() {
        return fake(MockX.class);
    }

    /** The fake Facebook Graph API. */
    public MockFacebook facebook() {
        return fake(MockFacebook.class);
    }

    /** The fake LinkedIn API. */
    public MockLinkedIn linkedIn() {
        return fake(MockLinkedIn.class);
    }

    /** The fake Threads API. */
    public MockThreads threads() {
        return fake(MockThreads.class);
    }

    /** The fake Telegram Bot API. */
    public MockTelegram telegram() {
        return fake(MockTelegram.class);
    }

    /** The fake Discord (webhook and channel). */
    public MockDiscord discord() {
        return fake(MockDiscord.class);
    }

    /** The fake Slack (webhook and Web API). */
    public MockSlack slack() {
        return fake(MockSlack.class);
    }

    /** The fake WebSub hub. */
    public MockWebSubHub webSubHub() {
        return fake(MockWebSubHub.class);
    }

    /** Stops every fake. */
    @Override
    public void close() {
        closeAll(fakes);
    }

    private static void closeAll(List<MockService> fakes) {
        RuntimeException first = null;
        for (MockService f : fakes) {
            try {
                f.close();
            } catch (RuntimeException e) {
                if (first == null) first = e;
                else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
    }
}
