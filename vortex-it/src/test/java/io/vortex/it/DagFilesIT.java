package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.DagFiles;
import io.vortex.it.support.Database;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DAG files dropped into the DAG folder of a running server: their DAGs, tasks and import
 * errors appear in the REST API within seconds, Python 3 files go to CPython, edits create
 * versions, removed files deactivate their DAGs, and .airflowignore is honoured.
 */
class DagFilesIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static VortexServer server;
    private static ApiClient api;
    private static DagFiles files;

    @BeforeAll
    static void server() {
        server = VortexServers.of(Database.POSTGRESQL);
        api = server.api();
        files = new DagFiles(server);
    }

    @Test
    void aClassicDagFileShowsItsDagTasksAndEdgesAsAirflowBuildsThem() {
        files.write("it_classic.py", """
                from datetime import datetime, timedelta
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator
                from airflow.utils.task_group import TaskGroup

                with DAG("it_classic", schedule="0 3 * * *", start_date=datetime(2024, 1, 1), catchup=False,
                         default_args={"owner": "ops", "retries": 2, "retry_delay": timedelta(minutes=1)},
                         tags=["it"], description="classic syntax") as dag:
                    start = EmptyOperator(task_id="start")
                    with TaskGroup("load") as load:
                        a = BashOperator(task_id="a", bash_command="echo {{ ds }}")
                        b = BashOperator(task_id="b", bash_command="echo b", retries=5, pool="slow")
                        a >> b
                    done = EmptyOperator(task_id="done", trigger_rule="all_done")
                    start >> load >> done
                """);

        JsonNode dag = files.awaitDag("it_classic", node -> true);
        assertThat(dag.get("schedule_interval").get("__type").asText()).isEqualTo("CronExpression");
        assertThat(dag.get("schedule_interval").get("value").asText()).isEqualTo("0 3 * * *");
        assertThat(dag.get("owners").get(0).asText()).isEqualTo("ops");
        assertThat(dag.get("tags").get(0).get("name").asText()).isEqualTo("it");
        assertThat(dag.get("parsed_by").asText()).isEqualTo("jython");
        assertThat(dag.get("has_import_errors").asBoolean()).isFalse();

        JsonNode tasks = api.get("dags/it_classic/tasks").json();
        assertThat(tasks.get("total_entries").asInt()).isEqualTo(4);
        assertThat(ids(tasks.get("tasks"), "task_id")).containsExactly("done", "load.a", "load.b", "start");
        JsonNode start = api.get("dags/it_classic/tasks/start").json();
        assertThat(ids(start.get("downstream_task_ids"))).containsExactly("load.a");
        JsonNode b = api.get("dags/it_classic/tasks/load.b").json();
        assertThat(ids(b.get("downstream_task_ids"))).containsExactly("done");
        assertThat(b.get("retries").asInt()).isEqualTo(5);
        assertThat(b.get("pool").asText()).isEqualTo("slow");
        assertThat(b.get("owner").asText()).isEqualTo("ops");
        assertThat(b.get("retry_delay").get("seconds").asInt()).isEqualTo(60);
        assertThat(b.get("class_ref").get("class_name").asText()).isEqualTo("BashOperator");
        assertThat(api.get("dags/it_classic/tasks/done").json().get("trigger_rule").asText()).isEqualTo("all_done");
        assertThat(api.get("dags/it_classic/tasks/nope").status()).isEqualTo(404);

        JsonNode details = api.get("dags/it_classic/details").json();
        assertThat(details.get("catchup").asBoolean()).isFalse();
        assertThat(details.get("start_date").asText()).startsWith("2024-01-01T00:00:00");

        ApiClient.Response source = api.get("dagSources/" + dag.get("file_token").asText());
        assertThat(source.json().get("content").asText()).contains("with DAG(\"it_classic\"");
    }

    @Test
    void aPython3OnlyFileIsParsedByCPython() {
        files.write("it_modern.py", """
                from __future__ import annotations
                import pendulum
                from airflow.decorators import dag, task

                @dag(schedule=None, start_date=pendulum.datetime(2024, 1, 1, tz="UTC"), tags=["it"])
                def it_modern():
                    @task
                    def numbers() -> list[int]:
                        return [1, 2, 3]

                    @task
                    def total(values: list[int]) -> int:
                        print(f"sum is {sum(values)}")
                        return sum(values)

                    total(numbers())

                it_modern()
                """);

        JsonNode dag = files.awaitDag("it_modern", node -> true);
        assertThat(dag.get("parsed_by").asText()).isEqualTo("cpython");
        assertThat(dag.get("schedule_interval").isNull()).isTrue();
        assertThat(ids(api.get("dags/it_modern/tasks/numbers").json().get("downstream_task_ids"))).containsExactly("total");
    }

    @Test
    void aBrokenFileBecomesAnImportErrorWithItsLineAndHurtsNoOtherFile() {
        files.write("it_broken.py", """
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator

                with DAG("it_broken", schedule=None) as dag:
                    EmptyOperator(task_id="a") >>
                """);
        files.write("it_fine.py", """
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator

                with DAG("it_fine", schedule=None) as dag:
                    EmptyOperator(task_id="a")
                """);

        files.awaitDag("it_fine", node -> true);
        JsonNode error = awaitImportError("it_broken.py");
        assertThat(error.get("stack_trace").asText()).contains("SyntaxError");
        assertThat(error.get("line_number").asInt()).isEqualTo(5);
        assertThat(api.get("importErrors/" + error.get("import_error_id").asLong()).status()).isEqualTo(200);
        assertThat(api.get("dags/it_broken").status()).isEqualTo(404);
    }

    @Test
    void editingAFileStoresANewVersionAndRemovingItDeactivatesItsDag() throws IOException, SQLException {
        String body = """
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator

                with DAG("it_versions", schedule=None, description="%s") as dag:
                    EmptyOperator(task_id="only")
                """;
        Path file = files.write("it_versions.py", body.formatted("first"));
        files.awaitDag("it_versions", node -> "first".equals(node.get("description").asText()));

        Files.writeString(file, body.formatted("second"));
        files.awaitDag("it_versions", node -> "second".equals(node.get("description").asText()));
        assertThat(versionsOf("it_versions")).containsExactly(1, 2);

        Files.delete(file);
        files.awaitDag("it_versions", node -> !node.get("is_active").asBoolean());
    }

    @Test
    void airflowignoreKeepsFilesOutAndFactorySpecsBuildDynamicDags() {
        files.write("ignored/.airflowignore", "skip_.*\n");
        files.write("ignored/skip_me.py", """
                from airflow import DAG
                with DAG("it_ignored", schedule=None) as dag:
                    pass
                """);
        files.write("ignored/it_spec.yaml", """
                it_spec:
                  schedule: "@daily"
                  start_date: 2024-01-01
                  tasks:
                    first:
                      operator: BashOperator
                      bash_command: echo first
                    second:
                      operator: EmptyOperator
                      dependencies: [first]
                """);

        JsonNode spec = files.awaitDag("it_spec", node -> true);
        assertThat(spec.get("is_dynamic").asBoolean()).isTrue();
        assertThat(ids(api.get("dags/it_spec/tasks/first").json().get("downstream_task_ids"))).containsExactly("second");
        assertThat(api.get("dags/it_ignored").status()).isEqualTo(404);
    }

    private static JsonNode awaitImportError(String fileName) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            for (JsonNode error : api.get("importErrors?limit=100").json().get("import_errors")) {
                if (error.get("filename").asText().endsWith("/" + fileName)) {
                    return error;
                }
            }
            DagFiles.pause(Duration.ofMillis(100));
        }
        throw new AssertionError("no import error for " + fileName + " within " + PATIENCE.toSeconds() + " s");
    }

    private static List<Integer> versionsOf(String dagId) throws SQLException {
        try (Connection connection = server.jdbc().connect();
             PreparedStatement query = connection.prepareStatement("SELECT v.version_number FROM dag_version v"
                     + " JOIN dag d ON d.id = v.dag_pk WHERE d.dag_id = ? ORDER BY v.version_number")) {
            query.setString(1, dagId);
            List<Integer> versions = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getInt(1));
                }
            }
            return versions;
        }
    }

    private static List<String> ids(JsonNode array, String field) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get(field).asText()));
        return ids;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.asText()));
        return ids;
    }
}
