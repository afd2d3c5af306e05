package io.vortex.dag;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One task of a serialized DAG (docs/dag-serialization.md, "Task"), with typed access to what
 * scheduling and execution need. Absent fields take Airflow's operator defaults.
 */
public record TaskSpec(JsonObject json) {

    /** Stands for a task an instance names but the DAG no longer has: an operator VORTEX cannot run. */
    public static TaskSpec missing(String taskId) {
        return new TaskSpec(Json.createObjectBuilder().add("task_id", taskId).add("task_type", "missing").build());
    }

    public String taskId() {
        return json.getString("task_id");
    }

    /** The operator class name, e.g. {@code BashOperator} or {@code _PythonDecoratedOperator}. */
    public String taskType() {
        return json.getString("task_type", "BaseOperator");
    }

    /** Airflow's {@code operator_name}: the class name, or a decorator's name such as {@code @task.bash}. */
    public String operatorName() {
        return json.getString("operator_name", taskType());
    }

    /** The names of the operator's template fields. */
    public Set<String> templateFields() {
        return ids("template_fields");
    }

    public Set<String> upstreamTaskIds() {
        return ids("upstream_task_ids");
    }

    public Set<String> downstreamTaskIds() {
        return ids("downstream_task_ids");
    }

    public String triggerRule() {
        return json.getString("trigger_rule", "all_success");
    }

    public int retries() {
        return number("retries").map(Number::intValue).orElse(0);
    }

    public Duration retryDelay() {
        return seconds("retry_delay").orElse(Duration.ofMinutes(5));
    }

    public boolean retryExponentialBackoff() {
        return json.getBoolean("retry_exponential_backoff", false);
    }

    public Optional<Duration> maxRetryDelay() {
        return seconds("max_retry_delay");
    }

    public Optional<Duration> executionTimeout() {
        return seconds("execution_timeout");
    }

    public String pool() {
        return json.getString("pool", "default_pool");
    }

    public int poolSlots() {
        return number("pool_slots").map(Number::intValue).orElse(1);
    }

    /** Airflow's {@code weight_rule}: {@code downstream} (the default), {@code upstream} or {@code absolute}. */
    public String weightRule() {
        JsonValue value = json.get("weight_rule");
        return value instanceof JsonString rule ? rule.getString() : "downstream";
    }

    public int priorityWeight() {
        return number("priority_weight").map(Number::intValue).orElse(1);
    }

    public String queue() {
        return json.getString("queue", "default");
    }

    public boolean isSetup() {
        return json.getBoolean("is_setup", false);
    }

    public boolean isTeardown() {
        return json.getBoolean("is_teardown", false);
    }

    /** For a teardown: whether its failure fails the DAG run. */
    public boolean onFailureFailDagrun() {
        return json.getBoolean("on_failure_fail_dagrun", false);
    }

    /** Airflow's {@code depends_on_past}: the task waits until its instance in the previous run succeeded or was skipped. */
    public boolean dependsOnPast() {
        return json.getBoolean("depends_on_past", false);
    }

    /** Airflow's {@code wait_for_downstream}: with depends_on_past, the previous run's direct downstream instances must be done too. */
    public boolean waitForDownstream() {
        return json.getBoolean("wait_for_downstream", false);
    }

    public boolean doXcomPush() {
        return json.getBoolean("do_xcom_push", true);
    }

    public boolean isMapped() {
        return json.getBoolean("is_mapped", false);
    }

    /** The task's params as plain values ({@code {name: value}}), without their schemas. */
    public JsonObject paramValues() {
        return ParsedDag.paramValues(json.get("params"));
    }

    /** The template fields with their unrendered values. */
    public JsonObject templated() {
        return object("templated");
    }

    /** The other operator arguments, e.g. {@code python_callable}, {@code skip_on_exit_code}. */
    public JsonObject arguments() {
        return object("arguments");
    }

    private JsonObject object(String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private Set<String> ids(String field) {
        Set<String> ids = new LinkedHashSet<>();
        JsonValue value = json.get(field);
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().getValuesAs(JsonString.class).forEach(id -> ids.add(id.getString()));
        }
        return ids;
    }

    private Optional<Number> number(String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonNumber number ? Optional.of(number.numberValue()) : Optional.empty();
    }

    private Optional<Duration> seconds(String field) {
        return number(field).map(seconds -> Duration.ofNanos(Math.round(seconds.doubleValue() * 1_000_000_000d)));
    }
}
