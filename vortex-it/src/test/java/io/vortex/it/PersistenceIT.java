package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.Database;
import io.vortex.it.support.DagRows;
import io.vortex.it.support.DagRows.DagRow;
import io.vortex.it.support.JdbcTarget;
import io.vortex.it.support.StartScript;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The metadatabase on each supported database: Flyway's schema, EclipseLink's mapping, and data
 * that outlives a server restart, whether written by the application or by another process.
 */
class PersistenceIT {

    @ParameterizedTest
    @EnumSource(Database.class)
    void dataSurvivesRestartsAndFlywayRecordsTheSchema(Database database) throws SQLException, IOException {
        VortexServer server = VortexServers.of(database);
        String prefix = "persist_" + database.name().toLowerCase() + "_";

        // H2 is an embedded file database: only one process may hold it, so rows go in while the server is down
        server.stop();
        assertThat(endedSchedulerJobs(server.jdbc())).as("a stopped server ends its scheduler job").isPositive();
        DagRows.insert(server.jdbc(),
                new DagRow(prefix + "one", "alice", "@daily", List.of("keep"), false),
                new DagRow(prefix + "two", "bob", null, List.of(), false));
        assertThat(schemaVersion(server.jdbc())).as("every migration applied").isEqualTo(newestMigration());
        server.start();

        JsonNode listed = server.api().get("dags?dag_id_pattern=" + prefix).json();
        assertThat(listed.get("total_entries").asInt()).isEqualTo(2);
        assertThat(listed.at("/dags/0/tags/0/name").asText()).isEqualTo("keep");
        assertThat(server.api().patchJson("dags/" + prefix + "two", "{\"is_paused\": true}").status()).isEqualTo(200);

        server.restart();

        assertThat(server.api().get("dags/" + prefix + "two").json().get("is_paused").asBoolean()).isTrue();
        assertThat(server.api().get("dags/" + prefix + "one").json().get("is_paused").asBoolean()).isFalse();
        assertThat(server.api().get("health").json().at("/metadatabase/status").asText()).isEqualTo("healthy");
    }

    /** The highest version among the Flyway migrations in the source tree, e.g. "2" for V2__x.sql. */
    private static String newestMigration() throws IOException {
        try (Stream<Path> files = Files.list(StartScript.sourceDir().resolve("vortex-ejb/src/main/resources/db/migration"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max(Integer::compare)
                    .map(String::valueOf)
                    .orElseThrow();
        }
    }

    private static String schemaVersion(JdbcTarget database) throws SQLException {
        return queryString(database, "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE"
                + " ORDER BY \"installed_rank\" DESC");
    }

    private static int endedSchedulerJobs(JdbcTarget database) throws SQLException {
        return Integer.parseInt(queryString(database,
                "SELECT COUNT(*) FROM job WHERE job_type = 'SchedulerJob' AND state = 'success' AND end_date IS NOT NULL"));
    }

    private static String queryString(JdbcTarget database, String sql) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
