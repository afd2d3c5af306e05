package io.vortex.it;

import static io.vortex.it.support.DagRunCalls.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.DagFiles;
import io.vortex.it.support.DagRunCalls;
import io.vortex.it.support.Database;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scheduler creating DAG runs as Airflow does (data intervals, catchup, max_active_runs,
 * paused DAGs) and manual triggers, seen through the REST API of a running server.
 */
class DagRunsIT {

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
    void aShortScheduleCreatesContiguousRunsWithAirflowsIdsAndIntervals() {
        files.write("runs_every_3s.py", dagFile("runs_every_3s", "timedelta(seconds=3)", "datetime(2024, 1, 1)", false, 16, false));

        JsonNode runs = files.await("dags/runs_every_3s/dagRuns?order_by=execution_date", page -> page.get("total_entries").asInt() >= 3)
                .get("dag_runs");

        JsonNode first = runs.get(0);
        assertThat(first.get("run_type").asText()).isEqualTo("scheduled");
        assertThat(first.get("state").asText()).isIn("queued", "running", "success");
        assertThat(first.get("external_trigger").asBoolean()).isFalse();
        assertThat(first.get("conf").isObject()).isTrue();
        assertThat(first.get("dag_run_id").asText()).isEqualTo("scheduled__" + first.get("logical_date").asText());
        assertThat(first.get("logical_date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00")
                .isEqualTo(first.get("execution_date").asText()).isEqualTo(first.get("data_interval_start").asText());
        for (int i = 0; i < 3; i++) {
            JsonNode run = runs.get(i);
            assertThat(Duration.between(time(run, "data_interval_start"), time(run, "data_interval_end"))).isEqualTo(Duration.ofSeconds(3));
            assertThat(time(run, "data_interval_start").toEpochSecond() % 3).as("rounded to the interval, as Airflow does").isZero();
            if (i > 0) {
                assertThat(run.get("data_interval_start").asText()).isEqualTo(runs.get(i - 1).get("data_interval_end").asText());
            }
        }
        JsonNode dag = api.get("dags/runs_every_3s").json();
        assertThat(time(dag, "next_dagrun")).isAfterOrEqualTo(time(runs.get(2), "data_interval_end"));
    }

    @Test
    void catchupCreatesTheMissedIntervalsUpToMaxActiveRunsAndHoldsTheNext() {
        files.write("runs_catchup.py", dagFile("runs_catchup", "\"@daily\"", "datetime(2024, 1, 1)", true, 3, false,
                "BashOperator(task_id=\"slow\", bash_command=\"sleep 60\")"));

        JsonNode runs = files.await("dags/runs_catchup/dagRuns?order_by=execution_date", page -> page.get("total_entries").asInt() >= 3)
                .get("dag_runs");
        DagFiles.pause(Duration.ofSeconds(2));

        assertThat(api.get("dags/runs_catchup/dagRuns").json().get("total_entries").asInt()).isEqualTo(3);
        assertThat(values(runs, "logical_date"))
                .containsExactly("2024-01-01T00:00:00+00:00", "2024-01-02T00:00:00+00:00", "2024-01-03T00:00:00+00:00");
        assertThat(values(runs, "data_interval_end"))
                .containsExactly("2024-01-02T00:00:00+00:00", "2024-01-03T00:00:00+00:00", "2024-01-04T00:00:00+00:00");
        JsonNode dag = api.get("dags/runs_catchup").json();
        assertThat(dag.get("next_dagrun").asText()).as("times as Airflow writes them").isEqualTo("2024-01-04T00:00:00+00:00");
        assertThat(dag.get("next_dagrun_create_after").isNull()).as("held while max_active_runs are active").isTrue();
    }

    @Test
    void withoutCatchupOnlyTheLatestCompleteIntervalRuns() {
        files.write("runs_latest.py", dagFile("runs_latest", "\"0 0 * * *\"", "datetime(2024, 1, 1)", false, 16, false));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        JsonNode runs = files.await("dags/runs_latest/dagRuns", page -> page.get("total_entries").asInt() >= 1).get("dag_runs");
        DagFiles.pause(Duration.ofSeconds(2));

        assertThat(api.get("dags/runs_latest/dagRuns").json().get("total_entries").asInt()).isEqualTo(1);
        assertThat(time(runs.get(0), "logical_date").toLocalDate()).isIn(today.minusDays(1), today.minusDays(2));
        assertThat(time(runs.get(0), "data_interval_end").toLocalDate()).isIn(today, today.minusDays(1));
        String runPath = DagRunCalls.runPath("runs_latest", runs.get(0).get("dag_run_id").asText());
        files.await(runPath, run -> run.get("state").asText().equals("success"));
        assertThat(values(api.get(runPath + "/taskInstances").json().get("task_instances"), "state"))
                .as("the scheduled run ran its tasks").containsExactly("success", "success");
    }

    @Test
    void aNewDagStartsPausedAsInAirflowAndGetsItsRunsOnceUnpaused() {
        files.write("runs_paused.py", dagFile("runs_paused", "timedelta(seconds=2)", "datetime(2024, 1, 1)", false, 16, true));

        JsonNode dag = files.awaitDag("runs_paused", node -> !node.get("next_dagrun").isNull());
        assertThat(dag.get("is_paused").asBoolean()).isTrue();
        DagFiles.pause(Duration.ofSeconds(3));
        assertThat(api.get("dags/runs_paused/dagRuns").json().get("total_entries").asInt()).isZero();

        assertThat(api.patchJson("dags/runs_paused", "{\"is_paused\": false}").status()).isEqualTo(200);
        files.await("dags/runs_paused/dagRuns", page -> page.get("total_entries").asInt() >= 1);
    }

    @Test
    void aManualTriggerQueuesARunWithItsConfAndInferredIntervalAndRefusesDuplicates() {
        files.write("runs_manual.py", dagFile("runs_manual", "\"0 0 * * *\"", "datetime(2024, 1, 1)", false, 16, true));
        files.awaitDag("runs_manual", node -> true);

        ApiClient.Response created = api.send("POST", "dags/runs_manual/dagRuns", "application/json",
                "{\"dag_run_id\": \"by_hand\", \"logical_date\": \"2024-05-01T10:00:00.250+02:00\", \"conf\": {\"region\": \"eu\"},"
                        + " \"note\": \"rerun after the fix\"}");

        assertThat(created.status()).isEqualTo(200);
        JsonNode run = created.json();
        assertThat(run.get("dag_run_id").asText()).isEqualTo("by_hand");
        assertThat(run.get("run_type").asText()).isEqualTo("manual");
        assertThat(run.get("state").asText()).isEqualTo("queued");
        assertThat(run.get("external_trigger").asBoolean()).isTrue();
        assertThat(run.get("logical_date").asText()).isEqualTo("2024-05-01T08:00:00.250000+00:00");
        assertThat(run.get("data_interval_start").asText()).isEqualTo("2024-04-30T00:00:00+00:00");
        assertThat(run.get("data_interval_end").asText()).isEqualTo("2024-05-01T00:00:00+00:00");
        assertThat(run.get("conf").get("region").asText()).isEqualTo("eu");
        assertThat(run.get("note").asText()).isEqualTo("rerun after the fix");
        assertThat(api.get("dags/runs_manual/dagRuns/by_hand").json().get("conf").get("region").asText()).isEqualTo("eu");

        ApiClient.Response sameId = api.send("POST", "dags/runs_manual/dagRuns", "application/json", "{\"dag_run_id\": \"by_hand\"}");
        assertThat(sameId.status()).isEqualTo(409);
        assertThat(sameId.json().get("detail").asText())
                .isEqualTo("DAGRun with DAG ID: 'runs_manual' and DAGRun ID: 'by_hand' already exists");
        ApiClient.Response sameDate = api.send("POST", "dags/runs_manual/dagRuns", "application/json",
                "{\"logical_date\": \"2024-05-01T08:00:00.25Z\"}");
        assertThat(sameDate.status()).isEqualTo(409);
        assertThat(sameDate.json().get("detail").asText())
                .isEqualTo("DAGRun with DAG ID: 'runs_manual' and DAGRun logical date: '2024-05-01 08:00:00.250000+00:00' already exists");

        ApiClient.Response generated = api.send("POST", "dags/runs_manual/dagRuns", "application/json", "{}");
        assertThat(generated.status()).isEqualTo(200);
        assertThat(generated.json().get("dag_run_id").asText()).isEqualTo("manual__" + generated.json().get("logical_date").asText());

        assertThat(api.send("POST", "dags/runs_manual/dagRuns", "application/json", "{\"conf\": [1, 2]}").status()).isEqualTo(400);
        assertThat(api.send("POST", "dags/runs_manual/dagRuns", "application/json",
                "{\"data_interval_start\": \"2024-05-01T00:00:00Z\"}").json().get("detail").asText())
                .isEqualTo("Both 'data_interval_start' and 'data_interval_end' must be specified together");
        assertThat(api.send("POST", "dags/no_such_dag/dagRuns", "application/json", "{}").status()).isEqualTo(404);
        assertThat(api.get("dags/runs_manual/dagRuns/no_such_run").status()).isEqualTo(404);
    }

    @Test
    void aTriggerWhoseConfBreaksTheDagsParamsIsRefusedAndCreatesNothing() {
        files.write("runs_params.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.models.param import Param
                from airflow.operators.empty import EmptyOperator

                with DAG("runs_params", schedule=None, start_date=datetime(2024, 1, 1),
                         params={"size": Param(5, type="integer", minimum=1), "name": Param(type="string")}) as dag:
                    EmptyOperator(task_id="only")
                """);
        files.awaitDag("runs_params", node -> true);

        ApiClient.Response noName = api.send("POST", "dags/runs_params/dagRuns", "application/json", "{}");
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("detail").asText())
                .isEqualTo("Invalid input for param name: No value passed and Param has no default value");
        ApiClient.Response badSize = api.send("POST", "dags/runs_params/dagRuns", "application/json",
                "{\"conf\": {\"name\": \"eu\", \"size\": 0}}");
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("detail").asText()).startsWith("Invalid input for param size: ").contains("1");
        assertThat(api.get("dags/runs_params/dagRuns").json().get("total_entries").asInt()).as("nothing created").isZero();

        ApiClient.Response valid = api.send("POST", "dags/runs_params/dagRuns", "application/json",
                "{\"conf\": {\"name\": \"eu\", \"size\": 3}}");
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
    }

    @Test
    void runListsFilterByStateAndLogicalDateAndTildeListsEveryDag() {
        files.write("runs_listed.py", dagFile("runs_listed", "None", "datetime(2024, 1, 1)", false, 16, true));
        files.awaitDag("runs_listed", node -> true);
        for (String date : List.of("2024-02-01", "2024-02-02", "2024-02-03")) {
            assertThat(api.send("POST", "dags/runs_listed/dagRuns", "application/json",
                    "{\"logical_date\": \"" + date + "T00:00:00Z\"}").status()).isEqualTo(200);
        }

        JsonNode page = api.get("dags/runs_listed/dagRuns?execution_date_gte=2024-02-02T00:00:00Z&state=queued&order_by=-execution_date")
                .json();
        assertThat(page.get("total_entries").asInt()).isEqualTo(2);
        assertThat(values(page.get("dag_runs"), "logical_date")).containsExactly("2024-02-03T00:00:00+00:00", "2024-02-02T00:00:00+00:00");
        assertThat(api.get("dags/runs_listed/dagRuns?state=success").json().get("total_entries").asInt()).isZero();
        assertThat(api.get("dags/runs_listed/dagRuns?state=nonsense").status()).isEqualTo(400);
        assertThat(values(api.get("dags/~/dagRuns?limit=100").json().get("dag_runs"), "dag_id")).contains("runs_listed");
    }

    /** A DAG of two tasks with the given schedule expression, start date (Python expressions) and flags. */
    private static String dagFile(String dagId, String schedule, String startDate, boolean catchup, int maxActiveRuns, boolean pausedDefault) {
        return dagFile(dagId, schedule, startDate, catchup, maxActiveRuns, pausedDefault,
                "EmptyOperator(task_id=\"extract\") >> EmptyOperator(task_id=\"load\")");
    }

    /** A DAG of the given tasks (a Python statement) with the given schedule expression, start date and flags. */
    private static String dagFile(String dagId, String schedule, String startDate, boolean catchup, int maxActiveRuns, boolean pausedDefault,
            String tasks) {
        return """
                from datetime import datetime, timedelta
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator

                with DAG("%s", schedule=%s, start_date=%s, catchup=%s, max_active_runs=%d%s) as dag:
                    %s
                """.formatted(dagId, schedule, startDate, catchup ? "True" : "False", maxActiveRuns,
                pausedDefault ? "" : ", is_paused_upon_creation=False", tasks);
    }

    private static OffsetDateTime time(JsonNode node, String field) {
        return OffsetDateTime.parse(node.get(field).asText());
    }
}
