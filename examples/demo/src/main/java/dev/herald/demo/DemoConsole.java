package dev.herald.demo;

import dev.herald.console.Console;
import dev.herald.console.ConsoleUser;
import dev.herald.console.PageReader;
import dev.herald.console.Role;
import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.syndication.QueueSlots;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Syndicator;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The marketing console in the demo, at {@code /console/}: mounted the way a site mounts it (a
 * listener registers {@link Console#servlet()} in code), over its own sandbox of the test kit's
 * fakes, an embedded H2 outbox in a temporary folder and a worker that sends what falls due.
 * Everyone on this machine is signed in as the demo's editor; requests from elsewhere get nothing.
 * Demo only: a real site maps its own users' roles ({@code ContainerRoles}).
 */
public final class DemoConsole implements ServletContextListener {
    private static final Logger LOG = LoggerFactory.getLogger(DemoConsole.class);
    private static final ConsoleUser DEMO_EDITOR = new ConsoleUser("demo-editor", Role.EDITOR);
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private Sandbox sandbox;
    private HttpTransport http;
    private DeliveryDatabase db;
    private Delivery delivery;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        try {
            Path dir = Files.createTempDirectory("herald-demo-console");
            sandbox = Sandbox.start();
            // The article pages and images are the demo's own, on this machine.
            http = HttpTransport.builder().fetchPolicy(FetchPolicy.allowing("127.0.0.0/8", "::1")).build();
            List<Syndicator> syndicators = sandbox.syndicators(http, Clock.systemUTC());
            Map<String, QueueSlots> slots = Map.of("sandbox-mastodon", QueueSlots.parse("Mon-Sun 09:00,13:00,17:00 Europe/Berlin"),
                    "sandbox-bluesky", QueueSlots.parse("Mon-Fri 08:30,18:00 Europe/Berlin"));
            db = DeliveryDatabase.h2(dir.resolve("herald"));
            Delivery.Builder b = Delivery.builder(db).syndicators(syndicators);
            slots.forEach(b::slots);
            delivery = b.build().start();
            Console console = Console.builder(delivery.client())
                    .syndicators(syndicators)
                    .slots(slots)
                    .pages(new PageReader(http, Map.of("herald.site.name", "The Meridian Ledger")))
                    .authenticator(request -> loopback(request.getRemoteAddr()) ? Optional.of(DEMO_EDITOR) : Optional.empty())
                    .zone(ZONE)
                    .build();
            context.addServlet("herald-console", console.servlet()).addMapping("/console/*");
            LOG.info("Herald console at /console/ (signed in as {} from this machine), outbox in {}", DEMO_EDITOR.name(), dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the demo console: " + e.getMessage(), e);
        }
    }

    private static boolean loopback(String address) {
        try {
            return address != null && InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (delivery != null) delivery.close();
        if (db != null) db.close();
        if (sandbox != null) sandbox.close();
        try {
            if (http != null) http.close();
        } catch (IOException e) {
            LOG.debug("closing the console's HTTP client", e);
        }
    }
}
