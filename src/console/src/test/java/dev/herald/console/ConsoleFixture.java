package dev.herald.console;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.ManualDelivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Secret;
import dev.herald.syndication.Syndicator;
import dev.herald.syndication.config.SecretSource;
import dev.herald.syndication.config.SyndicationConfig;
import dev.herald.syndication.config.SyndicatorFactory;
import dev.herald.testkit.ManualClock;
import dev.herald.testkit.MockBluesky;
import dev.herald.testkit.MockFacebook;
import dev.herald.testkit.MockLinkedIn;
import dev.herald.testkit.MockMastodon;
import dev.herald.testkit.MockService;
import dev.herald.testkit.MockThreads;
import dev.herald.testkit.MockWebhookReceiver;
import dev.herald.testkit.MockX;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.eclipse.jetty.ee10.servlet.DefaultServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.security.Credential;

/**
 * A site with the console mounted, for the console's tests: real Jetty 12 serving the demo's
 * article pages and the console at {@code /console/*} behind the container's own BASIC sign-in
 * (users vera: viewer, edith: editor, ada: admin, noel: no console role; password "pw"), a real
 * H2 outbox run by db-scheduler on a hand-driven clock, and the test kit's fakes of Mastodon,
 * Bluesky, X, Facebook, LinkedIn, Threads and a webhook receiver as the accounts.
 */
final class ConsoleFixture {
    /** Monday 7 December 2026, 10:00 UTC. */
    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String LEAD_STORY = "/articles/iran-retaliation.html";
    static final String SMALL_IMAGE_PAGE = "/fixtures/small-image.html";
    static final String PASSWORD = "pw";
    private static final String ORIGIN_PLACEHOLDER = "ORIGIN";

    final ManualClock clock = new ManualClock(T0);
    final SettableClock schedulerClock = new SettableClock() {
        @Override
        public Instant now() {
            return clock.instant();
        }
    };
    final MockMastodon mastodon;
    final MockBluesky bluesky;
    final MockX x;
    final MockFacebook facebook;
    final MockLinkedIn linkedin;
    final MockThreads threads;
    final MockWebhookReceiver webhook;
    final List<MockService> fakes = new ArrayList<>();
    final HttpTransport http;
    final DeliveryDatabase db;
    final Delivery delivery;
    final ManualScheduler scheduler;
    final Console console;
    final Server server;
    final String origin;
    final SyndicationConfig config;

    ConsoleFixture(Path dir) throws Exception {
        this(dir, null);
    }

    /** With {@code users} signing in on the console's own page instead of the container's BASIC sign-in. */
    ConsoleFixture(Path dir, ConsoleUsers users) throws Exception {
        this(dir, users, List.of());
    }

