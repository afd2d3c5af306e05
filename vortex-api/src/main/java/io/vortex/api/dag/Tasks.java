package io.vortex.api.dag;

import static io.vortex.api.dag.DagDetails.orNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Airflow's Task schema for a task of the serialized DAG, plus what VORTEX records besides
 * (upstream ids, task group, edge labels, the operator's other arguments, mapping and sensor
 * settings).
 */
final class Tasks {

    private Tasks() {
    }

    static JsonObject of(JsonObject task) {
        return Json.createObjectBuilder()
                .add("class_ref", task.getOrDefault("class_ref", JsonValue.NULL))
                .add("task_id", task.getString("task_id"))
                .add("task_display_name", task.getString("task_id"))
                .add("operator_name", orNull(task, "operator_name"))
                .add("owner", orNull(task, "owner"))
                .add("start_date", orNull(task, "start_date"))
                .add("end_date", orNull(task, "end_date"))
                .add("trigger_rule", orNull(task, "trigger_rule"))
                .add("extra_links", JsonValue.EMPTY_JSON_ARRAY)
                .add("depends_on_past", task.getOrDefault("depends_on_past", JsonValue.FALSE))
                .add("is_mapped", task.getOrDefault("is_mapped", JsonValue.FALSE))
                .add("wait_for_downstream", task.getOrDefault("wait_for_downstream", JsonValue.FALSE))
                .add("retries", orNull(task, "retries"))
                .add("queue", orNull(task, "queue"))
                .add("executor", JsonValue.NULL)
                .add("pool", orNull(task, "pool"))
                .add("pool_slots", orNull(task, "pool_slots"))
                .add("execution_timeout", AirflowShapes.timeDelta(task.get("execution_timeout")))
                .add("retry_delay", AirflowShapes.timeDelta(task.get("retry_delay")))
                .add("max_retry_delay", AirflowShapes.timeDelta(task.get("max_retry_delay")))
                .add("retry_exponential_backoff", task.getOrDefault("retry_exponential_backoff", JsonValue.FALSE))
                .add("priority_weight", orNull(task, "priority_weight"))
                .add("weight_rule", orNull(task, "weight_rule"))
                .add("ui_color", orNull(task, "ui_color"))
                .add("ui_fgcolor", orNull(task, "ui_fgcolor"))
                .add("template_fields", task.getOrDefault("template_fields", JsonValue.EMPTY_JSON_ARRAY))
                .add("sub_dag", JsonValue.NULL)
                .add("downstream_task_ids", task.getOrDefault("downstream_task_ids", JsonValue.EMPTY_JSON_ARRAY))
                .add("doc_md", orNull(task, "doc_md"))
                .add("upstream_task_ids", task.getOrDefault("upstream_task_ids", JsonValue.EMPTY_JSON_ARRAY))
                .add("task_group_id", orNull(task, "task_group_id"))
                .add("edge_labels", task.getOrDefault("edge_labels", JsonValue.EMPTY_JSON_OBJECT))
                .add("sla", AirflowShapes.timeDelta(task.get("sla")))
                .add("templated", task.getOrDefault("templated", JsonValue.EMPTY_JSON_OBJECT))
                .add("arguments", task.getOrDefault("arguments", JsonValue.EMPTY_JSON_OBJECT))
                .add("params", task.getOrDefault("params", JsonValue.EMPTY_JSON_OBJECT))
                .add("callbacks", task.getOrDefault("callbacks", JsonValue.EMPTY_JSON_OBJECT))
                .add("mapped", orNull(task, "mapped"))
                .add("sensor", orNull(task, "sensor"))
                .build();
    }
}
