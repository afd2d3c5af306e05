package io.vortex.it;

import static io.vortex.it.support.DagRunCalls.runPath;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Airflow's pool endpoints on a running server: the default pool, changes by hand, and the slots task instances take. */
class PoolsIT {

    private static ApiClient api;
    private static DagFiles files;
    private static DagRunCalls runs;

    @BeforeAll
    static void server() {
        VortexServer server = VortexServers.of(Database.POSTGRESQL);
        api = server.api();
        files = new DagFiles(server);
        runs = new DagRunCalls(server, files);
    }

    @Test
    void theDefaultPoolIsThereWithAirflowsSizeAndCannotBeDeletedOrRenamed() {
        JsonNode pool = api.get("pools/default_pool").json();
        assertThat(pool.get("slots").asInt()).isEqualTo(128);
        assertThat(pool.get("open_slots").asLong()).isLessThanOrEqualTo(128);
        assertThat(values(api.get("pools?order_by=id").json().get("pools"), "name")).contains("default_pool");

        assertProblem(api.send("DELETE", "pools/default_pool", "application/json", ""), 400, "Default Pool can't be deleted");
        assertProblem(api.patchJson("pools/default_pool", "{\"name\": \"other\", \"slots\": 5}"), 400,
                "Default Pool's name can't be modified");
    }

    @Test
    void aPoolIsCreatedChangedAndDeletedWithAirflowsAnswers() {
        ApiClient.Response created = api.send("POST", "pools", "application/json",
                "{\"name\": \"pl_crud\", \"slots\": 3, \"description\": \"the warehouse\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("open_slots").asInt()).isEqualTo(3);
        assertThat(created.json().get("occupied_slots").asInt()).isZero();
        assertThat(created.json().get("include_deferred").asBoolean()).isFalse();
        assertProblem(api.send("POST", "pools", "application/json", "{\"name\": \"pl_crud\", \"slots\": 1}"), 409,
                "Pool: pl_crud already exists");
        assertProblem(api.send("POST", "pools", "application/json", "{\"name\": \"pl_bad\", \"slots\": -2}"), 400, "slots");
        assertProblem(api.send("POST", "pools", "application/json", "{\"slots\": 2}"), 400, "{'name': ['Missing data for required field.']}");

        ApiClient.Response resized = api.patchJson("pools/pl_crud?update_mask=slots", "{\"slots\": 7, \"description\": \"ignored\"}");
        assertThat(resized.status()).as(resized.body()).isEqualTo(200);
        assertThat(resized.json().get("slots").asInt()).isEqualTo(7);
        assertThat(resized.json().get("description").asText()).as("outside the mask").isEqualTo("the warehouse");
        assertProblem(api.patchJson("pools/pl_crud", "{\"slots\": 2}"), 400, "Missing required property(ies): [name]");
        assertProblem(api.patchJson("pools/pl_crud?update_mask=size", "{}"), 400, "Invalid field: size in update mask");
        ApiClient.Response renamed = api.patchJson("pools/pl_crud", "{\"name\": \"pl_renamed\", \"slots\": -1}");
        assertThat(renamed.json().get("open_slots").asInt()).as("no limit").isEqualTo(-1);
        assertThat(api.get("pools/pl_crud").status()).isEqualTo(404);

        assertThat(api.send("DELETE", "pools/pl_renamed", "application/json", "").status()).isEqualTo(204);
        assertProblem(api.send("DELETE", "pools/pl_renamed", "application/json", ""), 404, "Pool with name:'pl_renamed' not found");
    }

    @Test
    void runningTasksOccupyTheirPoolSlotsAndAPoolInUseIsNotDeletedOrRenamed() {
        assertThat(api.send("POST", "pools", "application/json", "{\"name\": \"pl_busy\", \"slots\": 4}").status()).isEqualTo(200);
        files.write("pl_busy.py", """
                from datetime import datetime
                from airflow import DAG
                from airflow.operators.bash import BashOperator

                with DAG("pl_busy", schedule=None, start_date=datetime(2024, 1, 1), is_paused_upon_creation=False) as dag:
                    BashOperator(task_id="heavy", bash_command="sleep 60", pool="pl_busy", pool_slots=3)
                """);
        files.awaitDag("pl_busy", dag -> true);
        String runId = runs.trigger("pl_busy", "{}");
        files.await(tiPath("pl_busy", runId, "heavy"), ti -> "running".equals(ti.get("state").asText()));

        JsonNode busy = api.get("pools/pl_busy").json();
        assertThat(busy.get("running_slots").asInt()).as("pool_slots count").isEqualTo(3);
        assertThat(busy.get("occupied_slots").asInt()).isEqualTo(3);
        assertThat(busy.get("open_slots").asInt()).isEqualTo(1);
        assertProblem(api.send("DELETE", "pools/pl_busy", "application/json", ""), 409, "unfinished task instances");
        assertProblem(api.patchJson("pools/pl_busy?update_mask=name", "{\"name\": \"pl_other\"}"), 409, "cannot be renamed");

        assertThat(api.patchJson(runPath("pl_busy", runId), "{\"state\": \"failed\"}").status()).isEqualTo(200);
        assertThat(api.get("pools/pl_busy").json().get("occupied_slots").asInt()).isZero();
        assertThat(api.send("DELETE", "pools/pl_busy", "application/json", "").status()).isEqualTo(204);
    }

    private static void assertProblem(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("detail").asText()).contains(detail);
    }
}
