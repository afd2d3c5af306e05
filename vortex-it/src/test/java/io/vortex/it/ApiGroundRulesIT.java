package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vortex.it.support.ApiClient;
import io.vortex.it.support.Database;
import io.vortex.it.support.DagRows;
import io.vortex.it.support.DagRows.DagRow;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules every endpoint follows: Airflow's list shape and paging, RFC 7807 problems for every failure. */
class ApiGroundRulesIT {

    private static VortexServer server;
    private static ApiClient api;

    @BeforeAll
    static void seedDags() {
        server = VortexServers.of(Database.POSTGRESQL);
        api = server.api();
        DagRows.insert(server.jdbc(),
                new DagRow("rules_alpha", "alice", "@daily", List.of("finance"), false),
                new DagRow("rules_bravo", "bob", "0 * * * *", List.of("finance", "hourly"), true),
                new DagRow("rules_charlie", "carol", null, List.of(), false),
                new DagRow("rules_delta", "dave", "@weekly", List.of("ops"), false),
                new DagRow("rules_echo", "erin", "@once", List.of(), true));
        List<DagRow> many = new ArrayList<>();
        IntStream.range(0, 105).forEach(i -> many.add(new DagRow(String.format("cap_%03d", i), "bulk", null, List.of(), false)));
        DagRows.insert(server.jdbc(), many.toArray(DagRow[]::new));
    }

    @Test
    void listsUseAirflowsShapeWithSnakeCaseFieldsAndTotalEntries() {
        JsonNode page = api.get("dags?dag_id_pattern=rules_").json();

        assertThat(page.get("total_entries").asInt()).isEqualTo(5);
        assertThat(page.get("dags")).hasSize(5);
        JsonNode alpha = page.get("dags").get(0);
        assertThat(alpha.get("dag_id").asText()).isEqualTo("rules_alpha");
        assertThat(alpha.get("is_paused").asBoolean()).isFalse();
        assertThat(alpha.get("owners").get(0).asText()).isEqualTo("alice");
        assertThat(alpha.at("/tags/0/name").asText()).isEqualTo("finance");
        assertThat(alpha.at("/schedule_interval/__type").asText()).isEqualTo("CronExpression");
        assertThat(alpha.at("/schedule_interval/value").asText()).isEqualTo("@daily");
        assertThat(alpha.has("next_dagrun")).as("null fields are present, as in Airflow").isTrue();
        assertThat(alpha.get("next_dagrun").isNull()).isTrue();
    }

    @Test
    void limitAndOffsetPageThroughAStableOrder() {
        JsonNode second = api.get("dags?dag_id_pattern=rules_&limit=2&offset=2").json();

        assertThat(second.get("total_entries").asInt()).isEqualTo(5);
        assertThat(dagIds(second)).containsExactly("rules_charlie", "rules_delta");
    }

    @Test
    void orderByWithAMinusSortsDescending() {
        JsonNode page = api.get("dags?dag_id_pattern=rules_&order_by=-dag_id&limit=3").json();

        assertThat(dagIds(page)).containsExactly("rules_echo", "rules_delta", "rules_charlie");
    }

    @Test
    void filtersByTagsAndPausedState() {
        assertThat(dagIds(api.get("dags?dag_id_pattern=rules_&tags=finance").json()))
                .containsExactly("rules_alpha", "rules_bravo");
        assertThat(dagIds(api.get("dags?dag_id_pattern=rules_&paused=true").json()))
                .containsExactly("rules_bravo", "rules_echo");
    }

    @Test
    void booleansMustBeTrueOrFalse() {
        assertProblem(api.get("dags?paused=yes"), 400, "BadRequest", "paused must be true or false, got 'yes'");
        assertProblem(api.patchJson("dags/rules_alpha", "{\"is_paused\": \"yes\"}"), 400, "BadRequest",
                "is_paused must be true or false");
        assertThat(api.get("dags/rules_alpha").json().get("is_paused").asBoolean()).isFalse();
    }

    @Test
    void defaultLimitIs100AndLargerLimitsAreCappedAtTheMaximum() {
        JsonNode byDefault = api.get("dags?dag_id_pattern=cap_").json();
        JsonNode asked1000 = api.get("dags?dag_id_pattern=cap_&limit=1000").json();

        assertThat(byDefault.get("total_entries").asInt()).isEqualTo(105);
        assertThat(byDefault.get("dags")).hasSize(100);
        assertThat(asked1000.get("dags")).hasSize(100);
    }

    @Test
    void invalidPagingIsA400Problem() {
        assertProblem(api.get("dags?limit=0"), 400, "BadRequest", "limit must be 1 or more");
        assertProblem(api.get("dags?offset=-1"), 400, "BadRequest", "offset must be 0 or more");
        assertProblem(api.get("dags?limit=ten"), 400, "BadRequest", "limit must be a whole number, got 'ten'");
    }

    @Test
    void orderingByAnUnknownAttributeIsA400Problem() {
        assertProblem(api.get("dags?order_by=password"), 400, "BadRequest",
                "Ordering with 'password' is disallowed or the attribute does not exist on the model");
    }

    @Test
    void unknownDagIsA404Problem() {
        assertProblem(api.get("dags/no_such_dag"), 404, "NotFound", "DAG with dag_id: 'no_such_dag' not found");
    }

    @Test
    void unknownPathIsA404Problem() {
        assertProblem(api.get("no/such/resource"), 404, "NotFound", "Could not find resource");
    }

    @Test
    void wrongMethodIsA405ProblemThatNamesTheAllowedOnes() {
        ApiClient.Response response = api.send("DELETE", "health", null, null);

        assertProblem(response, 405, "MethodNotAllowed", null);
        assertThat(response.header("Allow")).contains("GET");
    }

    @Test
    void wrongBodyTypeIsA415Problem() {
        assertProblem(api.send("PATCH", "dags/rules_alpha", "text/plain", "is_paused=true"), 415, "UnsupportedMediaType", null);
    }

    @Test
    void malformedOrIncompleteJsonIsA400Problem() {
        assertProblem(api.patchJson("dags/rules_alpha", "{not json"), 400, "BadRequest", "not valid JSON");
        assertProblem(api.patchJson("dags/rules_alpha", "{}"), 400, "BadRequest", "is_paused is required");
        assertProblem(api.send("PATCH", "dags/rules_alpha", "application/json", null), 400, "BadRequest",
                "a JSON body with is_paused is required");
        assertProblem(api.patchJson("dags/rules_alpha?update_mask=description", "{\"is_paused\": true}"), 400,
                "BadRequest", "Only `is_paused` field can be updated");
    }

    @Test
    void patchPausesAndUnpausesADag() {
        JsonNode paused = api.patchJson("dags/rules_delta?update_mask=is_paused", "{\"is_paused\": true}").json();
        assertThat(paused.get("is_paused").asBoolean()).isTrue();
        assertThat(api.get("dags/rules_delta").json().get("is_paused").asBoolean()).isTrue();

        JsonNode unpaused = api.patchJson("dags/rules_delta", "{\"is_paused\": false}").json();
        assertThat(unpaused.get("is_paused").asBoolean()).isFalse();
    }

    private static void assertProblem(ApiClient.Response response, int status, String kind, String detailPart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isEqualTo("urn:vortex:error:" + kind);
        assertThat(problem.get("title").asText()).isNotBlank();
        if (detailPart != null) {
            assertThat(problem.get("detail").asText()).contains(detailPart);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("<html");
    }

    private static List<String> dagIds(JsonNode page) {
        return StreamSupport.stream(page.get("dags").spliterator(), false).map(dag -> dag.get("dag_id").asText()).toList();
    }
}
