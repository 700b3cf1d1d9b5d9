package dev.herald.share;

import dev.herald.buttons.Network;
import dev.herald.delivery.internal.Migrations;
import dev.herald.internal.Validate;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Share counts kept in Herald's database (the delivery store's: the embedded H2 file by default,
 * or PostgreSQL shared by several app servers), so they survive restarts and add up across nodes.
 *
 * <p>Counting is best effort: when the database cannot be reached a share is still redirected, the
 * failure is logged, and the count reads as absent rather than breaking the page.
 */
public final class JdbcShareCounter implements ShareCounter {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcShareCounter.class);
    private static final String INCREMENT = "update herald_share_count set shares = shares + 1 where url = ? and network = ?";
    private static final String INSERT = "insert into herald_share_count (url, network, shares) values (?, ?, 1)";
    private static final String SELECT = "select network, shares from herald_share_count where url = ?";
    private static final String ROWS = "select count(*) from herald_share_count";
    private static final int MAX_URL = 2048;
    /** The default bound on rows (page and network pairs): about 50 MB of table at the longest URLs. */
    public static final int DEFAULT_MAX_ROWS = 20_000;

    private final DataSource dataSource;
    private final int maxRows;

    private JdbcShareCounter(DataSource dataSource, int maxRows) {
        this.dataSource = dataSource;
        this.maxRows = maxRows;
    }

    /**
     * A counter on {@code dataSource} (a {@link dev.herald.delivery.DeliveryDatabase}, or the app's
     * own H2 or PostgreSQL pool) holding at most {@link #DEFAULT_MAX_ROWS} rows, bringing Herald's
     * tables up to date first.
     */
    public static JdbcShareCounter on(DataSource dataSource) {
        return on(dataSource, DEFAULT_MAX_ROWS);
    }

    /**
     * A counter on {@code dataSource} holding at most {@code maxRows} rows (one per page and network):
     * once full, pages already counted keep counting and new ones are not counted, so invented URLs
     * cannot grow the table without bound. Nodes inserting at the same moment may pass the bound by
     * a few rows.
     */
    public static JdbcShareCounter on(DataSource dataSource, int maxRows) {
        Validate.notNull(dataSource, "dataSource");
        Validate.isTrue(maxRows > 0, "maxRows", "must be positive");
        Migrations.migrate(dataSource);
        return new JdbcShareCounter(dataSource, maxRows);
    }

    @Override
    public void record(URI url, Network network) {
        Validate.notNull(url, "url");
        Validate.notNull(network, "network");
        String key = url.toString();
        if (key.length() > MAX_URL) return; // the endpoint bounds URLs far below this; never a truncated key
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            // Update first: after a page's first share, that is the only statement. Two nodes
            // inserting the same first row at once: the loser's insert fails on the key and it updates.
            for (int attempt = 0; attempt < 3; attempt++) {
                if (execute(c, INCREMENT, key, network) == 1) return;
                if (full(c)) {
                    LOG.debug("Share of {} to {} not counted: the table holds its {} rows", key, network.id(), maxRows);
                    return;
                }
                try {
                    execute(c, INSERT, key, network);
                    return;
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) throw e;
                }
            }
            LOG.warn("Share of {} to {} not counted: the row kept changing under it", key, network.id());
        } catch (SQLException e) {
            LOG.warn("Share of {} to {} not counted: {}", key, network.id(), e.getMessage());
        }
    }

    // Only asked before an insert, that is for a page and network not counted yet: never on the hot path.
    private boolean full(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ROWS); ResultSet rs = s.executeQuery()) {
            return rs.next() && rs.getLong(1) >= maxRows;
        }
    }

    private static int execute(Connection c, String sql, String url, Network network) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, url);
            s.setString(2, network.id());
            return s.executeUpdate();
        }
    }

    @Override
    public Map<Network, Long> counts(URI url) {
        Validate.notNull(url, "url");
        Map<Network, Long> out = new EnumMap<>(Network.class);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, url.toString());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    try {
                        if (rs.getLong(2) > 0) out.put(Network.of(rs.getString(1)), rs.getLong(2));
                    } catch (IllegalArgumentException retired) {
                        // a network this version no longer offers: its count is not shown
                    }
                }
            }
        } catch (SQLException e) {
            LOG.warn("Share counts of {} unavailable: {}", url, e.getMessage());
            return Map.of();
        }
        return out;
    }
}
