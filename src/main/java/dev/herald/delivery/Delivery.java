package dev.herald.delivery;

import dev.herald.delivery.internal.BoundConnectionDataSource;
import dev.herald.delivery.internal.CredentialStamp;
import dev.herald.delivery.internal.DeliveryStore;
import dev.herald.delivery.internal.Dialect;
import dev.herald.delivery.internal.FeedWatcher;
import dev.herald.delivery.internal.JdbcDeliveryStore;
import dev.herald.delivery.internal.JdbcFeedLedger;
import dev.herald.delivery.internal.Migrations;
import dev.herald.syndication.QueueSlots;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.jdbc.AutodetectJdbcCustomization;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.herald.internal.Validate;
import dev.herald.metrics.HeraldMetrics;
import dev.herald.syndication.FetchPolicy;
import dev.herald.syndication.HttpTransport;
import dev.herald.syndication.Syndicator;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable delivery in one object: the outbox on the application's {@link DataSource} and a
 * db-scheduler worker that sends each due share exactly once, on this node or another sharing the
 * database.
 *
 * <pre>{@code
 * Delivery delivery = Delivery.builder(dataSource).syndicators(syndicators).build().start();
 * delivery.client().publish(article);   // one share per account, sent now
 * ...
 * delivery.close();                      // on shutdown
 * }</pre>
 *
 * <p>Application servers that should only schedule (while dedicated workers send) use
 * {@link #client(DataSource, Map)} instead.
 */
public final class Delivery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private final Scheduler scheduler;
    private final ScheduledDeliveryClient client;
    private final String node;
    private final DeliveryStore store;
    private final Map<String, String> credentials;
    private final CredentialVerifier credentialVerifier;

    private Delivery(Scheduler scheduler, ScheduledDeliveryClient client, String node, DeliveryStore store,
            Map<String, String> credentials, CredentialVerifier credentialVerifier) {
        this.scheduler = scheduler;
        this.client = client;
        this.node = node;
        this.store = store;
        this.credentials = credentials;
        this.credentialVerifier = credentialVerifier;
    }

    /** A builder for delivery on {@code dataSource} (H2 or PostgreSQL; pooled). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * A client that schedules shares on {@code dataSource} for the given accounts (name → network)
     * without sending anything itself; workers elsewhere send them. Migrates the schema first.
     */
    public static DeliveryClient client(DataSource dataSource, Map<String, String> accounts) {
        return client(dataSource, accounts, Clock.systemUTC());
    }

    /** As {@link #client(DataSource, Map)}, taking "now" from {@code clock}. */
    public static DeliveryClient client(DataSource dataSource, Map<String, String> accounts, Clock clock) {
        return client(dataSource, accounts, Map.of(), clock);
    }

    /** As {@link #client(DataSource, Map, Clock)}, with queue slots per account for {@link DeliveryClient#shareNext}. */
    public static DeliveryClient client(DataSource dataSource, Map<String, String> accounts, Map<String, QueueSlots> slots, Clock clock) {
        return client(dataSource, accounts, slots, clock, TextLimits.defaults());
    }

    /** As {@link #client(DataSource, Map, Map, Clock)}, checking shares' own texts by {@code textLimits}. */
    public static DeliveryClient client(DataSource dataSource, Map<String, String> accounts, Map<String, QueueSlots> slots, Clock clock,
            TextLimits textLimits) {
        Validate.notNull(textLimits, "textLimits");
        Validate.notNull(dataSource, "dataSource");
        Validate.notNull(accounts, "accounts");
        Validate.notNull(slots, "slots");
        Validate.notNull(clock, "clock");
        BoundConnectionDataSource db = BoundConnectionDataSource.of(dataSource);
        Migrations.migrate(db.target());
        SchedulerClient schedulerClient = SchedulerClient.Builder.create(db, ShareTask.clientOnly())
                .tableName(ShareTask.TABLE)
                // The same timestamp handling as the workers' schedulers (alwaysPersistTimestampInUTC).
                .jdbcCustomization(new AutodetectJdbcCustomization(db.target(), true))
                .build();
        return new ScheduledDeliveryClient(db, new JdbcDeliveryStore(db), schedulerClient, accounts, slots,
                clock, new DeliveryCounters(), textLimits);
    }

    /**
     * Starts sending due shares; returns this. First, each of this node's auth-failed accounts is
     * cleared when its credentials differ from those that failed (see
     * {@link Builder#credentials}) or when the {@link Builder#credentialVerifier} accepts them.
     */
    public Delivery start() {
        recoverAccounts();
        scheduler.start();
        return this;
    }

    private void recoverAccounts() {
        for (String account : client.accounts()) {
            if (!store.account(account).authFailed()) continue;
            String material = credentials.get(account);
            Optional<String> failed = store.failedCredential(account);
            if (material != null && failed.isPresent() && !CredentialStamp.matches(failed.get(), material)) {
                int woken = client.clear(account, "new credentials at worker start");
                LOG.info("Account '{}' was auth-failed; its credentials changed since, so its {} waiting share(s) resume", account, woken);
            } else if (credentialVerifier != null && accepted(account)) {
                int woken = client.clear(account, "credentials accepted at worker start");
                LOG.info("Account '{}' was auth-failed; the network accepts its credentials now, so its {} waiting share(s) resume",
                        account, woken);
            } else {
                LOG.warn("Account '{}' is auth-failed ({}); its shares wait until its credentials change or 'herald accounts reset {}'",
                        account, store.account(account).message(), account);
            }
        }
    }

    private boolean accepted(String account) {
        try {
            return credentialVerifier.accepted(account);
        } catch (RuntimeException e) {
            LOG.warn("Credential check for '{}' failed; the account stays auth-failed", account, e);
            return false;
        }
    }

    /** The client for scheduling and managing shares. */
    public DeliveryClient client() {
        return client;
    }

    /** The db-scheduler instance doing the work; for tests that drive it by hand, not API (db-scheduler's types stay out of it). */
    Scheduler scheduler() {
        return scheduler;
    }

    /** This node's name, recorded on every share it claims. */
    public String node() {
        return node;
    }

    /** Stops sending, letting running sends finish (up to db-scheduler's shutdown wait). */
    @Override
    public void close() {
        scheduler.stop();
    }

    /** Configures a {@link Delivery}; every setting has a sane default except the syndicators. */
    public static final class Builder {
        private final DataSource dataSource;
        private final Map<String, Syndicator> syndicators = new LinkedHashMap<>();
        private final Map<String, String> networks = new LinkedHashMap<>();
        private final Map<String, QueueSlots> slots = new HashMap<>();
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private NetworkQuotas quotas = NetworkQuotas.defaults();
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new Random();
        private int threads = 16;
        private Duration pollingInterval = Duration.ofSeconds(1);
        private Duration heartbeatInterval = Duration.ofSeconds(30);
        private int missedHeartbeats = 4;
        private Duration parkFor = Duration.ofHours(1);
        private String node;
        private boolean migrate = true;
        private BiFunction<DataSource, List<Task<?>>, SchedulerBuilder> schedulerFactory = Scheduler::create;
        private final List<URI> feeds = new ArrayList<>();
        private Duration feedInterval = Duration.ofMinutes(5);
        private FetchPolicy feedFetchPolicy = FetchPolicy.PUBLIC_ONLY;
        private dev.herald.page.HeraldConfig feedSite = dev.herald.page.HeraldConfig.DEFAULTS;
        private Duration sweepInterval = Duration.ofMinutes(5);
        private HeraldMetrics metrics = HeraldMetrics.global();
        private final Map<String, String> credentials = new HashMap<>();
        private CredentialVerifier credentialVerifier;
        private TextLimits textLimits = TextLimits.defaults();

        private Builder(DataSource dataSource) {
            this.dataSource = Validate.notNull(dataSource, "dataSource");
        }

        /** The accounts to send to, one syndicator each; account names must be unique. */
        public Builder syndicators(List<? extends Syndicator> list) {
            Validate.notNull(list, "syndicators");
            for (Syndicator s : list) {
                Validate.notNull(s, "syndicator");
                Validate.isTrue(!syndicators.containsKey(s.account()), "syndicators", "name account '" + s.account() + "' twice");
                syndicators.put(s.account(), s);
                networks.put(s.account(), s.network());
            }
            return this;
        }

        /** Gives {@code account} Buffer-style queue slots for {@link DeliveryClient#shareNext}. */
        public Builder slots(String account, QueueSlots plan) {
            slots.put(Validate.notBlank(account, "account"), Validate.notNull(plan, "slots"));
            return this;
        }

        /** How transient failures are retried (default {@link RetryPolicy#DEFAULT}). */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Validate.notNull(policy, "retryPolicy");
            return this;
        }

        /** The per-network posting caps (default {@link NetworkQuotas#defaults()}). */
        public Builder quotas(NetworkQuotas quotas) {
            this.quotas = Validate.notNull(quotas, "quotas");
            return this;
        }

        /** The clock for due times and backoff (default UTC system clock); the scheduler uses it too. */
        public Builder clock(Clock clock) {
            this.clock = Validate.notNull(clock, "clock");
            return this;
        }

        /** The source of backoff jitter. */
        public Builder random(RandomGenerator random) {
            this.random = Validate.notNull(random, "random");
            return this;
        }

        /** How many shares this node sends at once (default 16). */
        public Builder threads(int threads) {
            Validate.isTrue(threads >= 1, "threads", "must be at least 1");
            this.threads = threads;
            return this;
        }

        /** How often the database is checked for due shares (default 1 s). */
        public Builder pollingInterval(Duration interval) {
            this.pollingInterval = Validate.notNull(interval, "pollingInterval");
            return this;
        }

        /**
         * How often a node proves it is alive (default 30 s) and how many missed beats make its
         * in-flight shares another node's (default 4, the least db-scheduler allows): the longest a crashed node's sends wait.
         */
        public Builder heartbeat(Duration interval, int missedBeforeDead) {
            this.heartbeatInterval = Validate.notNull(interval, "heartbeat interval");
            Validate.isTrue(missedBeforeDead >= 4, "missedBeforeDead", "must be at least 4 (db-scheduler's minimum)");
            this.missedHeartbeats = missedBeforeDead;
            return this;
        }

        /** How long a share waits before looking again while its account is auth-failed or unconfigured (default 1 h). */
        public Builder parkFor(Duration parkFor) {
            this.parkFor = Validate.notNull(parkFor, "parkFor");
            return this;
        }

        /** This node's name, unique among the nodes sharing the database (default host name and process id). */
        public Builder node(String node) {
            this.node = Validate.notBlank(node, "node");
            return this;
        }

        /**
         * Watches RSS/Atom {@code feeds}, polling every {@code every} (one node at a time) and
         * publishing each new entry to every account, its page resolved as the filter resolves it
         * ({@link #feedSite}); a feed's first poll only remembers its entries.
         */
        public Builder watchFeeds(List<URI> feeds, Duration every) {
            Validate.notNull(feeds, "feeds");
            for (URI f : feeds) this.feeds.add(Validate.httpUrl(f, "feed"));
            this.feedInterval = Validate.notNull(every, "every");
            return this;
        }

        /**
         * Which non-public hosts and networks feed fetches may reach, redirects included (default:
         * public addresses only); list an internal feed host here.
         */
        public Builder feedFetchPolicy(FetchPolicy policy) {
            this.feedFetchPolicy = Validate.notNull(policy, "policy");
            return this;
        }

        /**
         * The site settings (name, default image, X handle …) each new feed entry's page is resolved
         * with before it is shared, as the filter resolves it (default: none beyond the page's own).
         */
        public Builder feedSite(dev.herald.page.HeraldConfig site) {
            this.feedSite = Validate.notNull(site, "site");
            return this;
        }

        /** How often one node looks for pending shares whose scheduled execution went missing (default 5 min). */
        public Builder sweepEvery(Duration interval) {
            this.sweepInterval = Validate.notNull(interval, "interval");
            return this;
        }

        /**
         * Where attempts, lag and quota deferrals are reported (default {@link HeraldMetrics#global()}:
         * Micrometer's global registry when Micrometer is present).
         */
        public Builder metrics(HeraldMetrics metrics) {
            this.metrics = Validate.notNull(metrics, "metrics");
            return this;
        }

        /**
         * What {@code account}'s credentials are now (its resolved token or password, with the
         * settings that choose them, such as the server): Herald keeps only a salted
         * {@link CredentialStamp} of them with an auth failure, and a worker started with different
         * credentials clears the failure by itself.
         */
        public Builder credentials(String account, String material) {
            credentials.put(Validate.notBlank(account, "account"), Validate.notNull(material, "material"));
            return this;
        }

        /** Asked at start about auth-failed accounts whose credentials are unchanged; see {@link CredentialVerifier}. */
        public Builder credentialVerifier(CredentialVerifier check) {
            this.credentialVerifier = Validate.notNull(check, "check");
            return this;
        }

        /** How long a share's own text may be per network (default {@link TextLimits#defaults()}). */
        public Builder textLimits(TextLimits limits) {
            this.textLimits = Validate.notNull(limits, "textLimits");
            return this;
        }

        /** Whether to migrate the schema when building (default true). */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * Where the db-scheduler builder comes from (default {@code Scheduler::create}); tests pass
         * db-scheduler's {@code TestHelper.createManualScheduler} to drive time by hand.
         */
        Builder schedulerFactory(BiFunction<DataSource, List<Task<?>>, SchedulerBuilder> factory) {
            this.schedulerFactory = Validate.notNull(factory, "schedulerFactory");
            return this;
        }

        /** Migrates the schema (unless disabled) and builds the worker and client, not yet started. */
        public Delivery build() {
            Validate.isTrue(!syndicators.isEmpty(), "syndicators", "must name at least one account");
            for (String account : slots.keySet()) {
                Validate.isTrue(networks.containsKey(account), "slots", "name unknown account '" + account + "'");
            }
            BoundConnectionDataSource db = BoundConnectionDataSource.of(dataSource);
            if (migrate) Migrations.migrate(db.target());
            Dialect dialect = Dialect.of(db.target());
            if (dialect == Dialect.H2) H2Indexes.rebuild(db.target());
            String name = node != null ? node : defaultNode();
            DeliveryCounters counters = new DeliveryCounters(metrics);
            JdbcDeliveryStore store = new JdbcDeliveryStore(db);
            for (String account : credentials.keySet()) {
                Validate.isTrue(networks.containsKey(account), "credentials", "name unknown account '" + account + "'");
            }
            ShareSender sender = new ShareSender(store, syndicators, retryPolicy, quotas, clock, random, name, parkFor, counters,
                    credentials);
            List<Task<?>> tasks = new ArrayList<>(List.of(ShareTask.create(sender)));
            RecurringTask<Void> feedTask = null;
            if (!feeds.isEmpty()) {
                List<URI> watched = List.copyOf(feeds);
                Map<String, String> accounts = Map.copyOf(networks);
                Map<String, QueueSlots> accountSlots = Map.copyOf(slots);
                FetchPolicy feedPolicy = feedFetchPolicy;
                dev.herald.page.HeraldConfig site = feedSite;
                // One node at a time polls (a recurring task has a single execution); it publishes
                // through the scheduler that runs it.
                feedTask = Tasks.recurring("herald-feeds", FixedDelay.of(feedInterval)).execute((instance, context) -> {
                    DeliveryClient feedClient = new ScheduledDeliveryClient(db, store, context.getSchedulerClient(), accounts,
                            accountSlots, clock, counters, textLimits);
                    try (HttpTransport http = HttpTransport.builder().fetchPolicy(feedPolicy).build()) {
                        FeedWatcher watcher = new FeedWatcher(feedClient, new JdbcFeedLedger(db), clock, http,
                                new dev.herald.syndication.ArticlePages(site, http));
                        for (URI feed : watched) {
                            try {
                                watcher.poll(feed);
                            } catch (DeliveryException e) {
                                LOG.warn("Feed {} not polled: {}", feed, e.getMessage());
                            }
                        }
                    } catch (java.io.IOException e) {
                        LOG.debug("closing the feed transport failed", e);
                    }
                });
            }
            SchedulerBuilder sb = schedulerFactory.apply(db, tasks)
                    .tableName(ShareTask.TABLE)
                    .schedulerName(new SchedulerName.Fixed(name))
                    .threads(threads)
                    .pollingInterval(pollingInterval)
                    .heartbeatInterval(heartbeatInterval)
                    .missedHeartbeatsLimit(missedHeartbeats)
                    .alwaysPersistTimestampInUTC()
                    .enableImmediateExecution()
                    .clock(clock::instant);
            // Belt and braces: a pending share whose execution went missing (a database that lost
            // a write, a hand-edited table) is found and scheduled again.
            RecurringTask<Void> sweepTask = Tasks.recurring("herald-outbox-sweep", FixedDelay.of(sweepInterval))
                    .execute((instance, context) -> {
                        for (String id : store.orphans(ShareTask.TABLE, ShareTask.NAME, 1_000)) {
                            LOG.warn("Share {} had no scheduled execution; scheduling it again", id);
                            context.getSchedulerClient().scheduleIfNotExists(
                                    ShareTask.DESCRIPTOR.instance(id).scheduledTo(clock.instant()));
                        }
                    });
            // A recurring task is scheduled (once, cluster-wide) only when registered as a start task.
            List<RecurringTask<Void>> startTasks = new ArrayList<>(List.of(sweepTask));
            if (feedTask != null) startTasks.add(feedTask);
            sb.startTasks(startTasks);
            if (dialect == Dialect.POSTGRESQL) {
                // SELECT … FOR UPDATE SKIP LOCKED: nodes take disjoint batches instead of racing for the same rows.
                sb.pollUsingLockAndFetch(0.5, 1.0);
            }
            Scheduler scheduler = sb.build();
            ScheduledDeliveryClient client = new ScheduledDeliveryClient(db, store, scheduler, networks, slots, clock, counters,
                    textLimits);
            return new Delivery(scheduler, client, name, store, Map.copyOf(credentials), credentialVerifier);
        }

        private static String defaultNode() {
            String host;
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "herald";
            }
            return host + "-" + ProcessHandle.current().pid();
        }
    }
}
