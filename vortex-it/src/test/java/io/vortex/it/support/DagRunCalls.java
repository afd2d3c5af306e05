package io.vortex.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The REST calls tests make on DAG runs and their task instances, with the paths built once. */
public final class DagRunCalls {

    private final ApiClient api;
    private final DagFiles files;

    public DagRunCalls(VortexServer server, DagFiles files) {
        this.api = server.api();
        this.files = files;
    }

    /** Triggers a run with {@code body} as the request; its run id. */
    public String trigger(String dagId, String body) {
        ApiClient.Response created = api.send("POST", "dags/" + dagId + "/dagRuns", "application/json", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().get("dag_run_id").asText();
    }

    /** The run once it is success or failed. */
    public JsonNode awaitEnd(String dagId, String runId) {
        return await(dagId, runId, run -> run.get("state").asText().equals("success") || run.get("state").asText().equals("failed"));
    }

    public JsonNode await(String dagId, String runId, Predicate<JsonNode> condition) {
        return files.await(runPath(dagId, runId), condition);
    }

    /** The run's task instances by task id. */
    public Map<String, JsonNode> taskInstances(String dagId, String runId) {
        Map<String, JsonNode> byTask = new HashMap<>();
        api.get(runPath(dagId, runId) + "/taskInstances").json().get("task_instances")
                .forEach(ti -> byTask.put(ti.get("task_id").asText(), ti));
        return byTask;
    }

    public JsonNode xcom(String dagId, String runId, String taskId, String key) {
        ApiClient.Response response = api.get(tiPath(dagId, runId, taskId) + "/xcomEntries/" + key);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    public static String runPath(String dagId, String runId) {
        return "dags/" + dagId + "/dagRuns/" + URLEncoder.encode(runId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String tiPath(String dagId, String runId, String taskId) {
        return runPath(dagId, runId) + "/taskInstances/" + taskId;
    }

    /** The {@code state} of one instance in a map from {@link #taskInstances}. */
    public static String state(Map<String, JsonNode> tis, String taskId) {
        return tis.get(taskId).get("state").asText();
    }

    /** The text of {@code field} in each element of a JSON array, in order. */
    public static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
