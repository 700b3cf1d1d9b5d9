package dev.herald.delivery;

import dev.herald.delivery.internal.BoundConnectionDataSource;
import dev.herald.delivery.internal.DeliveryStore;
import dev.herald.delivery.internal.NewShare;
import dev.herald.syndication.QueueSlots;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import dev.herald.delivery.internal.DeliveryStore.InsertResult;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Collectors;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DeliveryClient} on the outbox and db-scheduler: each new share's row and its
 * scheduled execution are written in one database transaction, so neither exists without the other.
 */
final class ScheduledDeliveryClient implements DeliveryClient {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDeliveryClient.class);
    private static final int MAX_LIST = 100_000;

    private final BoundConnectionDataSource db;
    private final DeliveryStore store;
    private final SchedulerClient scheduler;
    private final Map<String, String> networks;
    private final Map<String, QueueSlots> slots;
    private final Clock clock;
    private final DeliveryCounters counters;
    private final TextLimits textLimits;

    ScheduledDeliveryClient(BoundConnectionDataSource db, DeliveryStore store, SchedulerClient scheduler,
            Map<String, String> networks, Map<String, QueueSlots> slots, Clock clock, DeliveryCounters counters) {
        this(db, store, scheduler, networks, slots, clock, counters, TextLimits.defaults());
    }

    ScheduledDeliveryClient(BoundConnectionDataSource db, DeliveryStore store, SchedulerClient scheduler,
            Map<String, String> networks, Map<String, QueueSlots> slots, Clock clock, DeliveryCounters counters,
            TextLimits textLimits) {
        this.textLimits = textLimits;
        this.db = db;
        this.store = store;
        this.scheduler = scheduler;
        this.networks = new TreeMap<>(networks);
        this.slots = Map.copyOf(slots);
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public List<Share> publish(ArticleMeta article) {
        return publish(article, "");
    }

    @Override
    public List<Share> publish(ArticleMeta article, String revision) {
        Validate.notNull(article, "article");
        Validate.notNull(article.url(), "article url");
        Instant now = clock.instant();
        List<NewShare> shares = new ArrayList<>();
        networks.forEach((account, network) -> shares.add(new NewShare(article, account, network, revision, 0, now, null)));
        return create(shares, now);
    }

    @Override
    public List<Share> schedule(ShareRequest request) {
        return submit(request).stream().map(ScheduleResult::share).toList();
    }

    @Override
    public List<ScheduleResult> submit(ShareRequest request) {
        Validate.notNull(request, "request");
        return submitAll(List.of(request));
    }

    @Override
    public List<Share> scheduleAll(List<ShareRequest> requests) {
        Validate.notNull(requests, "requests");
        return submitAll(requests).stream().map(ScheduleResult::share).toList();
    }

    private record Planned(NewShare share, ShareRequest.IfExists ifExists) {}

    @Override
    public List<ScheduleResult> submitAll(List<ShareRequest> requests) {
        Validate.notNull(requests, "requests");
        Instant now = clock.instant();
        List<Planned> planned = new ArrayList<>();
        for (ShareRequest r : requests) {
            for (NewShare s : newShares(Validate.notNull(r, "request"), now)) planned.add(new Planned(s, r.ifExists()));
        }
        List<NewShare> shares = planned.stream().map(Planned::share).toList();
        Map<String, InsertResult> inserted = insertAll(shares, now);
        List<ScheduleResult> out = new ArrayList<>();
        for (Planned p : planned) {
            NewShare wanted = p.share();
            Share found = store.find(wanted.id()).orElseThrow();
            if (inserted.get(wanted.id()) == InsertResult.CREATED) {
                out.add(new ScheduleResult(found, ScheduleResult.Change.CREATED));
            } else {
                out.add(existing(found, wanted, p.ifExists(), now));
            }
        }
        return out;
    }

    /**
     * What scheduling does to a share that exists: a cancelled one is scheduled again (asking to
     * schedule it is asking for it back); any other is left alone unless the request says
     * {@link ShareRequest.IfExists#RESCHEDULE}, which moves one not yet sent.
     */
    private ScheduleResult existing(Share found, NewShare wanted, ShareRequest.IfExists ifExists, Instant now) {
        ShareState state = found.state();
        boolean restore = state == ShareState.CANCELLED
                || (ifExists == ShareRequest.IfExists.RESCHEDULE && state == ShareState.DEAD);
        boolean move = ifExists == ShareRequest.IfExists.RESCHEDULE && (state == ShareState.SCHEDULED || state == ShareState.FAILED);
        if (!restore && !move) return new ScheduleResult(found, ScheduleResult.Change.UNCHANGED);
        boolean newText = wanted.text() != null && !wanted.text().equals(found.text());
        if (move && !newText && found.dueAt().equals(wanted.dueAt()) && found.slotAt() == null) {
            return new ScheduleResult(found, ScheduleResult.Change.UNCHANGED);
        }
        if (newText) store.setText(found.id(), wanted.text(), now);
        if (!store.moveTo(found.id(), wanted.dueAt(), null, now)) {
            // It started sending (or was cancelled) a moment ago: report it as it now is.
            return new ScheduleResult(store.find(found.id()).orElseThrow(), ScheduleResult.Change.UNCHANGED);
        }
        wake(found.id(), wanted.dueAt());
        return new ScheduleResult(store.find(found.id()).orElseThrow(),
                restore ? ScheduleResult.Change.RESTORED : ScheduleResult.Change.RESCHEDULED);
    }

    private List<NewShare> newShares(ShareRequest request, Instant now) {
        String network = network(request.account());
        textLimits.check(request.account(), network, request.text());
        SendTime first = request.when() instanceof SendTime.Now ? SendTime.at(now) : request.when();
        Instant firstAt = first.resolve(clock);
        notPast(firstAt, now);
        List<NewShare> shares = new ArrayList<>();
        shares.add(new NewShare(request.article(), request.account(), network, request.revision(), 0, firstAt, null, request.text()));
        Recurrence r = request.recurrence();
        if (r != null) {
            for (int i = 1; i <= r.times(); i++) {
                Period offset = r.every().multipliedBy(i);
                shares.add(new NewShare(request.article(), request.account(), network, request.revision(), i,
                        first.plus(offset).resolve(clock), null, request.text()));
            }
        }
        return shares;
    }

    /** Refuses a time further in the past than {@link DeliveryClient#PAST_GRACE}: sending it "at once" is rarely what was meant. */
    private static void notPast(Instant at, Instant now) {
        if (at.isBefore(now.minus(PAST_GRACE))) {
            throw new IllegalArgumentException("the send time " + at + " is in the past (it is now " + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    + "); give a later time, or send it now");
        }
    }

    @Override
    public Share shareNext(ArticleMeta article, String account) {
        Validate.notNull(article, "article");
        String network = network(account);
        QueueSlots plan = slots.get(account);
        Validate.isTrue(plan != null, "account", "'" + account + "' has no queue slots configured");
        Instant now = clock.instant();
        List<Instant> candidates = plan.after(now);
        if (!candidates.isEmpty()) {
            Set<Instant> taken = new HashSet<>(store.takenSlots(account, now, candidates.get(candidates.size() - 1).plusSeconds(1)));
            for (Instant slot : candidates) {
                if (taken.contains(slot)) continue;
                NewShare share = new NewShare(article, account, network, "", 0, slot, slot);
                InsertResult result = db.inTransaction(c -> {
                    InsertResult r = store.insert(share, now);
                    if (r == InsertResult.CREATED) scheduleExecution(share.id(), slot);
                    return r;
                });
                // SLOT_TAKEN: another caller took this slot a moment ago; try the next one.
                if (result == InsertResult.CREATED) return store.find(share.id()).orElseThrow();
                if (result == InsertResult.EXISTS) {
                    Share found = store.find(share.id()).orElseThrow();
                    if (found.state() != ShareState.CANCELLED) return found;
                    // Cancelled: asking for it again is asking for it back, in this free slot.
                    if (store.moveTo(found.id(), slot, slot, now)) {
                        wake(found.id(), slot);
                        return store.find(found.id()).orElseThrow();
                    }
                }
            }
        }
        throw new DeliveryException("no free queue slot for '" + account + "' in the next " + QueueSlots.HORIZON_DAYS + " days");
    }

    private List<Share> create(List<NewShare> shares, Instant now) {
        insertAll(shares, now);
        List<Share> out = new ArrayList<>();
        for (NewShare s : shares) out.add(store.find(s.id()).orElseThrow());
        return out;
    }

    /** Inserts every share and its execution in one transaction; returns what happened to each id. */
    private Map<String, InsertResult> insertAll(List<NewShare> shares, Instant now) {
        return db.inTransaction(c -> {
            Map<String, InsertResult> results = new java.util.HashMap<>();
            for (NewShare s : shares) {
                InsertResult r = store.insert(s, now);
                results.putIfAbsent(s.id(), r);
                if (r == InsertResult.CREATED) scheduleExecution(s.id(), s.dueAt());
            }
            return results;
        });
    }

    private void scheduleExecution(String id, Instant at) {
        scheduler.scheduleIfNotExists(ShareTask.DESCRIPTOR.instance(id).scheduledTo(at));
    }

    @Override
    public boolean cancel(String shareId) {
        Validate.notBlank(shareId, "shareId");
        if (!store.cancel(shareId, clock.instant())) return false;
        // Tidy only: an execution left behind finds the share cancelled and ends without sending.
        quietly(() -> scheduler.cancel(ShareTask.DESCRIPTOR.instanceId(shareId)));
        return true;
    }

    @Override
    public boolean reschedule(String shareId, SendTime when) {
        Validate.notBlank(shareId, "shareId");
        Validate.notNull(when, "when");
        Instant now = clock.instant();
        Instant at = when.resolve(clock);
        if (!(when instanceof SendTime.Now)) notPast(at, now);
        if (!store.moveTo(shareId, at, null, now)) return false;
        wake(shareId, at);
        return true;
    }

    @Override
    public Optional<Share> rescheduleNext(String shareId) {
        Validate.notBlank(shareId, "shareId");
        Optional<Share> found = store.find(shareId);
        if (found.isEmpty() || !movable(found.get().state())) return Optional.empty();
        String account = found.get().account();
        QueueSlots plan = slots.get(account);
        Validate.isTrue(plan != null, "account", "'" + account + "' has no queue slots configured");
        Instant now = clock.instant();
        List<Instant> candidates = plan.after(now);
        Set<Instant> taken = candidates.isEmpty() ? Set.of()
                : new HashSet<>(store.takenSlots(account, now, candidates.get(candidates.size() - 1).plusSeconds(1)));
        for (Instant slot : candidates) {
            // The share's own slot is free for it.
            if (taken.contains(slot) && !slot.equals(found.get().slotAt())) continue;
            if (store.moveTo(shareId, slot, slot, now)) {
                wake(shareId, slot);
                return store.find(shareId);
            }
            // Either the share changed (sending, sent) or another caller took this slot a moment ago.
            if (store.find(shareId).filter(s -> movable(s.state())).isEmpty()) return Optional.empty();
        }
        throw new DeliveryException("no free queue slot for '" + account + "' in the next " + QueueSlots.HORIZON_DAYS + " days");
    }

    private static boolean movable(ShareState state) {
        return state != ShareState.SENDING && state != ShareState.POSTED;
    }

    @Override
    public boolean setText(String shareId, String text) {
        Validate.notBlank(shareId, "shareId");
        Optional<Share> found = store.find(shareId);
        if (found.isEmpty()) return false;
        textLimits.check(found.get().account(), found.get().network(), text);
        return store.setText(shareId, text, clock.instant());
    }

    @Override
    public Share resolve(String idOrPrefix) {
        Validate.notNull(idOrPrefix, "id");
        String prefix = idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (!prefix.matches("[0-9a-f]{" + MIN_ID_PREFIX + ",64}")) {
            throw new IllegalArgumentException("'" + Validate.abbreviate(idOrPrefix) + "' is not a share id: give at least "
                    + MIN_ID_PREFIX + " of its hexadecimal characters, as 'queue list' shows them");
        }
        List<Share> found = store.findByPrefix(prefix, 6);
        if (found.isEmpty()) throw new IllegalArgumentException("no share has an id starting with " + prefix);
        if (found.size() > 1) {
            throw new IllegalArgumentException("'" + prefix + "' is ambiguous: it starts the ids of "
                    + found.stream().map(Share::id).limit(5).collect(Collectors.joining(", "))
                    + (found.size() > 5 ? " and more" : "") + "; give more characters");
        }
        return found.get(0);
    }

    @Override
    public boolean retry(String shareId) {
        Validate.notBlank(shareId, "shareId");
        Instant now = clock.instant();
        boolean revived = db.inTransaction(c -> {
            if (!store.revive(shareId, now)) return false;
            scheduleExecution(shareId, now);
            return true;
        });
        if (revived) wake(shareId, now);
        return revived;
    }

    @Override
    public boolean confirm(String shareId, java.net.URI remoteUrl) {
        Validate.notBlank(shareId, "shareId");
        if (remoteUrl != null) {
            String scheme = remoteUrl.getScheme();
            Validate.isTrue(remoteUrl.isAbsolute() && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)),
                    "remoteUrl", "must be an absolute http(s) URL");
        }
        return store.confirm(shareId, remoteUrl, "confirmed by hand: the post is on the account", clock.instant());
    }

    @Override
    public List<Attempt> attempts(String shareId) {
        Validate.notBlank(shareId, "shareId");
        return store.attempts(shareId);
    }

    @Override
    public List<AuditEntry> auditLog(int limit) {
        Validate.isTrue(limit > 0, "limit", "must be positive");
        return store.auditLog(limit);
    }

    @Override
    public List<StoredCredential> storedCredentials() {
        return JdbcCredentialStore.list(db);
    }

    @Override
    public void audit(String actor, String action, String target, String detail) {
        Validate.notBlank(actor, "actor");
        Validate.isTrue(actor.length() <= 200, "actor", "must be at most 200 characters");
        Validate.notBlank(action, "action");
        Validate.isTrue(action.length() <= 64, "action", "must be at most 64 characters");
        store.audit(new AuditEntry(clock.instant(), actor, action, target, detail));
    }

    @Override
    public DeliveryClient as(String actor) {
        return new AuditingDeliveryClient(this, store, clock, actor);
    }

    @Override
    public int credentialsChanged(String account) {
        return clear(account, "credentials changed");
    }

    @Override
    public int resetAccount(String account) {
        Validate.notBlank(account, "account");
        if (!networks.containsKey(account) && store.accounts().stream().noneMatch(a -> a.name().equals(account))) {
            throw new IllegalArgumentException("unknown account '" + Validate.abbreviate(account) + "'; configured: " + networks.keySet());
        }
        return clear(account, "reset by hand");
    }

    /** Marks the account active with {@code reason} and wakes its waiting shares; returns how many were woken. */
    int clear(String account, String reason) {
        Validate.notBlank(account, "account");
        Instant now = clock.instant();
        store.setAccount(account, AccountState.ACTIVE, reason, now);
        int woken = 0;
        for (Share s : store.list(ShareQuery.inStates(MAX_LIST, ShareState.SCHEDULED, ShareState.FAILED).forAccount(account))) {
            Instant at = s.dueAt().isAfter(now) ? s.dueAt() : now;
            if (wake(s.id(), at)) woken++;
        }
        return woken;
    }

    /** Moves the share's execution to {@code at}, creating it if it went missing; false if it is running. */
    private boolean wake(String shareId, Instant at) {
        try {
            if (scheduler.getScheduledExecution(ShareTask.DESCRIPTOR.instanceId(shareId)).isPresent()) {
                return scheduler.reschedule(ShareTask.DESCRIPTOR.instanceId(shareId), at);
            }
            scheduleExecution(shareId, at);
            return true;
        } catch (TaskInstanceException e) {
            // Running right now: that run reads the outbox afresh and honours the change.
            LOG.debug("Share {} not woken: {}", shareId, e.getMessage());
            return false;
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (TaskInstanceException e) {
            LOG.debug("Scheduler tidy-up skipped: {}", e.getMessage());
        }
    }

    private String network(String account) {
        Validate.notBlank(account, "account");
        String network = networks.get(account);
        if (network == null) {
            throw new IllegalArgumentException("unknown account '" + Validate.abbreviate(account) + "'; configured: " + networks.keySet());
        }
        return network;
    }

    @Override
    public Optional<Share> find(String shareId) {
        Validate.notNull(shareId, "shareId");
        return store.find(shareId);
    }

    @Override
    public List<Share> list(ShareQuery query) {
        return store.list(query);
    }

    @Override
    public AccountStatus account(String account) {
        return store.account(account);
    }

    @Override
    public List<String> accounts() {
        return List.copyOf(networks.keySet());
    }

    @Override
    public List<AccountStatus> accountStatuses() {
        Map<String, AccountStatus> all = new TreeMap<>();
        for (String name : networks.keySet()) all.put(name, AccountStatus.active(name));
        for (AccountStatus recorded : store.accounts()) all.put(recorded.name(), recorded);
        return List.copyOf(all.values());
    }

    @Override
    public DeliveryStats stats() {
        return new DeliveryStats(store.countByState(), counters.snapshot());
    }
}
