package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.DagFiles;
import io.vortex.it.support.VortexServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server killed with SIGKILL in the middle of a run: at the next start the interrupted try's
 * leftover process is killed, the try counts as failed, its retry runs and the run finishes.
 */
class RecoveryIT {

    private static VortexServer server;

    @BeforeAll
    static void newServer() {
        server = VortexServer.onH2("recovery");
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void aTryRunningWhenTheServerIsKilledIsEndedFailedAndRetriedAfterTheRestart() throws IOException {
        Path pidFile = Files.createTempFile(server.home(), "interrupted", ".pid");
        DagFiles files = new DagFiles(server);
        files.write("recovered.py", """
                from datetime import datetime, timedelta
                from airflow import DAG
                from airflow.operators.bash import BashOperator
                from airflow.operators.empty import EmptyOperator

                with DAG("recovered", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="long", retries=1, retry_delay=timedelta(seconds=1),
                        bash_command="if [ {{ ti.try_number }} = 1 ]; then echo $$ > %s; sleep 300; fi; echo done") \\
                        >> EmptyOperator(task_id="after")
                """.formatted(pidFile));
        files.awaitDag("recovered", dag -> true);
        ApiClient.Response created = server.api().send("POST", "dags/recovered/dagRuns", "application/json", "{}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String run = "dags/recovered/dagRuns/" + URLEncoder.encode(created.json().get("dag_run_id").asText(), StandardCharsets.UTF_8);
        // the try's process is recorded just after it starts: recovery finds leftovers by that record
        files.await(run + "/taskInstances/long", ti -> "running".equals(ti.get("state").asText()) && !ti.get("pid").isNull());
        files.await(run, ignored -> pidFile.toFile().length() > 0);
        long bash = Long.parseLong(Files.readString(pidFile).strip());
        // H2 writes commits to its file up to half a second late (WRITE_DELAY): a crash loses what came later
        DagFiles.pause(Duration.ofSeconds(1));

        server.killHard();
        assertThat(ProcessHandle.of(bash).map(ProcessHandle::isAlive).orElse(false)).as("the task outlives the server").isTrue();
        server.start();

        files = new DagFiles(server);
        JsonNode ended = files.await(run, node -> node.get("state").asText().equals("success") || node.get("state").asText().equals("failed"));
        assertThat(ended.get("state").asText()).isEqualTo("success");
        JsonNode long1 = server.api().get(run + "/taskInstances/long").json();
        assertThat(long1.get("state").asText()).isEqualTo("success");
        assertThat(long1.get("try_number").asInt()).as("the interrupted try, then its retry").isEqualTo(2);
        assertThat(ProcessHandle.of(bash).map(ProcessHandle::isAlive).orElse(false)).as("recovery killed the leftover").isFalse();
        assertThat(server.api().get(run + "/taskInstances/long/logs/1", "Accept", "text/plain").body())
                .contains("The server running this try stopped before it ended").contains("Marking task as UP_FOR_RETRY");
        assertThat(server.api().get(run + "/taskInstances/long/logs/2", "Accept", "text/plain").body()).contains("INFO - done");
    }
}
