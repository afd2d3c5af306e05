package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.VortexServers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example DAGs a first start loads: all of them parse, each with the engine its syntax needs. */
class ExampleDagsIT {

    private static final List<String> EXAMPLES = List.of("example_branching", "example_factory", "example_task_groups",
            "example_taskflow", "tutorial");

    private final ApiClient api = VortexServers.of(Database.H2).api();

    @Test
    void everyExampleDagIsLoadedWithoutImportErrors() {
        JsonNode dags = awaitExamples();

        assertThat(ids(dags)).containsExactlyElementsOf(EXAMPLES);
        assertThat(parsedBy(dags, "tutorial")).isEqualTo("jython");
        assertThat(parsedBy(dags, "example_taskflow")).isEqualTo("cpython");
        assertThat(find(dags, "example_factory").get("is_dynamic").asBoolean()).isTrue();
        assertThat(api.get("importErrors").json().get("total_entries").asInt()).isZero();

        JsonNode taskflow = api.get("dags/example_taskflow/tasks").json();
        assertThat(taskflow.get("total_entries").asInt()).isEqualTo(3);
        JsonNode transform = api.get("dags/example_taskflow/tasks/transform").json();
        assertThat(transform.get("is_mapped").asBoolean()).isTrue();
        assertThat(transform.get("operator_name").asText()).isEqualTo("@task");
        assertThat(transform.get("retries").asInt()).isEqualTo(2);
    }

    private JsonNode awaitExamples() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode dags = null;
        while (Instant.now().isBefore(deadline)) {
            dags = api.get("dags?tags=example&limit=100").json().get("dags");
            if (dags.size() >= EXAMPLES.size()) {
                return dags;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("example DAGs after 60 s: " + dags + "; import errors: " + api.get("importErrors").body());
    }

    private static List<String> ids(JsonNode dags) {
        List<String> ids = new ArrayList<>();
        dags.forEach(dag -> ids.add(dag.get("dag_id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode dags, String dagId) {
        for (JsonNode dag : dags) {
            if (dag.get("dag_id").asText().equals(dagId)) {
                return dag;
            }
        }
        throw new AssertionError("no DAG " + dagId + " in " + dags);
    }

    private static String parsedBy(JsonNode dags, String dagId) {
        return find(dags, dagId).get("parsed_by").asText();
    }
}
