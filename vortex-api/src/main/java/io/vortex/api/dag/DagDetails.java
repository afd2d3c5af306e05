package io.vortex.api.dag;

import io.vortex.api.JsonConfig;
import io.vortex.dag.DagService.DagDefinition;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * Airflow's DAGDetail: every field of {@link DagDto} plus what only the serialized DAG knows
 * (start and end date, catchup, run timeout, params, doc_md...), in Airflow's names and shapes.
 */
final class DagDetails {

    private DagDetails() {
    }

    static JsonObject of(DagDefinition definition) {
        JsonObject parsed = definition.parsed().json();
        JsonObject dag;
        try (JsonReader reader = Json.createReader(new StringReader(JsonConfig.jsonb().toJson(DagDto.of(definition.dag()))))) {
            dag = reader.readObject();
        }
        return Json.createObjectBuilder(dag)
                .add("catchup", parsed.getOrDefault("catchup", JsonValue.TRUE))
                .add("concurrency", definition.dag().getMaxActiveTasks())
                .add("dag_run_timeout", AirflowShapes.timeDelta(parsed.get("dagrun_timeout")))
                .add("default_view", "grid")
                .add("doc_md", orNull(parsed, "doc_md"))
                .add("end_date", orNull(parsed, "end_date"))
                .add("is_paused_upon_creation", orNull(parsed, "is_paused_upon_creation"))
                .add("last_parsed", dag.get("last_parsed_time"))
                .add("orientation", "LR")
                .add("params", parsed.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT))
                .add("render_template_as_native_obj", parsed.getOrDefault("render_template_as_native_obj", JsonValue.FALSE))
                .add("start_date", orNull(parsed, "start_date"))
                .add("template_search_path", orNull(parsed, "template_searchpath"))
                .add("timezone", parsed.getOrDefault("start_date_timezone", Json.createValue("UTC")))
                .add("callbacks", parsed.getOrDefault("callbacks", JsonValue.EMPTY_JSON_OBJECT))
                .add("task_groups", parsed.getOrDefault("task_groups", JsonValue.EMPTY_JSON_ARRAY))
                .build();
    }

    static JsonValue orNull(JsonObject object, String field) {
        return object.getOrDefault(field, JsonValue.NULL);
    }
}