    /** With {@code plugIns}: more accounts the console shows (and the outbox does not send), such as a plug-in that fails. */
    ConsoleFixture(Path dir, ConsoleUsers users, List<Syndicator> plugIns) throws Exception {
        mastodon = track(MockMastodon.builder().clock(clock).start());
        bluesky = track(MockBluesky.builder().clock(clock).start());
        x = track(MockX.builder().clock(clock).start());
        facebook = track(MockFacebook.builder().clock(clock).start());
        linkedin = track(MockLinkedIn.builder().clock(clock).start());
        threads = track(MockThreads.builder().clock(clock).start());
        webhook = track(MockWebhookReceiver.builder().clock(clock).start());
        String yaml = "site:\n  name: The Meridian Ledger\nfetch:\n  allow: [127.0.0.1]\naccounts:\n"
                + account("ledger-mastodon", mastodon, "token: ${env:MASTODON_TOKEN}", "slots: \"Mon-Sun 09:00,17:00 Europe/Berlin\"")
                + account("ledger-bluesky", bluesky, "handle: " + bluesky.handle(), "password: ${env:BLUESKY_PASSWORD}")
                + account("ledger-x", x, "consumerKey: ${env:X_CONSUMER_KEY}", "consumerSecret: ${env:X_CONSUMER_SECRET}",
                        "accessToken: ${env:X_ACCESS_TOKEN}", "accessTokenSecret: ${env:X_ACCESS_TOKEN_SECRET}")
                + account("ledger-facebook", facebook, "page: \"" + MockFacebook.DEFAULT_PAGE_ID + "\"", "token: ${env:FACEBOOK_TOKEN}")
                + account("ledger-linkedin", linkedin, "author: " + MockLinkedIn.DEFAULT_AUTHOR, "token: ${env:LINKEDIN_TOKEN}")
                + account("ledger-threads", threads, "user: \"" + MockThreads.DEFAULT_USER_ID + "\"", "token: ${env:THREADS_TOKEN}")
                + account("newsroom-hook", webhook, "secrets:", "  - ${env:WEBHOOK_SECRET}", "template: \"{headline} {url}\"");
        config = SyndicationConfig.parse(yaml, "console test herald.yaml");
        Map<String, String> credentials = Map.of("MASTODON_TOKEN", mastodon.accessToken(), "BLUESKY_PASSWORD", bluesky.password(),
                "X_CONSUMER_KEY", MockX.DEFAULT_CONSUMER_KEY, "X_CONSUMER_SECRET", MockX.DEFAULT_CONSUMER_SECRET,
                "X_ACCESS_TOKEN", MockX.DEFAULT_ACCESS_TOKEN, "X_ACCESS_TOKEN_SECRET", MockX.DEFAULT_ACCESS_TOKEN_SECRET,
                "FACEBOOK_TOKEN", MockFacebook.DEFAULT_PAGE_TOKEN, "LINKEDIN_TOKEN", MockLinkedIn.DEFAULT_TOKEN,
                "THREADS_TOKEN", MockThreads.DEFAULT_TOKEN, "WEBHOOK_SECRET", webhook.secret());
        SecretSource secrets = reference -> Secret.resolve(reference, credentials::get, name -> null);
        http = HttpTransport.builder().fetchPolicy(config.fetchPolicy()).build();
        List<Syndicator> syndicators = new SyndicatorFactory(http, clock, secrets).createAll(config);

        db = DeliveryDatabase.h2(dir.resolve("outbox/herald"));
        Delivery.Builder builder = ManualDelivery.manual(
                Delivery.builder(db).syndicators(syndicators).clock(clock).node("console-test"), schedulerClock);
        config.queueSlots().forEach(builder::slots);
        delivery = builder.build().start();
        scheduler = ManualDelivery.scheduler(delivery);

        writeSmallImagePage(dir.resolve("fixtures"));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(users == null ? ServletContextHandler.SESSIONS | ServletContextHandler.SECURITY : ServletContextHandler.SESSIONS);
        context.setContextPath("/");
        context.setBaseResource(ResourceFactory.of(context).newResource(RepositoryRoot.resolve("webapp")));
        ServletHolder files = new ServletHolder("files", DefaultServlet.class);
        context.addServlet(files, "/");
        ServletHolder fixtures = new ServletHolder("fixtures", DefaultServlet.class);
        fixtures.setInitParameter("baseResource", dir.resolve("fixtures").toAbsolutePath().toUri().toString());
        fixtures.setInitParameter("pathInfoOnly", "true");
        context.addServlet(fixtures, "/fixtures/*");
        if (users == null) context.setSecurityHandler(security());
        server.setHandler(context);
        server.start();
        origin = "http://127.0.0.1:" + connector.getLocalPort();
        writeFeed(dir.resolve("fixtures"));
        Path feed = dir.resolve("fixtures/feed.xml");
        Files.writeString(feed, Files.readString(feed).replace(ORIGIN_PLACEHOLDER, origin));

        console = Console.builder(delivery.client())
                .syndicators(concat(syndicators, plugIns))
                .slots(config.queueSlots())
                .pages(new PageReader(http, config.siteProperties()))
                .zone(BERLIN)
                .clock(clock)
                .authenticator(users == null ? ContainerRoles.standard() : users)
                .feed(URI.create(origin + "/fixtures/feed.xml"))
                .build();
        context.addServlet(new ServletHolder("herald-console", console.servlet()), "/console/*");
    }

