package dev.herald.console;

import dev.herald.delivery.DeliveryClient;
import dev.herald.syndication.QueueSlots;
import dev.herald.delivery.TextLimits;
import dev.herald.internal.Validate;
import dev.herald.syndication.NetworkRegistry;
import dev.herald.syndication.Syndicator;
import jakarta.servlet.http.HttpServlet;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The marketing console, configured: build one, then register its {@link #servlet()} in the site's
 * app (it is never registered by Herald's web fragment), or run it with {@link ConsoleServer}.
 *
 * <pre>{@code
 * Console console = Console.builder(delivery.client())
 *         .syndicators(syndication.syndicators())
 *         .pages(new PageReader(http, config.siteProperties()))
 *         .authenticator(ContainerRoles.mapped(Map.of(Role.EDITOR, Set.of("marketing"))))
 *         .build();
 * servletContext.addServlet("herald-console", console.servlet()).addMapping("/herald/console/*");
 * }</pre>
 *
 * <p>Every action goes through {@link DeliveryClient}, the API the CLI uses, acting for the signed-in
 * user ({@link DeliveryClient#as}), so every change lands in the outbox's audit log with their name;
 * sign-ins, refusals and credential checks are written there too.
 */
public final class Console {
    final DeliveryClient client;
    final List<Syndicator> syndicators;
    final Map<String, QueueSlots> slots;
    final Authenticator authenticator;
    final PageReader pages;
    final URI feed;
    final Lint lint;
    final Cards cards;
    final TextLimits textLimits;
    final ZoneId zone;
    final Clock clock;
    final LoginThrottle throttle;

    private Console(Builder b) {
        this.client = b.client;
        this.syndicators = List.copyOf(b.syndicators);
        this.slots = Map.copyOf(b.slots);
        this.authenticator = b.authenticator;
        this.pages = b.pages;
        this.feed = b.feed;
        this.lint = b.lint;
        this.cards = new Cards(b.textLimits, NetworkRegistry.installed());
        this.textLimits = b.textLimits;
        this.zone = b.zone;
        this.clock = b.clock;
        this.throttle = b.throttle != null ? b.throttle : LoginThrottle.standard(b.clock);
    }

    /** A console over {@code client}, the delivery API every action goes through. */
    public static Builder builder(DeliveryClient client) {
        return new Builder(client);
    }

    /** A new servlet serving this console; map it to a path ending in {@code /*}, such as {@code /herald/console/*}. */
    public HttpServlet servlet() {
        return new ConsoleServlet(this);
    }

    /** Settings of a {@link Console}; only the delivery client is required. */
    public static final class Builder {
        private final DeliveryClient client;
        private List<? extends Syndicator> syndicators = List.of();
        private Map<String, QueueSlots> slots = Map.of();
        private Authenticator authenticator = ContainerRoles.standard();
        private PageReader pages;
        private URI feed;
        private Lint lint = new HeraldLint();
        private TextLimits textLimits = TextLimits.defaults();
        private ZoneId zone = ZoneId.of("UTC");
        private Clock clock = Clock.systemUTC();
        private LoginThrottle throttle;

        private Builder(DeliveryClient client) {
            this.client = Validate.notNull(client, "client");
        }

        /** The accounts' syndicators, for card previews and credential checks (none by default: no previews). */
        public Builder syndicators(List<? extends Syndicator> syndicators) {
            this.syndicators = Validate.notNull(syndicators, "syndicators");
            return this;
        }

        /** Each account's queue slots, shown in the calendar (none by default). */
        public Builder slots(Map<String, QueueSlots> slots) {
            this.slots = Validate.notNull(slots, "slots");
            return this;
        }

        /** Who is signed in and with which role (default: {@link ContainerRoles#standard()}). */
        public Builder authenticator(Authenticator authenticator) {
            this.authenticator = Validate.notNull(authenticator, "authenticator");
            return this;
        }

        /** How article pages are read for compose (without one, compose cannot fetch pages). */
        public Builder pages(PageReader pages) {
            this.pages = Validate.notNull(pages, "pages");
            return this;
        }

        /** The site's feed, whose recent articles compose offers (none by default). */
        public Builder feed(URI feed) {
            this.feed = feed == null ? null : Validate.httpUrl(feed, "feed");
            return this;
        }

        /** The card checks (default {@link HeraldLint}, the lint {@code herald preview} prints). */
        public Builder lint(Lint lint) {
            this.lint = Validate.notNull(lint, "lint");
            return this;
        }

        /** The text limits delivery checks against, for the live counts (default {@link TextLimits#defaults()}). */
        public Builder textLimits(TextLimits limits) {
            this.textLimits = Validate.notNull(limits, "limits");
            return this;
        }

        /** The time zone times are shown and entered in (default UTC). */
        public Builder zone(ZoneId zone) {
            this.zone = Validate.notNull(zone, "zone");
            return this;
        }

        /** The clock for "today" and the audit log (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** The sign-in rate limit of a standalone console (default {@link LoginThrottle#standard}). */
        public Builder throttle(LoginThrottle throttle) {
            this.throttle = Validate.notNull(throttle, "throttle");
            return this;
        }

        /** The console. */
        public Console build() {
            return new Console(this);
        }
    }
}
