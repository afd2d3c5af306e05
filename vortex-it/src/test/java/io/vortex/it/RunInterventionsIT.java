package io.vortex.it;

import static io.vortex.it.support.DagRunCalls.runPath;
import static io.vortex.it.support.DagRunCalls.state;
import static io.vortex.it.support.DagRunCalls.tiPath;
import static io.vortex.it.support.DagRunCalls.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.DagFiles;
import io.vortex.it.support.DagRunCalls;
import io.vortex.it.support.Database;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operators do to runs by hand, through Airflow's REST endpoints: clear, mark task
 * instances and runs, delete runs, and list runs in a batch.
 */
class RunInterventionsIT {

    private static VortexServer server;
    private static ApiClient api;
    private static DagFiles files;
    private static DagRunCalls runs;

    @BeforeAll
    static void server() {
        server = VortexServers.of(Database.POSTGRESQL);
        api = server.api();
        files = new DagFiles(server);
        runs = new DagRunCalls(server, files);
    }

    @Test
    void clearingAFailedRunRunsEveryTaskAgain() throws IOException {
        Path marker = Files.createTempDirectory("vortex-clear").resolve("first-try-done");
        files.write("iv_clear_run.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("iv_clear_run", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    flaky = BashOperator(task_id="flaky", bash_command="test -f %s || { touch %s; exit 1; }")
                    after = BashOperator(task_id="after", bash_command="echo after")
                    flaky >> after
                """.formatted(marker, marker));
        files.awaitDag("iv_clear_run", dag -> true);
        String runId = runs.trigger("iv_clear_run", "{}");
        assertThat(runs.awaitEnd("iv_clear_run", runId).get("state").asText()).isEqualTo("failed");

        ApiClient.Response dryRun = api.send("POST", runPath("iv_clear_run", runId) + "/clear", "application/json", "{}");
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(values(dryRun.json().get("task_instances"), "task_id")).containsExactlyInAnyOrder("flaky", "after");
        assertThat(dryRun.json().get("task_instances").get(0).get("dag_run_id").asText()).isEqualTo(runId);
        assertThat(api.get(runPath("iv_clear_run", runId)).json().get("state").asText()).as("a dry run changes nothing").isEqualTo("failed");

        ApiClient.Response cleared = api.send("POST", runPath("iv_clear_run", runId) + "/clear", "application/json", "{\"dry_run\": false}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(cleared.json().get("dag_run_id").asText()).isEqualTo(runId);
        assertThat(cleared.json().get("state").asText()).isIn("queued", "running");

        assertThat(runs.awaitEnd("iv_clear_run", runId).get("state").asText()).isEqualTo("success");
        Map<String, JsonNode> tis = runs.taskInstances("iv_clear_run", runId);
        assertThat(tis.get("flaky").get("try_number").asInt()).isEqualTo(2);
        assertThat(tis.get("flaky").get("max_tries").asInt()).as("retries counted afresh from the tries made").isEqualTo(1);
        assertThat(tis.get("after").get("try_number").asInt()).isEqualTo(1);
        assertThat(api.get(tiPath("iv_clear_run", runId, "flaky") + "/logs/1", "Accept", "text/plain").body())
                .contains("Command exited with return code 1");
        assertThat(api.get(tiPath("iv_clear_run", runId, "flaky") + "/logs/2", "Accept", "text/plain").body())
                .contains("Command exited with return code 0");
    }

    @Test
    void clearTaskInstancesTakesOnlyFailedInstancesOfTheChosenTasksAndTheirDownstream() throws IOException {
        Path marker = Files.createTempDirectory("vortex-clear-tis").resolve("first-try-done");
        files.write("iv_clear_tis.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("iv_clear_tis", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    fine = BashOperator(task_id="fine", bash_command="echo fine")
                    flaky = BashOperator(task_id="flaky", bash_command="test -f %s || { touch %s; exit 1; }")
                    after = BashOperator(task_id="after", bash_command="echo after")
                    fine >> flaky >> after
                """.formatted(marker, marker));
        files.awaitDag("iv_clear_tis", dag -> true);
        String runId = runs.trigger("iv_clear_tis", "{\"logical_date\": \"2024-05-01T00:00:00Z\"}");
        assertThat(runs.awaitEnd("iv_clear_tis", runId).get("state").asText()).isEqualTo("failed");

        String form = "{\"dag_run_id\": \"%s\", \"task_ids\": [\"fine\"], \"include_downstream\": true, \"reset_dag_runs\": true%s}";
        ApiClient.Response dryRun = api.send("POST", "dags/iv_clear_tis/clearTaskInstances", "application/json", form.formatted(runId, ""));
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(values(dryRun.json().get("task_instances"), "task_id")).as("only failed and upstream_failed, by default")
                .containsExactlyInAnyOrder("flaky", "after");
        assertThat(state(runs.taskInstances("iv_clear_tis", runId), "flaky")).isEqualTo("failed");

        ApiClient.Response cleared = api.send("POST", "dags/iv_clear_tis/clearTaskInstances", "application/json",
                form.formatted(runId, ", \"dry_run\": false"));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);
        assertThat(values(cleared.json().get("task_instances"), "task_id")).containsExactlyInAnyOrder("flaky", "after");