    private static List<Syndicator> concat(List<Syndicator> a, List<Syndicator> b) {
        List<Syndicator> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private <T extends MockService> T track(T fake) {
        fakes.add(fake);
        return fake;
    }

    private static ConstraintSecurityHandler security() {
        UserStore users = new UserStore();
        users.addUser("vera", Credential.getCredential(PASSWORD), new String[] {"herald-viewer"});
        users.addUser("edith", Credential.getCredential(PASSWORD), new String[] {"herald-editor"});
        users.addUser("ada", Credential.getCredential(PASSWORD), new String[] {"herald-admin"});
        users.addUser("noel", Credential.getCredential(PASSWORD), new String[] {"reader"});
        HashLoginService login = new HashLoginService("herald-test");
        login.setUserStore(users);
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setLoginService(login);
        security.setAuthenticator(new BasicAuthenticator());
        ConstraintMapping mapping = new ConstraintMapping();
        mapping.setPathSpec("/console/*");
        mapping.setConstraint(Constraint.ANY_USER);
        security.addConstraintMapping(mapping);
        return security;
    }

    /** A page whose og:image is 200 × 100: too small for a large card. */
    private static void writeSmallImagePage(Path dir) throws IOException {
        Files.createDirectories(dir);
        BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ImageIO.write(img, "png", dir.resolve("small.png").toFile());
        Files.writeString(dir.resolve("small-image.html"), """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Harbour reopens after the storm</title>
                <meta property="og:image" content="small.png">
                <meta name="description" content="The port handled its first ships in a week on Monday after repairs to the breakwater.">
                </head><body><article><h1>Harbour reopens after the storm</h1>
                <p>The port handled its first ships in a week on Monday after repairs to the breakwater were finished ahead of time.</p>
                </article></body></html>
                """);
    }

    /** The site's Atom feed: the lead story and the harbour story, newest first. */
    private static void writeFeed(Path dir) throws IOException {
        Files.writeString(dir.resolve("feed.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>The Meridian Ledger</title><id>urn:ledger</id><updated>2026-12-07T09:00:00Z</updated>
                <entry><title>Harbour reopens after the storm</title><id>urn:ledger:harbour</id><link href="%s"/><updated>2026-12-07T09:00:00Z</updated></entry>
                <entry><title>Iran calls its missile strikes the end of its retaliation</title><id>urn:ledger:iran</id><link href="%s"/><updated>2026-12-06T09:00:00Z</updated></entry>
                </feed>
                """.formatted(ORIGIN_PLACEHOLDER + SMALL_IMAGE_PAGE, ORIGIN_PLACEHOLDER + LEAD_STORY));
    }

    private static String account(String name, MockService fake, String... lines) {
        String key = NetworkRegistry.installed().get(fake.network()).settings().baseUrl();
        String base = fake.endpoint().toString();
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        StringBuilder out = new StringBuilder("  - name: ").append(name).append('\n')
                .append("    network: ").append(fake.network()).append('\n')
                .append("    ").append(key).append(": ").append(base).append('\n');
        for (String line : lines) out.append("    ").append(line).append('\n');
        return out.toString();
    }

    DeliveryClient client() {
        return delivery.client();
    }

    ConsoleServlet servlet() {
        return (ConsoleServlet) console.servlet();
    }

    URI url(String path) {
        return URI.create(origin + path);
    }

    /** Runs what is due now, as a running worker would, without moving the clock. */
    void runDue() {
        for (int i = 0; i < 5; i++) scheduler.runAnyDueExecutions();
    }

    void close() throws Exception {
        try {
            server.stop();
        } finally {
            delivery.close();
            db.close();
            http.close();
            for (MockService f : fakes) f.close();
        }
    }
}
