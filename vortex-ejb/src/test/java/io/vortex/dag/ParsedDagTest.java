package io.vortex.dag;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ParsedDagTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "{\"type\": \"cron\", \"value\": \"0 6 * * *\"}                                        | 0 6 * * *",
        "{\"type\": \"preset\", \"value\": \"@daily\", \"cron\": \"0 0 * * *\"}                | @daily",
        "{\"type\": \"timedelta\", \"seconds\": 5400.0}                                        | PT1H30M",
        "{\"type\": \"once\"}                                                                  | @once",
        "{\"type\": \"continuous\"}                                                            | @continuous",
        "{\"type\": \"dataset\", \"uris\": [\"s3://a\"]}                                       | Dataset",
        "{\"type\": \"dataset_or_time\", \"timetable\": {\"type\": \"cron\", \"value\": \"0 1 * * 3\"}} | Dataset or 0 1 * * 3",
        "{\"type\": \"events\", \"summary\": \"2 Events\"}                                     | 2 Events",
        "{\"type\": \"custom\", \"value\": \"etl.Payday\", \"summary\": \"Payday\"}             | Payday",
        "null                                                                                  | NULL",
    })
    void theScheduleReadsAsAirflowShowsIt(String schedule, String text) {
        JsonObject json = Json.createReader(new StringReader("{\"dag_id\": \"d\", \"schedule\": " + schedule + "}")).readObject();

        assertThat(new ParsedDag(json).scheduleText()).isEqualTo(text);
    }

    @Test
    void relativesAreEveryTaskUpOrDownstreamHoweverFar() {
        JsonObject json = Json.createReader(new StringReader("""
                {"dag_id": "d", "tasks": [
                  {"task_id": "a", "upstream_task_ids": [], "downstream_task_ids": ["b", "c"]},
                  {"task_id": "b", "upstream_task_ids": ["a"], "downstream_task_ids": ["d"]},
                  {"task_id": "c", "upstream_task_ids": ["a"], "downstream_task_ids": ["d"]},
                  {"task_id": "d", "upstream_task_ids": ["b", "c"], "downstream_task_ids": []},
                  {"task_id": "apart", "upstream_task_ids": [], "downstream_task_ids": []}]}
                """)).readObject();
        Map<String, TaskSpec> tasks = new ParsedDag(json).tasks();

        assertThat(ParsedDag.relatives(tasks, "a", false)).containsExactlyInAnyOrder("b", "c", "d");
        assertThat(ParsedDag.relatives(tasks, "d", true)).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(ParsedDag.relatives(tasks, "b", false)).containsExactly("d");
        assertThat(ParsedDag.relatives(tasks, "apart", true)).isEmpty();
        assertThat(ParsedDag.relatives(tasks, "unknown", false)).isEmpty();
    }

    @Test
    void aTaskInsideAMappedGroupOrItsSubgroupsKnowsTheGroup() {
        JsonObject json = Json.createReader(new StringReader("""
                {"dag_id": "d", "task_groups": [
                  {"group_id": "outer", "parent_group_id": null, "is_mapped": true},
                  {"group_id": "outer.inner", "parent_group_id": "outer", "is_mapped": false},
                  {"group_id": "plain", "parent_group_id": null, "is_mapped": false}],
                 "tasks": [
                  {"task_id": "outer.inner.t", "task_group_id": "outer.inner"},
                  {"task_id": "plain.t", "task_group_id": "plain"},
                  {"task_id": "top", "task_group_id": null}]}
                """)).readObject();
        ParsedDag dag = new ParsedDag(json);

        assertThat(dag.mappedGroupOf(dag.tasks().get("outer.inner.t"))).hasValue("outer");
        assertThat(dag.mappedGroupOf(dag.tasks().get("plain.t"))).isEmpty();
        assertThat(dag.mappedGroupOf(dag.tasks().get("top"))).isEmpty();
    }

    @Test
    void theEffectivePriorityWeightAddsTheDownstreamOrUpstreamWeightsByTheRule() {
        JsonObject json = Json.createReader(new StringReader("""
                {"dag_id": "d", "tasks": [
                  {"task_id": "a", "priority_weight": 1, "upstream_task_ids": [], "downstream_task_ids": ["b", "c"]},
                  {"task_id": "b", "priority_weight": 2, "upstream_task_ids": ["a"], "downstream_task_ids": ["d"]},
                  {"task_id": "c", "priority_weight": 3, "weight_rule": "upstream", "upstream_task_ids": ["a"], "downstream_task_ids": ["d"]},
                  {"task_id": "d", "priority_weight": 4, "weight_rule": "absolute", "upstream_task_ids": ["b", "c"], "downstream_task_ids": []}]}
                """)).readObject();
        Map<String, TaskSpec> tasks = new ParsedDag(json).tasks();

        assertThat(ParsedDag.priorityWeightTotal(tasks, tasks.get("a"))).as("downstream, each task once").isEqualTo(1 + 2 + 3 + 4);
        assertThat(ParsedDag.priorityWeightTotal(tasks, tasks.get("b"))).isEqualTo(2 + 4);
        assertThat(ParsedDag.priorityWeightTotal(tasks, tasks.get("c"))).isEqualTo(3 + 1);
        assertThat(ParsedDag.priorityWeightTotal(tasks, tasks.get("d"))).isEqualTo(4);
    }
}
