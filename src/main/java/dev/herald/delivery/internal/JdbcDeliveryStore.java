package dev.herald.delivery.internal;

import dev.herald.delivery.AccountState;
import dev.herald.delivery.AccountStatus;
import dev.herald.delivery.Attempt;
import dev.herald.delivery.AuditEntry;
import dev.herald.delivery.internal.BoundConnectionDataSource;
import dev.herald.delivery.DeliveryException;
import dev.herald.delivery.internal.Dialect;
import dev.herald.delivery.Share;
import dev.herald.delivery.ShareQuery;
import dev.herald.delivery.ShareRequest;
import dev.herald.delivery.ShareState;
import dev.herald.syndication.Quota;
import dev.herald.internal.Validate;
import dev.herald.meta.ArticleMeta;
import dev.herald.meta.internal.ArticleCodec;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The outbox on plain JDBC over a {@link DataSource}: H2 or PostgreSQL, schema created by
 * {@link Migrations}. Thread-safe; holds no connection between calls.
 */
public final class JdbcDeliveryStore implements DeliveryStore {
    private static final int MESSAGE_MAX = 2000;
    private static final Duration SENDING_HOLD = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, article_url, account, network, revision, occurrence, state, due_at, slot_at,"
            + " attempts, failures, last_outcome, last_message, remote_id, remote_url, article_json, created_at,"
            + " updated_at, posted_at, claimed_by, version, share_text";
    /** The last outcome of a share whose sending node died before recording one. */
    public static final String INTERRUPTED = "interrupted";
    private static final String PENDING_OR_STOPPED = "('SCHEDULED', 'FAILED', 'CANCELLED', 'DEAD')";

    private final BoundConnectionDataSource db;
    private final Dialect dialect;

    /** A store on {@code dataSource}, whose schema must already be migrated. */
    public JdbcDeliveryStore(DataSource dataSource) {
        Validate.notNull(dataSource, "dataSource");
        this.db = BoundConnectionDataSource.of(dataSource);
        this.dialect = Dialect.of(db.target());
    }

