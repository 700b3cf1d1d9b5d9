package dev.herald.delivery.internal;

import dev.herald.delivery.internal.BoundConnectionDataSource;
import dev.herald.internal.Validate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.net.URI;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The feed ledger in the delivery database ({@code herald_feed}, {@code herald_feed_entry}). */
public final class JdbcFeedLedger implements FeedLedger {
    private final BoundConnectionDataSource db;

    /** A ledger on {@code dataSource}, whose schema must already be migrated. */
    public JdbcFeedLedger(DataSource dataSource) {
        this.db = BoundConnectionDataSource.of(Validate.notNull(dataSource, "dataSource"));
    }

    @Override
    public boolean seeded(String feedUrl) {
        Validate.notBlank(feedUrl, "feedUrl");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM herald_feed WHERE id = ?")) {
                ps.setString(1, hash(feedUrl));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public Set<String> unseen(String feedUrl, Collection<String> entryIds) {
        Validate.notBlank(feedUrl, "feedUrl");
        String feed = hash(feedUrl);
        return db.withConnection(c -> {
            Set<String> out = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM herald_feed_entry WHERE feed_id = ? AND entry_key = ?")) {
                for (String id : entryIds) {
                    ps.setString(1, feed);
                    ps.setString(2, hash(id));
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) out.add(id);
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void markSeen(String feedUrl, Collection<String> entryIds, Instant now) {
        Validate.notBlank(feedUrl, "feedUrl");
        String feed = hash(feedUrl);
        db.inTransaction(c -> {
            if (!exists(c, "SELECT 1 FROM herald_feed WHERE id = ?", feed, null)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO herald_feed (id, url, seeded_at) VALUES (?, ?, ?)")) {
                    ps.setString(1, feed);
                    ps.setString(2, feedUrl.length() <= 2048 ? feedUrl : feedUrl.substring(0, 2048));
                    JdbcDeliveryStore.setInstant(ps, 3, now);
                    ps.executeUpdate();
                }
            }
            for (String id : entryIds) {
                String key = hash(id);
                if (exists(c, "SELECT 1 FROM herald_feed_entry WHERE feed_id = ? AND entry_key = ?", feed, key)) continue;
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO herald_feed_entry (feed_id, entry_key, entry_id, seen_at) VALUES (?, ?, ?, ?)")) {
                    ps.setString(1, feed);
                    ps.setString(2, key);
                    ps.setString(3, id.length() <= 2048 ? id : id.substring(0, 2048));
                    JdbcDeliveryStore.setInstant(ps, 4, now);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM herald_feed_resolution WHERE feed_id = ? AND entry_key = ?")) {
                for (String id : entryIds) {
                    ps.setString(1, feed);
                    ps.setString(2, hash(id));
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<URI> resolution(String feedUrl, String entryId) {
        Validate.notBlank(feedUrl, "feedUrl");
        Validate.notNull(entryId, "entryId");
        return db.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT article_url FROM herald_feed_resolution WHERE feed_id = ? AND entry_key = ?")) {
                ps.setString(1, hash(feedUrl));
                ps.setString(2, hash(entryId));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(URI.create(rs.getString(1))) : Optional.<URI>empty();
                }
            }
        });
    }

    @Override
    public void resolved(String feedUrl, String entryId, URI articleUrl, Instant now) {
        Validate.notBlank(feedUrl, "feedUrl");
        Validate.notNull(entryId, "entryId");
        String url = Validate.httpUrl(articleUrl, "articleUrl").toString();
        // Longer URLs are not kept: the share key would then not be found again, as before this record existed.
        if (url.length() > 2048) return;
        String feed = hash(feedUrl);
        String key = hash(entryId);
        db.inTransaction(c -> {
            if (exists(c, "SELECT 1 FROM herald_feed_resolution WHERE feed_id = ? AND entry_key = ?", feed, key)) return null;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO herald_feed_resolution (feed_id, entry_key, article_url, resolved_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, feed);
                ps.setString(2, key);
                ps.setString(3, url);
                JdbcDeliveryStore.setInstant(ps, 4, now);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static boolean exists(java.sql.Connection c, String sql, String a, String b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, a);
            if (b != null) ps.setString(2, b);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    // Fixed-length keys: feed URLs and entry ids may be longer than an index allows.
    private static String hash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
