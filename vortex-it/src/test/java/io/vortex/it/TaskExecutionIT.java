package io.vortex.it;

import static io.vortex.it.support.DagRunCalls.state;
import static io.vortex.it.support.DagRunCalls.tiPath;
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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DAG runs executing their tasks on a running server: trigger rules, retries, timeouts,
 * templating, XCom between bash tasks, logs, seen through the REST API as Airflow clients see it.
 */
class TaskExecutionIT {

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
    void bashTasksRenderTemplatesPassXComsAndLogEachTry() {
        files.write("exec_bash.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("exec_bash", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    produce = BashOperator(task_id="produce",
                        bash_command="echo started; echo {{ ds_nodash }}-{{ dag_run.conf['region'] }}-{{ params.size }}",
                        params={"size": 3})
                    consume = BashOperator(task_id="consume",
                        bash_command="echo got $VORTEX_XCOM_PRODUCE and {{ ti.xcom_pull(task_ids='produce') }}",
                        env={"ONLY": "this"})
                    produce >> consume
                """);
        files.awaitDag("exec_bash", dag -> true);

        String runId = runs.trigger("exec_bash", "{\"logical_date\": \"2024-03-05T00:00:00Z\", \"conf\": {\"region\": \"eu\"}}");
        JsonNode run = runs.awaitEnd("exec_bash", runId);

        assertThat(run.get("state").asText()).isEqualTo("success");
        Map<String, JsonNode> tis = runs.taskInstances("exec_bash", runId);
        assertThat(tis.get("produce").get("state").asText()).isEqualTo("success");
        assertThat(tis.get("produce").get("try_number").asInt()).isEqualTo(1);
        assertThat(tis.get("produce").get("operator").asText()).isEqualTo("BashOperator");
        assertThat(tis.get("produce").get("priority_weight").asInt()).as("its own and its downstream task's weight").isEqualTo(2);
        assertThat(tis.get("consume").get("priority_weight").asInt()).isEqualTo(1);
        assertThat(tis.get("consume").get("start_date").asText()).matches(".*\\+00:00");
        assertThat(runs.xcom("exec_bash", runId, "produce", "return_value").get("value").asText()).isEqualTo("20240305-eu-3");
        assertThat(runs.xcom("exec_bash", runId, "consume", "return_value").get("value").asText())
                .isEqualTo("got 20240305-eu-3 and 20240305-eu-3");
        String log = api.get(tiPath("exec_bash", runId, "produce") + "/logs/1", "Accept", "text/plain").body();
        assertThat(log).contains("{subprocess.py:93} INFO - started").contains("Command exited with return code 0")
                .contains("Marking task as SUCCESS");
        JsonNode json = api.get(tiPath("exec_bash", runId, "produce") + "/logs/1").json();
        assertThat(json.get("content").asText()).isEqualTo(log);
        JsonNode rest = api.get(tiPath("exec_bash", runId, "produce") + "/logs/1?token=" + json.get("continuation_token").asText()).json();
        assertThat(rest.get("content").asText()).as("nothing new after the end").isEmpty();
        assertThat(api.get(tiPath("exec_bash", runId, "produce") + "/logs/2").status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "parsed by {0}")
    @CsvSource({"jython, exec_python_2", "cpython, exec_python_3"})
    void pythonTasksRunInTheirEngineAndExchangeXComsWithBashAndBranch(String engine, String dagId) {
        // an f-string is Python 3 only: the auto engine moves that file to CPython
        String greeting = engine.equals("cpython") ? "f\"hello {name}\"" : "\"hello %s\" % name";
        files.write(dagId + ".py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.decorators import task
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator
                from airflow.operators.python import BranchPythonOperator, ShortCircuitOperator

                with DAG("%s", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    @task
                    def produce(**context):
                        name = context["dag_run"].conf["name"]
                        print("producing for " + name)
                        context["ti"].xcom_push(key="extra", value=[1, 2])
                        return {"greeting": %s, "count": 3}

                    @task
                    def consume(echoed):
                        return echoed.upper()

                    produced = produce()
                    echo = BashOperator(task_id="echo",
                        bash_command="echo {{ ti.xcom_pull(task_ids='produce')['greeting'] }}")
                    branch = BranchPythonOperator(task_id="branch", python_callable=lambda: "left")
                    gate = ShortCircuitOperator(task_id="gate", python_callable=lambda: False)
                    produced >> echo
                    consumed = consume(echo.output)
                    consumed >> branch >> [EmptyOperator(task_id="left"), EmptyOperator(task_id="right")]
                    consumed >> gate >> EmptyOperator(task_id="gated")
                """.formatted(dagId, greeting));
        assertThat(files.awaitDag(dagId, dag -> true).get("parsed_by").asText()).isEqualTo(engine);