    @Override
    public InsertResult insert(NewShare share, Instant now) {
        Validate.notNull(share, "share");
        Validate.notNull(now, "now");
        String id = share.id();
        String sql = "INSERT INTO herald_share (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,0,0,NULL,NULL,NULL,NULL,?,?,?,NULL,NULL,0,?)"
                + (dialect == Dialect.POSTGRESQL ? " ON CONFLICT DO NOTHING" : "");
        return db.inTransaction(c -> {
            int inserted;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, id);
                ps.setString(2, share.article().url().toString());
                ps.setString(3, share.account());
                ps.setString(4, share.network());
                ps.setString(5, share.revision());
                ps.setInt(6, share.occurrence());
                ps.setString(7, ShareState.SCHEDULED.name());
                setInstant(ps, 8, share.dueAt());
                setInstant(ps, 9, share.slotAt());
                ps.setString(10, ArticleCodec.snapshot(share.article()));
                setInstant(ps, 11, now);
                setInstant(ps, 12, now);
                ps.setString(13, share.text());
                inserted = ps.executeUpdate();
            } catch (SQLException e) {
                // H2 reports the conflict as an error that leaves the transaction usable.
                if (!"23505".equals(e.getSQLState())) throw e;
                inserted = 0;
            }
            if (inserted == 1) return InsertResult.CREATED;
            return exists(c, id) ? InsertResult.EXISTS : InsertResult.SLOT_TAKEN;
        });
    }

    private static boolean exists(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM herald_share WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public Optional<Share> find(String id) {
        Validate.notNull(id, "id");
        return db.withConnection(c -> findIn(c, id));
    }

    @Override
    public Optional<Due> findDue(String id) {
        Validate.notNull(id, "id");
        return db.withConnection(c -> {
            String cols = Arrays.stream(COLUMNS.split(",\\s*")).map(col -> "s." + col).collect(Collectors.joining(", "));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + cols + ", a.state, a.message, a.changed_at FROM herald_share s"
                    + " LEFT JOIN herald_account a ON a.name = s.account WHERE s.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.empty();
                    Share share = map(rs);
                    String state = rs.getString(23);
                    AccountStatus account = state == null ? AccountStatus.active(share.account())
                            : new AccountStatus(share.account(), AccountState.valueOf(state), rs.getString(24), getInstant(rs, 25));
                    return Optional.of(new Due(share, account));
                }
            }
        });
    }

    private static Optional<Share> findIn(Connection c, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM herald_share WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public List<Share> list(ShareQuery query) {
        Validate.notNull(query, "query");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM herald_share WHERE 1 = 1");
        List<ShareState> states = query.states().stream().sorted().collect(Collectors.toList());
        if (!states.isEmpty()) {
            sql.append(" AND state IN (").append("?,".repeat(states.size() - 1)).append("?)");
        }
        if (query.account() != null) sql.append(" AND account = ?");
        sql.append(" ORDER BY due_at, id FETCH FIRST ? ROWS ONLY");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = 1;
                for (ShareState s : states) ps.setString(i++, s.name());
                if (query.account() != null) ps.setString(i++, query.account());
                ps.setInt(i, query.limit());
                List<Share> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    @Override
    public Map<ShareState, Long> countByState() {
        return db.withConnection(c -> {
            Map<ShareState, Long> counts = new EnumMap<>(ShareState.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT state, count(*) FROM herald_share GROUP BY state");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) counts.put(ShareState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        });
    }

    @Override
    public ClaimResult claim(String id, long version, Instant now, String node, List<Quota> quotas) {
        Validate.notNull(id, "id");
        Validate.notNull(now, "now");
        Validate.notNull(quotas, "quotas");
        if (quotas.isEmpty()) return db.withConnection(c -> claimRow(c, id, version, now, node));
        return db.inTransaction(c -> {
            {
                Optional<Share> current = findIn(c, id);
                if (current.isEmpty() || current.get().version() != version) return new ClaimResult.Lost();
                String account = current.get().account();
                // Serialises the quota check and the claim per account across nodes; without the lock
                // two nodes could both see one free place and both take it.
                lockAccount(c, account, now);
                Instant freeAt = null;
                for (Quota q : quotas) {
                    Instant f = quotaFreeAt(c, id, account, q, now);
                    if (f != null && (freeAt == null || f.isAfter(freeAt))) freeAt = f;
                }
                if (freeAt != null) {
                    String reason = "deferred: account's quota for " + current.get().network() + " is used up until " + freeAt;
                    int n = update(c, "UPDATE herald_share SET due_at = ?, last_outcome = 'quota', last_message = ?, updated_at = ?,"
                            + " version = version + 1 WHERE id = ? AND version = ?",
                            freeAt, reason, now, id, version);
                    return n == 1 ? new ClaimResult.Deferred(freeAt, reason) : new ClaimResult.Lost();
                }
            }
            return claimRow(c, id, version, now, node);
        });
    }

    @Override
    public ClaimResult claimIfDue(String id, Instant now, String node, Collection<String> accounts) {
        Validate.notNull(id, "id");
        Validate.notNull(now, "now");
        Validate.notNull(accounts, "accounts");
        if (accounts.isEmpty()) return new ClaimResult.Lost();
        List<String> names = List.copyOf(accounts);
        String update = "UPDATE herald_share SET state = 'SENDING', attempts = attempts + 1, claimed_by = ?, updated_at = ?,"
                + " version = version + 1 WHERE id = ? AND state IN ('SCHEDULED', 'FAILED') AND due_at <= ?"
                + " AND account IN (" + "?,".repeat(names.size() - 1) + "?)"
                + " AND NOT EXISTS (SELECT 1 FROM herald_account a WHERE a.name = herald_share.account AND a.state = 'AUTH_FAILED')";
        // A share moves SCHEDULED/FAILED -> SENDING once per wake-up, so without a version check
        // two concurrent claimers still cannot both win: the second finds it SENDING.
        return db.withConnection(c -> {
            Object[] args = new Object[4 + names.size()];
            args[0] = node;
            args[1] = now;
            args[2] = id;
            args[3] = now;
            for (int i = 0; i < names.size(); i++) args[4 + i] = names.get(i);
            return returning(c, update, args);
        });
    }

    private ClaimResult returning(Connection c, String update, Object... args) throws SQLException {
        String sql = dialect == Dialect.POSTGRESQL
                ? update + " RETURNING " + COLUMNS
                : "SELECT " + COLUMNS + " FROM FINAL TABLE (" + update + ")";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ClaimResult.Claimed(map(rs)) : new ClaimResult.Lost();
            }
        }
    }

    // One statement that updates and returns the row: PostgreSQL's RETURNING, H2's FINAL TABLE.
    private ClaimResult claimRow(Connection c, String id, long version, Instant now, String node) throws SQLException {
        // Taking over a share still SENDING means the node that sent it died before recording what
        // came of it: the post may be on the account, so the sender must treat it as a lost answer.
        String update = "UPDATE herald_share SET state = 'SENDING', attempts = attempts + 1, claimed_by = ?, updated_at = ?,"
                + " last_outcome = CASE WHEN state = 'SENDING' THEN '" + INTERRUPTED + "' ELSE last_outcome END,"
                + " version = version + 1 WHERE id = ? AND version = ? AND state IN ('SCHEDULED', 'FAILED', 'SENDING')"
                + " AND due_at <= ?";
        return returning(c, update, node, now, id, version, now);
    }

    private void lockAccount(Connection c, String account, Instant now) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            update(c, "INSERT INTO herald_account (name, state, message, changed_at) VALUES (?, 'ACTIVE', NULL, ?)"
                    + " ON CONFLICT DO NOTHING", account, now);
        } else {
            try {
                update(c, "INSERT INTO herald_account (name, state, message, changed_at) SELECT ?, 'ACTIVE', NULL, ?"
                        + " WHERE NOT EXISTS (SELECT 1 FROM herald_account WHERE name = ?)", account, now, account);
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) throw e;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM herald_account WHERE name = ? FOR UPDATE")) {
            ps.setString(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
        }
    }

    /** When the account's window for {@code q} has room for one more post, or {@code null} if it has room now. */
    private static Instant quotaFreeAt(Connection c, String id, String account, Quota q, Instant now) throws SQLException {
        Instant windowStart = now.minus(q.window());
        long posted = count(c, "SELECT count(*) FROM herald_share WHERE account = ? AND state = 'POSTED' AND posted_at > ?",
                account, windowStart);
        long sending = count(c, "SELECT count(*) FROM herald_share WHERE account = ? AND state = 'SENDING' AND id <> ?",
                account, id);
        long used = posted + sending;
        if (used < q.limit()) return null;
        long k = used - q.limit(); // 0-based: the post whose leaving the window makes room
        if (k >= posted) return now.plus(SENDING_HOLD); // the window is full of sends in flight
        try (PreparedStatement ps = c.prepareStatement("SELECT posted_at FROM herald_share WHERE account = ? AND state = 'POSTED'"
                + " AND posted_at > ? ORDER BY posted_at OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY")) {
            ps.setString(1, account);
            setInstant(ps, 2, windowStart);
            ps.setLong(3, k);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return getInstant(rs, 1).plus(q.window());
            }
        }
    }

    @Override
    public boolean recordAttempt(String id, long claimedVersion, AttemptResult r, Instant now) {
        Validate.notNull(id, "id");
        Validate.notNull(r, "result");
        Validate.notNull(now, "now");
        boolean freesSlot = r.state() == ShareState.DEAD;
        String remoteUrl = r.remoteUrl() == null ? null : r.remoteUrl().toString();
        return db.inTransaction(c -> {
            boolean recorded = update(c,
                    "UPDATE herald_share SET state = ?, due_at = COALESCE(?, due_at), failures = ?, last_outcome = ?,"
                            + " last_message = ?, remote_id = COALESCE(?, remote_id), remote_url = COALESCE(?, remote_url),"
                            + " posted_at = ?, updated_at = ?, version = version + 1"
                            + (freesSlot ? ", slot_at = NULL" : "")
                            + " WHERE id = ? AND version = ? AND state = 'SENDING'",
                    r.state().name(), time(r.state() == ShareState.FAILED ? r.dueAt() : null), r.failures(), r.outcome(),
                    truncate(r.message()), truncate(r.remoteId()), remoteUrl,
                    time(r.state() == ShareState.POSTED ? now : null), now, id, claimedVersion) == 1;
            // The history row numbers the attempt as the claim counted it; a re-recorded attempt (never
            // expected: the version check above lets one through) keeps the first row.
            if (recorded) {
                update(c, "INSERT INTO herald_attempt (share_id, attempt_no, at, node, outcome, message, remote_url)"
                        + " SELECT id, attempts, ?, claimed_by, ?, ?, ? FROM herald_share s WHERE id = ?"
                        + " AND NOT EXISTS (SELECT 1 FROM herald_attempt a WHERE a.share_id = s.id AND a.attempt_no = s.attempts)",
                        now, r.outcome(), truncate(r.message()), remoteUrl, id);
            }
            return recorded;
        });
    }

    @Override
    public boolean confirm(String id, URI remoteUrl, String message, Instant now) {
        Validate.notNull(id, "id");
        Validate.notBlank(message, "message");
        return db.withConnection(c -> update(c,
                "UPDATE herald_share SET state = 'POSTED', last_outcome = 'confirmed', last_message = ?,"
                        + " remote_url = COALESCE(?, remote_url), posted_at = ?, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND state IN ('UNCERTAIN', 'DEAD')",
                truncate(message), remoteUrl == null ? null : remoteUrl.toString(), now, now, id) == 1);
    }

    @Override
    public boolean remoteIdTaken(String account, String remoteId, String exceptId) {
        Validate.notNull(account, "account");
        Validate.notNull(remoteId, "remoteId");
        Validate.notNull(exceptId, "exceptId");
        return db.withConnection(c -> count(c, "SELECT COUNT(*) FROM herald_share WHERE account = ? AND remote_id = ? AND id <> ?",
                account, remoteId, exceptId) > 0);
    }

    @Override
    public void audit(AuditEntry e) {
        Validate.notNull(e, "entry");
        db.withConnection(c -> update(c, "INSERT INTO herald_audit (at, actor, action, target, detail) VALUES (?,?,?,?,?)",
                e.at(), e.actor(), e.action(), e.target() == null ? null : truncateTo(e.target(), 2048), truncate(e.detail())));
    }

    @Override
    public List<AuditEntry> auditLog(int limit) {
        Validate.isTrue(limit > 0, "limit", "must be positive");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT at, actor, action, target, detail FROM herald_audit ORDER BY id DESC FETCH FIRST ? ROWS ONLY")) {
                ps.setInt(1, limit);
                List<AuditEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new AuditEntry(getInstant(rs, 1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
                return out;
            }
        });
    }

    @Override
    public List<Attempt> attempts(String id) {
        Validate.notNull(id, "id");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT attempt_no, at, node, outcome, message, remote_url"
                    + " FROM herald_attempt WHERE share_id = ? ORDER BY attempt_no")) {
                ps.setString(1, id);
                List<Attempt> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String url = rs.getString(6);
                        out.add(new Attempt(rs.getInt(1), getInstant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                                url == null ? null : URI.create(url)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public boolean cancel(String id, Instant now) {
        Validate.notNull(id, "id");
        return db.withConnection(c -> update(c,
                "UPDATE herald_share SET state = 'CANCELLED', slot_at = NULL, last_message = 'cancelled', updated_at = ?,"
                        + " version = version + 1 WHERE id = ? AND state IN ('SCHEDULED', 'FAILED')",
                now, id) == 1);
    }

    @Override
    public boolean reschedule(String id, Instant dueAt, Instant now) {
        Validate.notNull(id, "id");
        Validate.notNull(dueAt, "dueAt");
        return db.withConnection(c -> update(c,
                "UPDATE herald_share SET due_at = ?, slot_at = NULL, updated_at = ?, version = version + 1"
                        + " WHERE id = ? AND state IN ('SCHEDULED', 'FAILED')",
                dueAt, now, id) == 1);
    }

    @Override
    public boolean moveTo(String id, Instant dueAt, Instant slotAt, Instant now) {
        Validate.notNull(id, "id");
        Validate.notNull(dueAt, "dueAt");
        // A share that was stopped (cancelled, dead) starts afresh; a waiting one keeps its failure count.
        String sql = "UPDATE herald_share SET state = 'SCHEDULED', due_at = ?, slot_at = ?, updated_at = ?, version = version + 1,"
                + " failures = CASE WHEN state IN ('CANCELLED', 'DEAD') THEN 0 ELSE failures END,"
                + " last_message = CASE WHEN state IN ('CANCELLED', 'DEAD') THEN 'scheduled again' ELSE last_message END"
                + " WHERE id = ? AND state IN " + PENDING_OR_STOPPED;
        return db.withConnection(c -> {
            try {
                return update(c, sql, dueAt, time(slotAt), now, id) == 1;
            } catch (SQLException e) {
                // The unique (account, slot_at) index: another share holds that slot.
                if ("23505".equals(e.getSQLState())) return false;
                throw e;
            }
        });
    }

    @Override
    public boolean setText(String id, String text, Instant now) {
        Validate.notNull(id, "id");
        OwnText.check(text);
        return db.withConnection(c -> update(c,
                "UPDATE herald_share SET share_text = ?, updated_at = ?, version = version + 1 WHERE id = ? AND state IN "
                        + PENDING_OR_STOPPED,
                text, now, id) == 1);
    }

    @Override
    public boolean revive(String id, Instant now) {
        Validate.notNull(id, "id");
        return db.withConnection(c -> update(c,
                "UPDATE herald_share SET state = 'SCHEDULED', due_at = ?, failures = 0, last_message = 'retry requested',"
                        + " updated_at = ?, version = version + 1 WHERE id = ? AND state IN ('DEAD', 'CANCELLED', 'FAILED', 'UNCERTAIN')",
                now, now, id) == 1);
    }

    @Override
    public List<Share> findByPrefix(String prefix, int limit) {
        Validate.notNull(prefix, "prefix");
        Validate.isTrue(prefix.matches("[0-9a-f]*"), "prefix", "must be lower-case hexadecimal");
        Validate.isTrue(limit > 0, "limit", "must be positive");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM herald_share WHERE id LIKE ? ORDER BY id FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, prefix + "%");
                ps.setInt(2, limit);
                List<Share> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(map(rs));
                }
                return out;
            }
        });
    }

    @Override
    public List<String> orphans(String table, String taskName, int limit) {
        Validate.isTrue(table.matches("[A-Za-z_][A-Za-z0-9_]*"), "table", "must be a plain table name");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id FROM herald_share s"
                    + " WHERE s.state IN ('SCHEDULED', 'FAILED', 'SENDING') AND NOT EXISTS (SELECT 1 FROM " + table
                    + " t WHERE t.task_name = ? AND t.task_instance = s.id) ORDER BY s.due_at FETCH FIRST ? ROWS ONLY")) {
                ps.setString(1, taskName);
                ps.setInt(2, limit);
                List<String> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
                return out;
            }
        });
    }

    @Override
    public List<Instant> takenSlots(String account, Instant from, Instant to) {
        Validate.notBlank(account, "account");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT slot_at FROM herald_share WHERE account = ? AND slot_at >= ? AND slot_at < ? ORDER BY slot_at")) {
                ps.setString(1, account);
                setInstant(ps, 2, from);
                setInstant(ps, 3, to);
                List<Instant> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(getInstant(rs, 1));
                }
                return out;
            }
        });
    }

    @Override
    public AccountStatus account(String name) {
        Validate.notBlank(name, "name");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT state, message, changed_at FROM herald_account WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return AccountStatus.active(name);
                    return new AccountStatus(name, AccountState.valueOf(rs.getString(1)), rs.getString(2), getInstant(rs, 3));
                }
            }
        });
    }

    @Override
    public void setAccount(String name, AccountState state, String message, Instant now) {
        setAccount(name, state, message, null, now);
    }

    @Override
    public void setAccount(String name, AccountState state, String message, String credentialStamp, Instant now) {
        Validate.notBlank(name, "name");
        Validate.notNull(state, "state");
        Validate.isTrue(credentialStamp == null || credentialStamp.length() <= 200, "credentialStamp", "must be at most 200 characters");
        String sql = dialect == Dialect.POSTGRESQL
                ? "INSERT INTO herald_account (name, state, message, changed_at, credential_hash) VALUES (?, ?, ?, ?, ?)"
                        + " ON CONFLICT (name) DO UPDATE SET state = EXCLUDED.state, message = EXCLUDED.message,"
                        + " changed_at = EXCLUDED.changed_at, credential_hash = EXCLUDED.credential_hash"
                : "MERGE INTO herald_account (name, state, message, changed_at, credential_hash) KEY (name) VALUES (?, ?, ?, ?, ?)";
        db.withConnection(c -> update(c, sql, name, state.name(), truncate(message), now, credentialStamp));
    }

    @Override
    public Optional<String> failedCredential(String name) {
        Validate.notBlank(name, "name");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT credential_hash FROM herald_account WHERE name = ? AND state = 'AUTH_FAILED'")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<AccountStatus> accounts() {
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT name, state, message, changed_at FROM herald_account ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                List<AccountStatus> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new AccountStatus(rs.getString(1), AccountState.valueOf(rs.getString(2)), rs.getString(3), getInstant(rs, 4)));
                }
                return out;
            }
        });
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        }
    }

    private static long count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A possibly absent instant, so that a NULL is bound with its column's type (PostgreSQL insists). */
    private record Time(Instant value) {}

    private static Time time(Instant t) {
        return new Time(t);
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof Instant t) setInstant(ps, i + 1, t);
            else if (a instanceof Time t) setInstant(ps, i + 1, t.value());
            else if (a == null) ps.setNull(i + 1, java.sql.Types.VARCHAR);
            else ps.setObject(i + 1, a);
        }
    }

    // Both databases keep microseconds; truncating here makes what is read equal what was written.
    /** Writes {@code t} (or SQL null) at microsecond precision, as both databases keep it. */
    public static void setInstant(PreparedStatement ps, int index, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(index, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC));
        }
    }

    private static ArticleMeta snapshot(String json) {
        try {
            return ArticleCodec.read(json);
        } catch (IllegalArgumentException e) {
            throw new DeliveryException("cannot read article snapshot: " + e.getMessage(), e);
        }
    }

    /** Reads an instant written by {@link #setInstant}, or null. */
    public static Instant getInstant(ResultSet rs, int index) throws SQLException {
        OffsetDateTime t = rs.getObject(index, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static String truncate(String s) {
        return truncateTo(s, MESSAGE_MAX);
    }

    private static String truncateTo(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Share map(ResultSet rs) throws SQLException {
        String remoteUrl = rs.getString(15);
        return new Share(
                rs.getString(1),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                ShareState.valueOf(rs.getString(7)),
                getInstant(rs, 8),
                getInstant(rs, 9),
                rs.getInt(10),
                rs.getInt(11),
                rs.getString(12),
                rs.getString(13),
                rs.getString(14),
                remoteUrl == null ? null : URI.create(remoteUrl),
                snapshot(rs.getString(16)),
                getInstant(rs, 17),
                getInstant(rs, 18),
                getInstant(rs, 19),
                rs.getString(20),
                rs.getLong(21),
                rs.getString(22));
    }
}
