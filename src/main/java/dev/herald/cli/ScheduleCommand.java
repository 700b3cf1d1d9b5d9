package dev.herald.cli;

import dev.herald.delivery.Delivery;
import dev.herald.delivery.DeliveryClient;
import dev.herald.delivery.DeliveryDatabase;
import dev.herald.delivery.Recurrence;
import dev.herald.delivery.ScheduleResult;
import dev.herald.delivery.SendTime;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareRequest;
import dev.herald.delivery.ShareState;
import dev.herald.meta.ArticleMeta;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.config.SyndicationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * local time in a time zone, or in each account's next free queue slot — and prints one line per
 * share saying what happened to it. A share that exists already is shown and left alone (exit 1)
 * unless {@code --reschedule} is given; a cancelled one is scheduled again.
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

    @Option(names = "--text", paramLabel = "TEXT",
            description = "The share's own text, posted exactly as written instead of the account's template (checked against each network's limit).")
    String text;

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
                description = "An instant (2025-03-30T09:00:00Z, 2025-03-30T09:00+02:00) or, with --zone, a local time (2025-03-30T02:30). Past times are refused.")
        String at;

        @Option(names = "--next", description = "Each account's next free queue slot (accounts need 'slots' in the configuration).")
        boolean next;

        @Option(names = "--now", description = "Send at once (the default when no time is given).")
        boolean now;
    }

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of a local --at time, such as Europe/Berlin; times are also shown in it.")
    String zone;

    @Option(names = "--reschedule",
            description = "When a share exists already, move it to this time (and --text) instead of leaving it unchanged.")
    boolean reschedule;

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
        Map<String, String> configured = settings.networks();
        List<String> targets = accounts.isEmpty() ? List.copyOf(configured.keySet()) : accounts;
        for (String a : targets) {
            if (!configured.containsKey(a)) {
                throw new ParameterException(spec.commandLine(), "unknown account '" + a + "'; " + config + " lists " + configured.keySet());
            }
        }
        ShareLines lines = new ShareLines(ConfigOption.zones(Optional.of(settings)), zone == null ? null : zoneOrFail());
        Recurrence recurrence = recurrence();
        SendTime sendTime = sendTime();
        if (when.next && text != null) throw new ParameterException(spec.commandLine(), "--text goes with --at or --now, not --next");
        for (String account : targets) {
            if (!(sendTime instanceof SendTime.Now)) {
                try {
                    SendTimes.notPast(sendTime, clock, lines, account);
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), e.getMessage());
                }
            }
        }
        ArticleMeta article = article(settings);
        List<ScheduleResult> results = new ArrayList<>();
        try (DeliveryDatabase db = database.open()) {
            DeliveryClient client = Delivery.client(db, configured, settings.queueSlots(), clock).as(QueueCommand.cliActor());
            if (when.next) {
                for (String account : targets) results.add(next(client, article, account));
            } else {
                ShareRequest.IfExists ifExists = reschedule ? ShareRequest.IfExists.RESCHEDULE : ShareRequest.IfExists.KEEP;
                List<ShareRequest> requests = new ArrayList<>();
                for (String account : targets) {
                    requests.add(new ShareRequest(article, account, sendTime, revision, recurrence, text, ifExists));
                }
                results.addAll(client.submitAll(requests));
            }
        }
        int unchanged = 0;
        for (ScheduleResult r : results) {
            Share s = r.share();
            String what = switch (r.change()) {
                case CREATED -> "scheduled";
                case RESCHEDULED -> "rescheduled";
                case RESTORED -> "scheduled again";
                case UNCHANGED -> "exists";
            };
            String time = s.state() == ShareState.POSTED && s.postedAt() != null
                    ? "posted " + lines.time(s.postedAt(), s.account()) : "due " + lines.time(s.dueAt(), s.account());
            out.printf("%s  %-12s %-15s %-9s %s  %s%n", s.shortId(), s.account(), what, s.state(), time, ShareLines.quoted(s.headline()));
            if (r.change() == ScheduleResult.Change.UNCHANGED) unchanged++;
        }
        out.flush();
        if (unchanged > 0) {
            spec.commandLine().getErr().printf("herald: %d share(s) exist already and were left unchanged; %s%n", unchanged,
                    reschedule ? "shares being sent or already posted cannot be moved (a new --revision shares again)"
                            : "add --reschedule to move them, or use 'herald queue reschedule ID'");
            spec.commandLine().getErr().flush();
            return 1;
        }
        return 0;
    }

    /** The account's next free slot; an existing share is left alone unless --reschedule moves it. */
    private ScheduleResult next(DeliveryClient client, ArticleMeta article, String account) {
        String id = Share.keyOf(article.url(), account, "", 0);
        Optional<Share> existing = client.find(id);
        if (existing.isPresent() && existing.get().state() != ShareState.CANCELLED) {
            if (!reschedule) return new ScheduleResult(existing.get(), ScheduleResult.Change.UNCHANGED);
            return client.rescheduleNext(id).map(s -> new ScheduleResult(s, ScheduleResult.Change.RESCHEDULED))
                    .orElseGet(() -> new ScheduleResult(client.find(id).orElseThrow(), ScheduleResult.Change.UNCHANGED));
        }
        Share s = client.shareNext(article, account);
        return new ScheduleResult(s, existing.isPresent() ? ScheduleResult.Change.RESTORED : ScheduleResult.Change.CREATED);
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

    private ZoneId zoneOrFail() {
        try {
            return SendTimes.zone(zone);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private SendTime sendTime() {
        if (when.at == null) {
            if (zone != null && !when.next && !when.now) throw new ParameterException(spec.commandLine(), "--zone needs a local --at time");
            return SendTime.now();
        }
        try {
            return SendTimes.parse(when.at, zone);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
