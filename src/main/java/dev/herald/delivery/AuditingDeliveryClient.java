package dev.herald.delivery;

import dev.herald.delivery.internal.DeliveryStore;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link DeliveryClient} acting for one person: every change it makes succeeds or fails exactly as
 * the client it wraps, and each one that changes something is written to the audit log under the
 * person's name. Reads pass straight through.
 */
final class AuditingDeliveryClient implements DeliveryClient {
    private final DeliveryClient client;
    private final DeliveryStore store;
    private final Clock clock;
    private final String actor;

    AuditingDeliveryClient(DeliveryClient client, DeliveryStore store, Clock clock, String actor) {
        Validate.notBlank(actor, "actor");
        Validate.isTrue(actor.length() <= 200, "actor", "must be at most 200 characters");
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.actor = actor;
    }

    private void log(String action, String target, String detail) {
        store.audit(new AuditEntry(clock.instant(), actor, action, target, detail));
    }

    private <T> T logged(String action, String target, String detail, Supplier<T> change) {
        T result = change.get();
        if (!Boolean.FALSE.equals(result)) log(action, target, detail);
        return result;
    }

    @Override
    public DeliveryClient as(String otherActor) {
        return client.as(otherActor);
    }

    @Override
    public List<Share> publish(ArticleMeta article) {
        return publish(article, "");
    }

    @Override
    public List<Share> publish(ArticleMeta article, String revision) {
        List<Share> shares = client.publish(article, revision);
        for (Share s : shares) log("publish", s.id(), s.account() + " " + s.article().url());
        return shares;
    }

    @Override
    public List<Share> schedule(ShareRequest request) {
        // Through submit, which says what changed: a share that exists and is left alone is no change.
        return logResults(client.submit(request)).stream().map(ScheduleResult::share).toList();
    }

    @Override
    public List<ScheduleResult> submit(ShareRequest request) {
        return logResults(client.submit(request));
    }

    @Override
    public List<ScheduleResult> submitAll(List<ShareRequest> requests) {
        return logResults(client.submitAll(requests));
    }

    @Override
    public List<Share> scheduleAll(List<ShareRequest> requests) {
        Instant before = clock.instant();
        List<Share> shares = client.scheduleAll(requests);
        // Shares that existed and were left alone keep their last change time: only the changed are logged.
        for (Share s : shares) {
            if (!s.updatedAt().isBefore(before)) log("schedule", s.id(), s.account() + " at " + s.dueAt() + " " + s.article().url());
        }
        return shares;
    }

    private List<ScheduleResult> logResults(List<ScheduleResult> results) {
        for (ScheduleResult r : results) {
            if (r.change() == ScheduleResult.Change.UNCHANGED) continue;
            Share s = r.share();
            log("schedule", s.id(), r.change().name().toLowerCase(java.util.Locale.ROOT) + ": " + s.account() + " at " + s.dueAt()
                    + " " + s.article().url());
        }
        return results;
    }

    @Override
    public Share shareNext(ArticleMeta article, String account) {
        Share s = client.shareNext(article, account);
        log("schedule", s.id(), s.account() + " in the slot at " + s.dueAt() + " " + s.article().url());
        return s;
    }

    @Override
    public boolean cancel(String shareId) {
        return logged("cancel", shareId, null, () -> client.cancel(shareId));
    }

    @Override
    public boolean reschedule(String shareId, SendTime when) {
        return logged("reschedule", shareId, String.valueOf(when), () -> client.reschedule(shareId, when));
    }

    @Override
    public Optional<Share> rescheduleNext(String shareId) {
        Optional<Share> moved = client.rescheduleNext(shareId);
        moved.ifPresent(s -> log("reschedule", shareId, "next slot: " + s.dueAt()));
        return moved;
    }

    @Override
    public boolean setText(String shareId, String text) {
        String detail = text == null ? "composed from the article again" : text.codePointCount(0, text.length()) + " characters";
        return logged("set-text", shareId, detail, () -> client.setText(shareId, text));
    }

    @Override
    public boolean retry(String shareId) {
        return logged("retry", shareId, null, () -> client.retry(shareId));
    }

    @Override
    public boolean confirm(String shareId, URI remoteUrl) {
        return logged("confirm", shareId, remoteUrl == null ? null : remoteUrl.toString(), () -> client.confirm(shareId, remoteUrl));
    }

    @Override
    public int credentialsChanged(String account) {
        int woken = client.credentialsChanged(account);
        log("credentials-changed", account, woken + " shares woken");
        return woken;
    }

    @Override
    public int resetAccount(String account) {
        int woken = client.resetAccount(account);
        log("reset-account", account, woken + " shares woken");
        return woken;
    }

    @Override
    public Share resolve(String idOrPrefix) {
        return client.resolve(idOrPrefix);
    }

    @Override
    public Optional<Share> find(String shareId) {
        return client.find(shareId);
    }

    @Override
    public List<Share> list(ShareQuery query) {
        return client.list(query);
    }

    @Override
    public List<Attempt> attempts(String shareId) {
        return client.attempts(shareId);
    }

    @Override
    public List<AuditEntry> auditLog(int limit) {
        return client.auditLog(limit);
    }

    @Override
    public List<StoredCredential> storedCredentials() {
        return client.storedCredentials();
    }

    @Override
    public void audit(String actor, String action, String target, String detail) {
        client.audit(actor, action, target, detail);
    }

    @Override
    public AccountStatus account(String account) {
        return client.account(account);
    }

    @Override
    public List<String> accounts() {
        return client.accounts();
    }

    @Override
    public List<AccountStatus> accountStatuses() {
        return client.accountStatuses();
    }

    @Override
    public DeliveryStats stats() {
        return client.stats();
    }
}
