package io.vortex.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes DAG rows straight into a metadatabase, the way the DAG processor will, so API and
 * console tests have DAGs before DAG parsing exists. Ids are negative, out of the range the
 * application's sequences hand out.
 */
public final class DagRows {

    private static final AtomicLong NEXT_ID = new AtomicLong(-1000);

    private DagRows() {
    }

    /** A DAG to insert: its id, owners, schedule, tags and whether it is paused. */
    public record DagRow(String dagId, String owners, String schedule, List<String> tags, boolean paused) {
    }

    public static void insert(JdbcTarget database, DagRow... dags) {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement dag = connection.prepareStatement(
                    "INSERT INTO dag (id, version, dag_id, fileloc, owners, description, schedule_interval, is_paused,"
                            + " is_active, is_dynamic, max_active_tasks, max_active_runs, last_parsed_time)"
                            + " VALUES (?, 1, ?, ?, ?, ?, ?, ?, TRUE, FALSE, 16, 16, ?)");
                 PreparedStatement tag = connection.prepareStatement("INSERT INTO dag_tag (dag_pk, name) VALUES (?, ?)")) {
                for (DagRow row : dags) {
                    long id = NEXT_ID.getAndDecrement();
                    dag.setLong(1, id);
                    dag.setString(2, row.dagId());
                    dag.setString(3, "/dags/" + row.dagId() + ".py");
                    dag.setString(4, row.owners());
                    dag.setString(5, "Test DAG " + row.dagId());
                    dag.setString(6, row.schedule());
                    dag.setBoolean(7, row.paused());
                    dag.setTimestamp(8, Timestamp.from(Instant.now()));
                    dag.executeUpdate();
                    for (String name : row.tags()) {
                        tag.setLong(1, id);
                        tag.setString(2, name);
                        tag.executeUpdate();
                    }
                }
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot insert DAG rows into " + database.url(), e);
        }
    }
}
