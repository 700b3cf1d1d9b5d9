package dev.herald.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the indexes of Herald's tables in an embedded H2 database when a worker starts.
 *
 * <p>Why: when a process is killed mid-statement, H2 (2.x, MVStore) can reopen the file with a
 * secondary index that disagrees with its table — the crash test reproduced it about once in
 * ten runs, as "Row not found when trying to delete from index" on the next update of the row,
 * leaving that share stuck. Dropping and recreating the index is H2's own remedy; doing it at
 * every worker start covers every crash, since a crash is always followed by a start, and costs
 * little for an outbox's size. PostgreSQL does not need this.
 */
final class H2Indexes {
    private static final Logger LOG = LoggerFactory.getLogger(H2Indexes.class);

    /** Drop and create statements, in order; names and columns as in the V1 migration. */
    private static final List<String> REBUILD = List.of(
            "DROP INDEX IF EXISTS herald_share_state_due",
            "CREATE INDEX herald_share_state_due ON herald_share (state, due_at)",
            "DROP INDEX IF EXISTS herald_share_account_posted",
            "CREATE INDEX herald_share_account_posted ON herald_share (account, posted_at)",
            "DROP INDEX IF EXISTS herald_share_article",
            "CREATE INDEX herald_share_article ON herald_share (article_url)",
            "DROP INDEX IF EXISTS herald_share_account_slot",
            "CREATE UNIQUE INDEX herald_share_account_slot ON herald_share (account, slot_at)",
            "ALTER TABLE herald_share DROP PRIMARY KEY",
            "ALTER TABLE herald_share ADD PRIMARY KEY (id)",
            "DROP INDEX IF EXISTS herald_scheduled_tasks_execution_time",
            "CREATE INDEX herald_scheduled_tasks_execution_time ON herald_scheduled_tasks (execution_time)",
            "DROP INDEX IF EXISTS herald_scheduled_tasks_last_heartbeat",
            "CREATE INDEX herald_scheduled_tasks_last_heartbeat ON herald_scheduled_tasks (last_heartbeat)",
            "DROP INDEX IF EXISTS herald_scheduled_tasks_priority_time",
            "CREATE INDEX herald_scheduled_tasks_priority_time ON herald_scheduled_tasks (priority DESC, execution_time ASC)",
            "ALTER TABLE herald_scheduled_tasks DROP PRIMARY KEY",
            "ALTER TABLE herald_scheduled_tasks ADD PRIMARY KEY (task_name, task_instance)");

    private H2Indexes() {}

    static void rebuild(DataSource dataSource) {
        long t0 = System.nanoTime();
        // H2 commits each DDL statement on its own; every step is written so that a rebuild cut
        // short by another crash is completed by the next one.
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String sql : REBUILD) {
                if (sql.endsWith("DROP PRIMARY KEY")) {
                    try {
                        s.execute(sql);
                    } catch (SQLException noPrimaryKey) {
                        LOG.debug("No primary key to drop: {}", noPrimaryKey.getMessage());
                    }
                } else {
                    s.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new DeliveryException("cannot rebuild Herald's H2 indexes: " + e.getMessage(), e);
        }
        LOG.debug("Rebuilt Herald's H2 indexes in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }
}