        String runId = runs.trigger(dagId, "{\"conf\": {\"name\": \"vortex\"}}");
        JsonNode run = runs.awaitEnd(dagId, runId);

        Map<String, JsonNode> tis = runs.taskInstances(dagId, runId);
        assertThat(run.get("state").asText()).as(tis.toString()).isEqualTo("success");
        assertThat(runs.xcom(dagId, runId, "produce", "return_value").get("value").asText())
                .isEqualTo("{'greeting': 'hello vortex', 'count': 3}");
        assertThat(runs.xcom(dagId, runId, "produce", "extra").get("value").asText()).isEqualTo("[1, 2]");
        assertThat(runs.xcom(dagId, runId, "consume", "return_value").get("value").asText()).isEqualTo("HELLO VORTEX");
        assertThat(state(tis, "left")).isEqualTo("success");
        assertThat(state(tis, "right")).isEqualTo("skipped");
        assertThat(state(tis, "gated")).isEqualTo("skipped");
        assertThat(api.get(tiPath(dagId, runId, "produce") + "/logs/1", "Accept", "text/plain").body())
                .contains("INFO - producing for vortex").contains("Marking task as SUCCESS");
    }

    @Test
    void aFailureTenLevelsUpSettlesTheWholeChainByTriggerRules() {
        StringBuilder chain = new StringBuilder("    boom = BashOperator(task_id='boom', bash_command='exit 1')\n    previous = boom\n");
        for (int level = 1; level <= 10; level++) {
            chain.append("    level").append(level).append(" = EmptyOperator(task_id='level").append(level).append("')\n")
                    .append("    previous >> level").append(level).append("\n    previous = level").append(level).append('\n');
        }
        files.write("exec_rules.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator

                with DAG("exec_rules", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                %s
                    ok = BashOperator(task_id='ok', bash_command='true')
                    on_failure = EmptyOperator(task_id='on_failure', trigger_rule='one_failed')
                    on_success = EmptyOperator(task_id='on_success', trigger_rule='one_success')
                    cleanup = EmptyOperator(task_id='cleanup', trigger_rule='all_done')
                    none_failed = EmptyOperator(task_id='none_failed', trigger_rule='none_failed')
                    all_failed = EmptyOperator(task_id='all_failed', trigger_rule='all_failed')
                    skipped_only = EmptyOperator(task_id='skipped_only', trigger_rule='all_skipped')
                    [boom, ok] >> on_failure
                    [boom, ok] >> on_success
                    [previous, ok] >> cleanup
                    [previous, ok] >> none_failed
                    [boom, ok] >> all_failed
                    ok >> skipped_only
                """.formatted(chain));
        files.awaitDag("exec_rules", dag -> true);

        String runId = runs.trigger("exec_rules", "{}");
        JsonNode run = runs.awaitEnd("exec_rules", runId);

        Map<String, JsonNode> tis = runs.taskInstances("exec_rules", runId);
        assertThat(state(tis, "boom")).isEqualTo("failed");
        for (int level = 1; level <= 10; level++) {
            assertThat(state(tis, "level" + level)).as("level " + level).isEqualTo("upstream_failed");
        }
        assertThat(state(tis, "on_failure")).isEqualTo("success");
        assertThat(state(tis, "on_success")).isEqualTo("success");
        assertThat(state(tis, "cleanup")).isEqualTo("success");
        assertThat(state(tis, "none_failed")).isEqualTo("upstream_failed");
        assertThat(state(tis, "all_failed")).isEqualTo("skipped");
        assertThat(state(tis, "skipped_only")).isEqualTo("skipped");
        assertThat(run.get("state").asText()).as("a leaf failed upstream").isEqualTo("failed");
        JsonNode upstreamFailed = api.get(DagRunCalls.runPath("exec_rules", runId) + "/taskInstances?state=upstream_failed&state=skipped")
                .json();
        assertThat(upstreamFailed.get("total_entries").asInt()).isEqualTo(13);
        JsonNode failedAnywhere = api.get("dags/~/dagRuns/~/taskInstances?state=failed&limit=100").json();
        assertThat(DagRunCalls.values(failedAnywhere.get("task_instances"), "task_id")).contains("boom");
        assertThat(api.get("dags/~/dagRuns/~/taskInstances?state=sleeping").status()).isEqualTo(400);
    }

    @Test
    void theOtherTriggerRulesFollowABranchAndAFailureAsInAirflow() {
        files.write("exec_rules_more.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator
                from airflow.operators.python import BranchPythonOperator

                with DAG("exec_rules_more", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    bad = BashOperator(task_id="bad", bash_command="exit 1")
                    branch = BranchPythonOperator(task_id="branch", python_callable=lambda: "chosen")
                    chosen = EmptyOperator(task_id="chosen")
                    not_chosen = EmptyOperator(task_id="not_chosen")
                    branch >> [chosen, not_chosen]
                    [bad, not_chosen] >> EmptyOperator(task_id="one_done", trigger_rule="one_done")
                    [chosen, not_chosen] >> EmptyOperator(task_id="min_one_success", trigger_rule="none_failed_min_one_success")
                    [chosen, not_chosen] >> EmptyOperator(task_id="none_skipped", trigger_rule="none_skipped")
                    bad >> EmptyOperator(task_id="always", trigger_rule="always")
                    not_chosen >> EmptyOperator(task_id="after_skip")
                """);
        files.awaitDag("exec_rules_more", dag -> true);

        String runId = runs.trigger("exec_rules_more", "{}");
        JsonNode run = runs.awaitEnd("exec_rules_more", runId);

        Map<String, JsonNode> tis = runs.taskInstances("exec_rules_more", runId);
        assertThat(state(tis, "bad")).isEqualTo("failed");
        assertThat(state(tis, "chosen")).isEqualTo("success");
        assertThat(state(tis, "not_chosen")).isEqualTo("skipped");
        assertThat(state(tis, "one_done")).isEqualTo("success");
        assertThat(state(tis, "min_one_success")).isEqualTo("success");
        assertThat(state(tis, "none_skipped")).isEqualTo("skipped");
        assertThat(state(tis, "always")).isEqualTo("success");
        assertThat(state(tis, "after_skip")).as("skips propagate downstream").isEqualTo("skipped");
        assertThat(run.get("state").asText()).as("no leaf failed").isEqualTo("success");
    }

    @Test
    void failStopStopsTheRunningTasksAndSkipsTheRestWhenATaskFails() {
        files.write("exec_fail_stop.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator

                with DAG("exec_fail_stop", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False,
                         fail_stop=True) as dag:
                    BashOperator(task_id="boom", bash_command="sleep 1; exit 1")
                    BashOperator(task_id="long", bash_command="sleep 60") >> EmptyOperator(task_id="later")
                """);
        files.awaitDag("exec_fail_stop", dag -> true);

        String runId = runs.trigger("exec_fail_stop", "{}");
        JsonNode run = runs.awaitEnd("exec_fail_stop", runId);

        Map<String, JsonNode> tis = runs.taskInstances("exec_fail_stop", runId);
        assertThat(state(tis, "boom")).isEqualTo("failed");
        assertThat(state(tis, "long")).isEqualTo("failed");
        assertThat(state(tis, "later")).isEqualTo("skipped");
        assertThat(run.get("state").asText()).isEqualTo("failed");
        assertThat(Duration.between(OffsetDateTime.parse(run.get("start_date").asText()), OffsetDateTime.parse(run.get("end_date").asText())))
                .as("the 60 s task did not hold the run").isLessThan(Duration.ofSeconds(30));
        assertThat(api.get(tiPath("exec_fail_stop", runId, "boom") + "/logs/1", "Accept", "text/plain").body())
                .contains("Forcing task long to fail due to dag's `fail_stop` setting");
    }

    @ParameterizedTest(name = "parsed by {0}")
    @CsvSource({"jython, exec_mapped_2", "cpython, exec_mapped_3"})
    void mappedTasksExpandOverLiteralsAndUpstreamXComsAndTheirValuesComeBackAsAList(String engine, String dagId) {
        // an f-string is Python 3 only: the auto engine moves that file to CPython
        String three = engine.equals("cpython") ? "int(f\"{3}\")" : "3";
        files.write(dagId + ".py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.decorators import task
                from airflow.operators.bash import BashOperator

                with DAG("%s", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    @task
                    def numbers():
                        return [1, 2, %s]

                    @task
                    def double(x, factor):
                        return x * factor

                    @task
                    def total(values):
                        return sum(values)

                    @task
                    def nothing():
                        return []

                    @task
                    def single(x):
                        return x

                    total(double.partial(factor=2).expand(x=numbers()))
                    BashOperator.partial(task_id="echo").expand(bash_command=["echo a-{{ ds_nodash }}", "echo b"])
                    single.override(task_id="never").expand(x=nothing())
                """.formatted(dagId, three));
        assertThat(files.awaitDag(dagId, dag -> true).get("parsed_by").asText()).isEqualTo(engine);

        String runId = runs.trigger(dagId, "{\"logical_date\": \"2024-03-05T00:00:00Z\"}");
        JsonNode run = runs.awaitEnd(dagId, runId);

        assertThat(run.get("state").asText()).isEqualTo("success");
        JsonNode all = api.get(DagRunCalls.runPath(dagId, runId) + "/taskInstances").json().get("task_instances");
        assertThat(DagRunCalls.values(all, "task_id")).containsExactlyInAnyOrder("numbers", "double", "double", "double", "total",
                "echo", "echo", "nothing", "never");
        ApiClient.Response mapped = api.get(tiPath(dagId, runId, "double"));
        assertThat(mapped.status()).isEqualTo(404);
        assertThat(mapped.json().get("detail").asText()).contains("Task instance is mapped, add the map_index value to the URL");
        JsonNode listed = api.get(tiPath(dagId, runId, "double") + "/listMapped").json();
        assertThat(listed.get("total_entries").asInt()).isEqualTo(3);
        assertThat(DagRunCalls.values(listed.get("task_instances"), "map_index")).containsExactly("0", "1", "2");
        assertThat(DagRunCalls.values(listed.get("task_instances"), "state")).containsOnly("success");
        assertThat(api.get(tiPath(dagId, runId, "double") + "/2").json().get("map_index").asInt()).isEqualTo(2);
        assertThat(api.get(tiPath(dagId, runId, "double") + "/xcomEntries/return_value?map_index=2").json().get("value").asText())
                .isEqualTo("6");
        assertThat(runs.xcom(dagId, runId, "total", "return_value").get("value").asText()).as("the values as a list").isEqualTo("12");
        assertThat(api.get(tiPath(dagId, runId, "echo") + "/xcomEntries/return_value?map_index=0").json().get("value").asText())
                .as("a literal mapped template field is rendered").isEqualTo("a-20240305");
        assertThat(api.get(tiPath(dagId, runId, "echo") + "/logs/1?map_index=1", "Accept", "text/plain").body())
                .contains("INFO - b");
        JsonNode never = api.get(tiPath(dagId, runId, "never")).json();
        assertThat(never.get("state").asText()).as("nothing to map over").isEqualTo("skipped");
        assertThat(never.get("map_index").asInt()).isEqualTo(-1);
    }

    @Test
    void triggerDagRunQueuesAnotherDagsRunWithItsConfAndWaitsForIt() {
        files.write("exec_target.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("exec_target", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="show", bash_command="echo size={{ dag_run.conf['size'] }}")
                """);
        files.write("exec_controller.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.trigger_dagrun import TriggerDagRunOperator

                with DAG("exec_controller", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    first = TriggerDagRunOperator(task_id="first", trigger_dag_id="exec_target", trigger_run_id="from_{{ ds_nodash }}",
                                                  conf={"size": "{{ params.size }}"}, params={"size": 7},
                                                  wait_for_completion=True, poke_interval=1)
                    again = TriggerDagRunOperator(task_id="again", trigger_dag_id="exec_target", trigger_run_id="from_{{ ds_nodash }}")
                    first >> again
                """);
        files.awaitDag("exec_target", dag -> true);
        files.awaitDag("exec_controller", dag -> true);

        String runId = runs.trigger("exec_controller", "{\"logical_date\": \"2024-04-02T00:00:00Z\"}");
        JsonNode run = runs.awaitEnd("exec_controller", runId);

        Map<String, JsonNode> tis = runs.taskInstances("exec_controller", runId);
        assertThat(state(tis, "first")).isEqualTo("success");
        assertThat(runs.xcom("exec_controller", runId, "first", "trigger_run_id").get("value").asText()).isEqualTo("from_20240402");
        JsonNode target = api.get(DagRunCalls.runPath("exec_target", "from_20240402")).json();
        assertThat(target.get("state").asText()).as("first waited for it").isEqualTo("success");
        assertThat(target.get("external_trigger").asBoolean()).isTrue();
        assertThat(runs.xcom("exec_target", "from_20240402", "show", "return_value").get("value").asText()).isEqualTo("size=7");
        assertThat(state(tis, "again")).isEqualTo("failed");
        assertThat(api.get(tiPath("exec_controller", runId, "again") + "/logs/1", "Accept", "text/plain").body())
                .contains("DagRunAlreadyExists: A DAG Run already exists for DAG exec_target");
        assertThat(run.get("state").asText()).isEqualTo("failed");
    }

    @Test
    void latestOnlySkipsItsDownstreamExceptInTheLatestScheduledRun() {
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        files.write("exec_latest.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.empty import EmptyOperator
                from airflow.operators.latest_only import LatestOnlyOperator

                with DAG("exec_latest", schedule="@daily", start_date=datetime(%d, %d, %d), catchup=True,
                         is_paused_upon_creation=False) as dag:
                    LatestOnlyOperator(task_id="latest_only") >> EmptyOperator(task_id="work")
                """.formatted(start.getYear(), start.getMonthValue(), start.getDayOfMonth()));

        JsonNode created = files.await("dags/exec_latest/dagRuns?order_by=execution_date",
                page -> page.get("total_entries").asInt() == 3
                        && DagRunCalls.values(page.get("dag_runs"), "state").stream().allMatch(state -> state.equals("success")))
                .get("dag_runs");

        Map<String, JsonNode> oldest = runs.taskInstances("exec_latest", created.get(0).get("dag_run_id").asText());
        assertThat(state(oldest, "latest_only")).isEqualTo("success");
        assertThat(state(oldest, "work")).as("not the latest interval").isEqualTo("skipped");
        Map<String, JsonNode> latest = runs.taskInstances("exec_latest", created.get(2).get("dag_run_id").asText());
        assertThat(state(latest, "work")).isEqualTo("success");
    }

    @Test
    void aFailedTryIsRetriedAfterItsDelayWithEveryTryLogged() {
        files.write("exec_retry.py", """
                from datetime import datetime, timedelta
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("exec_retry", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="flaky", retries=2, retry_delay=timedelta(seconds=1), retry_exponential_backoff=True,
                        bash_command="echo try {{ ti.try_number }}; test {{ ti.try_number }} -ge 3")
                """);
        files.awaitDag("exec_retry", dag -> true);

        String runId = runs.trigger("exec_retry", "{}");
        JsonNode run = runs.awaitEnd("exec_retry", runId);

        assertThat(run.get("state").asText()).isEqualTo("success");
        JsonNode flaky = runs.taskInstances("exec_retry", runId).get("flaky");
        assertThat(flaky.get("try_number").asInt()).isEqualTo(3);
        assertThat(flaky.get("max_tries").asInt()).isEqualTo(2);
        for (int attempt = 1; attempt <= 3; attempt++) {
            String log = api.get(tiPath("exec_retry", runId, "flaky") + "/logs/" + attempt, "Accept", "text/plain").body();
            assertThat(log).contains("INFO - try " + attempt)
                    .contains(attempt < 3 ? "Marking task as UP_FOR_RETRY" : "Marking task as SUCCESS");
        }
        assertThat(Duration.between(OffsetDateTime.parse(run.get("start_date").asText()), OffsetDateTime.parse(run.get("end_date").asText())))
                .as("backoff: at least 1 s, then at least 2 s").isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void aTaskOverItsExecutionTimeoutIsKilledWithItsChildrenAndEndsTimedOut() throws IOException {
        Path pidFile = Files.createTempFile("vortex-timeout", ".pid");
        files.write("exec_timeout.py", """
                from datetime import datetime, timedelta
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("exec_timeout", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="sleepy", execution_timeout=timedelta(seconds=2),
                        bash_command="sleep 300 & echo $! > %s; wait")
                """.formatted(pidFile));
        files.awaitDag("exec_timeout", dag -> true);

        String runId = runs.trigger("exec_timeout", "{}");
        JsonNode run = runs.awaitEnd("exec_timeout", runId);

        assertThat(run.get("state").asText()).isEqualTo("failed");
        JsonNode sleepy = runs.taskInstances("exec_timeout", runId).get("sleepy");
        assertThat(sleepy.get("state").asText()).as("Airflow's name for it").isEqualTo("failed");
        assertThat(sleepy.get("vortex_state").asText()).isEqualTo("timed_out");
        assertThat(api.get(DagRunCalls.runPath("exec_timeout", runId) + "/taskInstances?state=failed").json().get("total_entries").asInt())
                .as("a filter on failed finds it too").isEqualTo(1);
        long child = Long.parseLong(Files.readString(pidFile).strip());
        assertThat(ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false)).as("the background sleep is gone").isFalse();
        assertThat(api.get(tiPath("exec_timeout", runId, "sleepy") + "/logs/1", "Accept", "text/plain").body())
                .contains("execution_timeout of 2 s");
    }

    @Test
    void aRunOverItsDagrunTimeoutFailsAndItsUnfinishedTasksAreSkippedAndStopped() throws IOException {
        Path pidFile = Files.createTempFile("vortex-dagrun-timeout", ".pid");
        files.write("exec_run_timeout.py", """
                from datetime import datetime, timedelta
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator

                with DAG("exec_run_timeout", schedule=None, start_date=datetime(2024, 1, 1), dagrun_timeout=timedelta(seconds=2),
                         is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="sleepy", bash_command="echo $$ > %s; sleep 300") >> EmptyOperator(task_id="after")
                """.formatted(pidFile));
        files.awaitDag("exec_run_timeout", dag -> true);

        String runId = runs.trigger("exec_run_timeout", "{}");
        JsonNode run = runs.awaitEnd("exec_run_timeout", runId);

        assertThat(run.get("state").asText()).isEqualTo("failed");
        Map<String, JsonNode> tis = runs.taskInstances("exec_run_timeout", runId);
        assertThat(state(tis, "sleepy")).isEqualTo("skipped");
        assertThat(state(tis, "after")).isEqualTo("skipped");
        long bash = Long.parseLong(Files.readString(pidFile).strip());
        runs.await("exec_run_timeout", runId,
                ignored -> !ProcessHandle.of(bash).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void exitCode99SkipsTheTaskAndItsAllSuccessDownstream() {
        files.write("exec_skip.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator

                with DAG("exec_skip", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="maybe", bash_command="exit 99") >> EmptyOperator(task_id="after")
                """);
        files.awaitDag("exec_skip", dag -> true);

        String runId = runs.trigger("exec_skip", "{}");
        JsonNode run = runs.awaitEnd("exec_skip", runId);

        Map<String, JsonNode> tis = runs.taskInstances("exec_skip", runId);
        assertThat(state(tis, "maybe")).isEqualTo("skipped");
        assertThat(state(tis, "after")).isEqualTo("skipped");
        assertThat(run.get("state").asText()).as("skipped leaves count as success").isEqualTo("success");
    }
}
