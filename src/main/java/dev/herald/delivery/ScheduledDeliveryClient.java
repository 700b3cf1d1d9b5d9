package dev.herald.delivery;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import dev.herald.delivery.DeliveryStore.InsertResult;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.time.Clock;
import java.time.Instant;
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

    ScheduledDeliveryClient(BoundConnectionDataSource db, DeliveryStore store, SchedulerClient scheduler,
            Map<String, String> networks, Map<String, QueueSlots> slots, Clock clock, DeliveryCounters counters) {
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
        Validate.notNull(request, "request");
        Instant now = clock.instant();
        return create(newShares(request, now), now);
    }

    @Override
    public List<Share> scheduleAll(List<ShareRequest> requests) {
        Validate.notNull(requests, "requests");
        Instant now = clock.instant();
        List<NewShare> shares = new ArrayList<>();
        for (ShareRequest r : requests) shares.addAll(newShares(Validate.notNull(r, "request"), now));
        return create(shares, now);
    }

    private List<NewShare> newShares(ShareRequest request, Instant now) {
        String network = network(request.account());
        SendTime first = request.when() instanceof SendTime.Now ? SendTime.at(now) : request.when();
        List<NewShare> shares = new ArrayList<>();
        shares.add(new NewShare(request.article(), request.account(), network, request.revision(), 0, first.resolve(clock), null));
        Recurrence r = request.recurrence();
        if (r != null) {
            for (int i = 1; i <= r.times(); i++) {
                Period offset = r.every().multipliedBy(i);
                shares.add(new NewShare(request.article(), request.account(), network, request.revision(), i,
                        first.plus(offset).resolve(clock), null));
            }
        }
        return shares;
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
                if (result != InsertResult.SLOT_TAKEN) return store.find(share.id()).orElseThrow();
            }
        }
        throw new DeliveryException("no free queue slot for '" + account + "' in the next " + QueueSlots.HORIZON_DAYS + " days");
    }

    private List<Share> create(List<NewShare> shares, Instant now) {
        db.inTransaction(c -> {
            for (NewShare s : shares) {
                if (store.insert(s, now) == InsertResult.CREATED) scheduleExecution(s.id(), s.dueAt());
            }
            return null;
        });
        List<Share> out = new ArrayList<>();
        for (NewShare s : shares) out.add(store.find(s.id()).orElseThrow());
        return out;
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
        Instant at = when.resolve(clock);
        if (!store.reschedule(shareId, at, clock.instant())) return false;
        wake(shareId, at);
        return true;
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
    public int credentialsChanged(String account) {
        Validate.notBlank(account, "account");
        Instant now = clock.instant();
        store.setAccount(account, AccountState.ACTIVE, "credentials changed", now);
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
    public DeliveryStats stats() {
        return new DeliveryStats(store.countByState(), counters.snapshot());
    }
}
