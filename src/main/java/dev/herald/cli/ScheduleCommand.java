package dev.herald.cli;

import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.Recurrence;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareRequest;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code herald schedule}: puts an article's shares into the delivery queue — now, at a time, at a
 * local time in a time zone, or in each account's next free queue slot — and prints one line per share.
 */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Schedule an article's shares (sent by a running 'herald worker' or the app).")
public final class ScheduleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--config", paramLabel = "FILE", defaultValue = "herald.yaml",
            description = "Configuration listing the accounts (default ${DEFAULT-VALUE}); only names, networks and slots are read.")
    Path config;

    @Option(names = "--account", paramLabel = "NAME", description = "Account to share to (repeatable; default: every enabled account).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL",
            description = "The article's public URL: with ARTICLE a file, its link; without ARTICLE, the article itself (with --title, --summary).")
    String url;

    @Option(names = "--title", paramLabel = "TEXT", description = "The headline (overrides the page's).")
    String title;

    @Option(names = "--summary", paramLabel = "TEXT", description = "The summary (overrides the page's).")
    String summary;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ARTICLE",
            description = "The article page, an http(s) URL to fetch or an HTML file: its metadata is resolved as the filter would.")
    String page;

    @Option(names = "--revision", paramLabel = "REV", defaultValue = "",
            description = "Article revision: the same revision is shared once, a new one again.")
    String revision;

    @ArgGroup(exclusive = true)
    When when = new When();

    /** When to send; one of these, or now. */
    static final class When {
        @Option(names = "--at", paramLabel = "TIME",
                description = "An instant (2025-03-30T09:00:00Z, 2025-03-30T09:00+02:00) or, with --zone, a local time (2025-03-30T02:30).")
        String at;

        @Option(names = "--next", description = "Each account's next free queue slot (accounts need 'slots' in the configuration).")
        boolean next;
    }

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of a local --at time, such as Europe/Berlin.")
    String zone;

    @Option(names = "--every-days", paramLabel = "N", description = "Re-share every N days (with --times).")
    Integer everyDays;

    @Option(names = "--times", paramLabel = "K", description = "How many re-shares after the first (with --every-days).")
    Integer times;

    private final Clock clock;

    /** The command as the CLI runs it. */
    public ScheduleCommand() {
        this(Clock.systemUTC());
    }

    /** The command with "now" taken from {@code clock}. */
    public ScheduleCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        SyndicationConfig settings = SyndicationConfig.load(config);
        ArticleMeta article = article(settings);
        Map<String, String> configured = settings.networks();
        List<String> targets = accounts.isEmpty() ? List.copyOf(configured.keySet()) : accounts;
        for (String a : targets) {
            if (!configured.containsKey(a)) {
                throw new ParameterException(spec.commandLine(), "unknown account '" + a + "'; " + config + " lists " + configured.keySet());
            }
        }
        Recurrence recurrence = recurrence();
        SendTime sendTime = sendTime();
        try (DeliveryDatabase db = database.open()) {
            DeliveryClient client = Delivery.client(db, configured, settings.queueSlots(), clock);
            List<Share> shares = new ArrayList<>();
            for (String account : targets) {
                if (when.next) {
                    shares.add(client.shareNext(article, account));
                } else {
                    shares.addAll(client.schedule(new ShareRequest(article, account, sendTime, revision, recurrence)));
                }
            }
            for (Share s : shares) {
                out.printf("%s  %-12s %-9s due %s%n", s.id(), s.account(), s.state(), s.dueAt());
            }
        }
        out.flush();
        return 0;
    }

    /** The article: read from its page when one is given, else from the options alone. */
    private ArticleMeta article(SyndicationConfig settings) throws IOException {
        if (page == null) {
            if (url == null) throw new ParameterException(spec.commandLine(), "give the article page (a URL or a file), or --url with --title");
            try {
                return ArticleMeta.builder().url(url).title(title).description(summary).build();
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--url: " + e.getMessage());
            }
        }
        ArticleMeta read;
        try (HttpTransport http = HttpTransport.builder().fetchPolicy(settings.fetchPolicy()).build()) {
            read = ArticleInput.read(page, url, null, settings, http);
        }
        ArticleMeta.Builder b = read.toBuilder();
        if (title != null) b.title(title);
        if (summary != null) b.description(summary);
        return b.build();
    }

    private Recurrence recurrence() {
        if (everyDays == null && times == null) return null;
        if (everyDays == null || times == null) {
            throw new ParameterException(spec.commandLine(), "--every-days and --times go together");
        }
        try {
            return Recurrence.everyDays(everyDays, times);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private SendTime sendTime() {
        if (when.at == null) {
            if (zone != null) throw new ParameterException(spec.commandLine(), "--zone needs a local --at time");
            return SendTime.now();
        }
        if (zone == null) {
            try {
                return SendTime.at(OffsetDateTime.parse(when.at).toInstant());
            } catch (DateTimeParseException e) {
                try {
                    return SendTime.at(Instant.parse(when.at));
                } catch (DateTimeParseException e2) {
                    throw new ParameterException(spec.commandLine(),
                            "--at '" + when.at + "' needs an offset (Z or +02:00), or give --zone for a local time");
                }
            }
        }
        try {
            return SendTime.at(LocalDateTime.parse(when.at), ZoneId.of(zone));
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--at '" + when.at + "' is not a local time such as 2025-03-30T02:30");
        } catch (DateTimeException e) {
            throw new ParameterException(spec.commandLine(), "--zone '" + zone + "' is not a time zone such as Europe/Berlin");
        }
    }
}