        assertThat(runs.awaitEnd("iv_clear_tis", runId).get("state").asText()).isEqualTo("success");
        Map<String, JsonNode> tis = runs.taskInstances("iv_clear_tis", runId);
        assertThat(tis.get("fine").get("try_number").asInt()).as("a success that was not chosen does not run again").isEqualTo(1);
        assertThat(tis.get("flaky").get("try_number").asInt()).isEqualTo(2);
        assertThat(state(tis, "after")).isEqualTo("success");
    }

    @Test
    void markingAFailedTaskSuccessResumesTheRunPastIt() {
        files.write("iv_mark_task.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("iv_mark_task", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    broken = BashOperator(task_id="broken", bash_command="exit 3")
                    after = BashOperator(task_id="after", bash_command="echo after")
                    broken >> after
                """);
        files.awaitDag("iv_mark_task", dag -> true);
        String runId = runs.trigger("iv_mark_task", "{}");
        assertThat(runs.awaitEnd("iv_mark_task", runId).get("state").asText()).isEqualTo("failed");
        assertThat(state(runs.taskInstances("iv_mark_task", runId), "after")).isEqualTo("upstream_failed");

        ApiClient.Response dryRun = api.patchJson(tiPath("iv_mark_task", runId, "broken"), "{\"new_state\": \"success\"}");
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(dryRun.json().get("task_id").asText()).isEqualTo("broken");
        assertThat(state(runs.taskInstances("iv_mark_task", runId), "broken")).as("dry_run is the default").isEqualTo("failed");

        ApiClient.Response marked = api.patchJson(tiPath("iv_mark_task", runId, "broken"),
                "{\"new_state\": \"success\", \"dry_run\": false}");
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);

        assertThat(runs.await("iv_mark_task", runId, run -> run.get("state").asText().equals("success")).get("end_date").isNull())
                .isFalse();
        Map<String, JsonNode> tis = runs.taskInstances("iv_mark_task", runId);
        assertThat(state(tis, "broken")).isEqualTo("success");
        assertThat(tis.get("broken").get("try_number").asInt()).as("marking does not run the task").isEqualTo(1);
        assertThat(state(tis, "after")).isEqualTo("success");
    }

    @Test
    void updateTaskInstancesStateMarksTheTaskAndItsDownstream() {
        files.write("iv_update_state.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator

                with DAG("iv_update_state", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    EmptyOperator(task_id="first") >> EmptyOperator(task_id="second") >> EmptyOperator(task_id="third")
                    EmptyOperator(task_id="apart")
                """);
        files.awaitDag("iv_update_state", dag -> true);
        String runId = runs.trigger("iv_update_state", "{\"logical_date\": \"2024-06-01T00:00:00Z\"}");
        assertThat(runs.awaitEnd("iv_update_state", runId).get("state").asText()).isEqualTo("success");

        String form = "{\"task_id\": \"second\", \"dag_run_id\": \"%s\", \"new_state\": \"skipped\", \"include_upstream\": false,"
                + " \"include_downstream\": true, \"include_future\": false, \"include_past\": false%s}";
        ApiClient.Response dryRun = api.send("POST", "dags/iv_update_state/updateTaskInstancesState", "application/json",
                form.formatted(runId, ""));
        assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
        assertThat(values(dryRun.json().get("task_instances"), "task_id")).containsExactlyInAnyOrder("second", "third");
        assertThat(state(runs.taskInstances("iv_update_state", runId), "second")).isEqualTo("success");

        ApiClient.Response marked = api.send("POST", "dags/iv_update_state/updateTaskInstancesState", "application/json",
                form.formatted(runId, ", \"dry_run\": false"));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        Map<String, JsonNode> tis = runs.taskInstances("iv_update_state", runId);
        assertThat(state(tis, "first")).isEqualTo("success");
        assertThat(state(tis, "second")).isEqualTo("skipped");
        assertThat(state(tis, "third")).isEqualTo("skipped");
        assertThat(state(tis, "apart")).isEqualTo("success");
        assertThat(api.get(runPath("iv_update_state", runId)).json().get("state").asText()).isEqualTo("success");

        ApiClient.Response byDate = api.send("POST", "dags/iv_update_state/updateTaskInstancesState", "application/json",
                "{\"task_id\": \"apart\", \"execution_date\": \"2024-06-01T00:00:00+00:00\", \"new_state\": \"failed\", \"dry_run\": true}");
        assertThat(byDate.status()).as(byDate.body()).isEqualTo(200);
        assertThat(values(byDate.json().get("task_instances"), "task_id")).containsExactly("apart");
    }

    @Test
    void markingARunFailedStopsItsRunningTaskAndSkipsTheRestThenSuccessMarksEverything() {
        files.write("iv_mark_run.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("iv_mark_run", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="long", bash_command="sleep 60") >> BashOperator(task_id="after", bash_command="echo after")
                """);
        files.awaitDag("iv_mark_run", dag -> true);
        String runId = runs.trigger("iv_mark_run", "{}");
        long pid = files.await(tiPath("iv_mark_run", runId, "long"), ti -> "running".equals(ti.get("state").asText())
                && !ti.get("pid").isNull()).get("pid").asLong();

        ApiClient.Response failed = api.patchJson(runPath("iv_mark_run", runId), "{\"state\": \"failed\"}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(200);
        assertThat(failed.json().get("state").asText()).isEqualTo("failed");
        assertThat(failed.json().get("end_date").isNull()).isFalse();
        Map<String, JsonNode> tis = runs.taskInstances("iv_mark_run", runId);
        assertThat(state(tis, "long")).isEqualTo("failed");
        assertThat(state(tis, "after")).isEqualTo("skipped");
        assertStops(pid);

        ApiClient.Response success = api.patchJson(runPath("iv_mark_run", runId), "{\"state\": \"success\"}");
        assertThat(success.status()).as(success.body()).isEqualTo(200);
        assertThat(success.json().get("state").asText()).isEqualTo("success");
        tis = runs.taskInstances("iv_mark_run", runId);
        assertThat(state(tis, "long")).isEqualTo("success");
        assertThat(state(tis, "after")).isEqualTo("success");
    }

    @Test
    void clearingARunningPythonTaskStopsItsInterpreterAndRunsItAgain() {
        files.write("iv_python.py", """
                import time
                from datetime import datetime
                from airflow import DAG
                from airflow.decorators import task

                with DAG("iv_python", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    @task
                    def slow():
                        time.sleep(120)

                    slow()
                """);
        files.awaitDag("iv_python", dag -> true);
        String runId = runs.trigger("iv_python", "{}");
        files.await(tiPath("iv_python", runId, "slow"), ti -> "running".equals(ti.get("state").asText()));

        ApiClient.Response cleared = api.send("POST", "dags/iv_python/clearTaskInstances", "application/json",
                "{\"dag_run_id\": \"" + runId + "\", \"only_failed\": false, \"dry_run\": false}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);

        files.await(tiPath("iv_python", runId, "slow"), ti -> ti.get("try_number").asInt() == 2 && "running".equals(ti.get("state").asText()));
        // the first try's thread writes its last line once the clear has committed, about when try 2 starts
        files.await(tiPath("iv_python", runId, "slow") + "/logs/1",
                log -> log.get("content").asText().contains("The outcome of this try was not recorded"));
        assertThat(api.patchJson(runPath("iv_python", runId), "{\"state\": \"failed\"}").status()).isEqualTo(200);
    }

    @Test
    void aTaskThatDependsOnThePastWaitsForItsPreviousInstanceAndGoesOnOnceThatIsCleared() throws IOException {
        Path marker = Files.createTempDirectory("vortex-past").resolve("first-try-done");
        files.write("iv_past.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("iv_past", schedule=None, start_date=datetime(2024, 1, 1), catchup=False, is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="step", bash_command="test -f %s || { touch %s; exit 1; }", depends_on_past=True)
                """.formatted(marker, marker));
        files.awaitDag("iv_past", dag -> true);
        String first = runs.trigger("iv_past", "{\"logical_date\": \"2024-06-01T00:00:00Z\"}");
        assertThat(runs.awaitEnd("iv_past", first).get("state").asText()).isEqualTo("failed");

        String second = runs.trigger("iv_past", "{\"logical_date\": \"2024-06-02T00:00:00Z\"}");
        runs.await("iv_past", second, run -> run.get("state").asText().equals("running"));
        DagFiles.pause(Duration.ofSeconds(2));
        assertThat(api.get(runPath("iv_past", second)).json().get("state").asText()).as("waiting, not deadlocked").isEqualTo("running");
        assertThat(runs.taskInstances("iv_past", second).get("step").get("state").isNull()).isTrue();

        ApiClient.Response cleared = api.send("POST", "dags/iv_past/clearTaskInstances", "application/json",
                "{\"dag_run_id\": \"" + first + "\", \"reset_dag_runs\": true, \"dry_run\": false}");
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(200);

        assertThat(runs.awaitEnd("iv_past", first).get("state").asText()).isEqualTo("success");
        assertThat(runs.awaitEnd("iv_past", second).get("state").asText()).as("it went on once the past succeeded").isEqualTo("success");
    }

    @Test
    void deletingARunStopsItsTasksAndRemovesItWithItsInstances() {
        files.write("iv_delete.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("iv_delete", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="long", bash_command="sleep 60")
                """);
        files.awaitDag("iv_delete", dag -> true);
        String runId = runs.trigger("iv_delete", "{\"dag_run_id\": \"to_delete\"}");
        long pid = files.await(tiPath("iv_delete", runId, "long"), ti -> "running".equals(ti.get("state").asText())
                && !ti.get("pid").isNull()).get("pid").asLong();

        assertThat(api.send("DELETE", runPath("iv_delete", runId), "application/json", "").status()).isEqualTo(204);

        assertThat(api.get(runPath("iv_delete", runId)).status()).isEqualTo(404);
        assertThat(api.get(runPath("iv_delete", runId) + "/taskInstances").json().get("total_entries").asInt())
                .as("Airflow lists nothing rather than answering 404").isZero();
        assertStops(pid);
        assertThat(api.send("DELETE", runPath("iv_delete", runId), "application/json", "").status()).isEqualTo(404);
        assertThat(runs.trigger("iv_delete", "{\"dag_run_id\": \"to_delete\"}")).as("the run id is free again").isEqualTo("to_delete");
    }

    @Test
    void aQueuedRunHasItsTaskInstancesWithNoStateAndTheBatchListFiltersRuns() {
        files.write("iv_queued.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator

                with DAG("iv_queued", schedule=None, start_date=datetime(2024, 1, 1)) as dag:
                    EmptyOperator(task_id="one") >> EmptyOperator(task_id="two")
                """);
        files.awaitDag("iv_queued", dag -> dag.get("is_paused").asBoolean());
        String first = runs.trigger("iv_queued", "{\"logical_date\": \"2024-07-01T00:00:00Z\"}");
        String second = runs.trigger("iv_queued", "{\"logical_date\": \"2024-07-02T00:00:00Z\"}");

        Map<String, JsonNode> tis = runs.taskInstances("iv_queued", first);
        assertThat(tis).containsOnlyKeys("one", "two");
        assertThat(tis.get("one").get("state").isNull()).as("Airflow's none").isTrue();

        ApiClient.Response batch = api.send("POST", "dags/~/dagRuns/list", "application/json",
                "{\"dag_ids\": [\"iv_queued\"], \"states\": [\"queued\"], \"order_by\": \"-execution_date\", \"page_limit\": 1}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(200);
        assertThat(batch.json().get("total_entries").asInt()).isEqualTo(2);
        assertThat(values(batch.json().get("dag_runs"), "dag_run_id")).containsExactly(second);
        ApiClient.Response dated = api.send("POST", "dags/~/dagRuns/list", "application/json",
                "{\"dag_ids\": [\"iv_queued\"], \"execution_date_lte\": \"2024-07-01T12:00:00+00:00\"}");
        assertThat(values(dated.json().get("dag_runs"), "dag_run_id")).containsExactly(first);
        assertThat(api.send("POST", "dags/~/dagRuns/list", "application/json", "{\"states\": [\"sleeping\"]}").status()).isEqualTo(400);
    }

    @Test
    void badFormsAreRefusedWithTheReasonAndUnknownThingsAre404() {
        files.write("iv_forms.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator

                with DAG("iv_forms", schedule=None, start_date=datetime(2024, 1, 1)) as dag:
                    EmptyOperator(task_id="only")
                """);
        files.awaitDag("iv_forms", dag -> true);
        String runId = runs.trigger("iv_forms", "{}");

        assertProblem(api.patchJson(runPath("iv_forms", runId), "{\"state\": \"running\"}"), 400, "Must be one of: success, failed, queued");
        assertProblem(api.patchJson(runPath("iv_forms", runId), "{}"), 400, "Missing data for required field");
        assertProblem(api.patchJson(runPath("iv_forms", "nope"), "{\"state\": \"failed\"}"), 404, "not found");
        assertProblem(api.patchJson(tiPath("iv_forms", runId, "only"), "{\"new_state\": \"queued\"}"), 400,
                "Must be one of: success, failed, skipped");
        assertProblem(api.send("POST", "dags/iv_forms/clearTaskInstances", "application/json",
                "{\"only_failed\": true, \"only_running\": true}"), 400, "only_failed and only_running both are set to True");
        assertProblem(api.send("POST", "dags/iv_forms/clearTaskInstances", "application/json", "{\"dry_rn\": true}"), 400,
                "{'dry_rn': ['Unknown field.']}");
        assertProblem(api.send("POST", "dags/iv_forms/clearTaskInstances", "application/json", "{\"dag_run_id\": \"nope\"}"), 404,
                "Dag Run id nope not found in dag iv_forms");
        assertProblem(api.send("POST", "dags/iv_nowhere/clearTaskInstances", "application/json", "{}"), 404, "Dag id iv_nowhere not found");
        assertProblem(api.send("POST", "dags/iv_forms/updateTaskInstancesState", "application/json",
                "{\"task_id\": \"only\", \"new_state\": \"success\"}"), 400, "Exactly one of execution_date or dag_run_id must be provided");
        assertProblem(api.send("POST", "dags/iv_forms/updateTaskInstancesState", "application/json",
                "{\"task_id\": \"ghost\", \"dag_run_id\": \"" + runId + "\", \"new_state\": \"success\"}"), 404, "Task ID ghost not found");
        assertThat(api.get(runPath("iv_forms", runId)).json().get("state").asText()).as("nothing changed").isEqualTo("queued");
    }

    /** The process ends within seconds (a killed child is a zombie until the server reaps it). */
    private static void assertStops(long pid) {
        Instant deadline = Instant.now().plusSeconds(10);
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && Instant.now().isBefore(deadline)) {
            DagFiles.pause(Duration.ofMillis(50));
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process " + pid + " is stopped").isFalse();
    }

    private static void assertProblem(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
