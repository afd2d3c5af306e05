package io.vortex.dag;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One DAG as the shim serialized it (docs/dag-serialization.md), with typed access to the
 * fields the {@code dag} table keeps.
 */
public record ParsedDag(JsonObject json) {

    public String dagId() {
        return json.getString("dag_id");
    }

    public String description() {
        return text("description");
    }

    /** Airflow's {@code owners}: the tasks' owners, comma-separated. */
    public String owners() {
        return json.containsKey("owners") && json.get("owners").getValueType() == JsonValue.ValueType.ARRAY
                ? String.join(",", json.getJsonArray("owners").getValuesAs(JsonString::getString))
                : "airflow";
    }

    /**
     * The schedule as one string: the cron expression or preset as written, {@code @once},
     * {@code @continuous}, an ISO-8601 duration for a timedelta, Airflow's summary for the other
     * timetables ({@code Dataset}, {@code Dataset or 0 1 * * 3}, {@code 3 Events}, a custom
     * timetable's), or {@code null} for none.
     */
    public String scheduleText() {
        return scheduleText(json.get("schedule"));
    }

    private static String scheduleText(JsonValue schedule) {
        if (schedule == null || schedule.getValueType() != JsonValue.ValueType.OBJECT) {
            return null;
        }
        JsonObject fields = schedule.asJsonObject();
        return switch (fields.getString("type", "")) {
            case "cron", "preset" -> fields.getString("value");
            case "timedelta" -> Duration.ofMillis(Math.round(fields.getJsonNumber("seconds").doubleValue() * 1000)).toString();
            case "once" -> "@once";
            case "continuous" -> "@continuous";
            case "dataset" -> "Dataset";
            case "dataset_or_time" -> "Dataset or " + scheduleText(fields.get("timetable"));
            case "events", "custom" -> fields.getString("summary", null);
            default -> null;
        };
    }

    public int maxActiveRuns() {
        return number("max_active_runs", 16);
    }

    public int maxActiveTasks() {
        return number("max_active_tasks", 16);
    }

    public boolean dynamic() {
        return json.getBoolean("is_dynamic", false);
    }

    /** Whether a DAG new to VORTEX starts paused, when its file says ({@code is_paused_upon_creation}). */
    public Optional<Boolean> pausedUponCreation() {
        JsonValue value = json.get("is_paused_upon_creation");
        return value == JsonValue.TRUE || value == JsonValue.FALSE ? Optional.of(value == JsonValue.TRUE) : Optional.empty();
    }

    public Set<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        if (json.containsKey("tags") && json.get("tags").getValueType() == JsonValue.ValueType.ARRAY) {
            json.getJsonArray("tags").getValuesAs(JsonString.class).forEach(tag -> tags.add(tag.getString()));
        }
        return tags;
    }

    /** The tasks by id, in the order they joined the DAG. */
    public Map<String, TaskSpec> tasks() {
        Map<String, TaskSpec> tasks = new LinkedHashMap<>();
        JsonValue value = json.get("tasks");
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonObject task : value.asJsonArray().getValuesAs(JsonObject.class)) {
                TaskSpec spec = new TaskSpec(task);
                tasks.put(spec.taskId(), spec);
            }
        }
        return tasks;
    }

    /**
     * Airflow's {@code priority_weight_total}: the task's weight, plus with the {@code downstream}
     * rule (the default) the weights of every task downstream of it, with {@code upstream} of
     * every task upstream; {@code absolute} is the weight alone. A rule Airflow does not define
     * (a custom strategy) counts as {@code absolute}.
     */
    public static int priorityWeightTotal(Map<String, TaskSpec> tasks, TaskSpec task) {
        boolean upstream;
        switch (task.weightRule()) {
            case "downstream" -> upstream = false;
            case "upstream" -> upstream = true;
            default -> {
                return task.priorityWeight();
            }
        }
        long total = task.priorityWeight();
        for (String relative : relatives(tasks, task.taskId(), upstream)) {
            TaskSpec other = tasks.get(relative);
            total += other == null ? 0 : other.priorityWeight();
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, total));
    }

    /**
     * The mapped task group the task belongs to, directly or through its parent groups; VORTEX
     * does not expand mapped task groups.
     */
    public Optional<String> mappedGroupOf(TaskSpec task) {
        Map<String, JsonObject> groups = new LinkedHashMap<>();
        JsonValue value = json.get("task_groups");
        if (value != null && value.getValueType() == JsonValue.ValueType.ARRAY) {
            value.asJsonArray().getValuesAs(JsonObject.class).forEach(group -> groups.put(group.getString("group_id", ""), group));
        }
        JsonValue groupId = task.json().get("task_group_id");
        String current = groupId instanceof JsonString id ? id.getString() : null;
        while (current != null && groups.containsKey(current)) {
            JsonObject group = groups.get(current);
            if (group.getBoolean("is_mapped", false)) {
                return Optional.of(current);
            }
            current = group.get("parent_group_id") instanceof JsonString parent ? parent.getString() : null;
        }
        return Optional.empty();
    }

    /**
     * Airflow's {@code get_flat_relatives}: the ids of every task downstream of {@code taskId}
     * (or upstream, with {@code upstream}), however far.
     */
    public static Set<String> relatives(Map<String, TaskSpec> tasks, String taskId, boolean upstream) {
        Set<String> found = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(neighbours(tasks, taskId, upstream));
        while (!next.isEmpty()) {
            String id = next.pop();
            if (found.add(id)) {
                next.addAll(neighbours(tasks, id, upstream));
            }
        }
        return found;
    }

    private static Set<String> neighbours(Map<String, TaskSpec> tasks, String taskId, boolean upstream) {
        TaskSpec task = tasks.get(taskId);
        if (task == null) {
            return Set.of();
        }
        return upstream ? task.upstreamTaskIds() : task.downstreamTaskIds();
    }

    /** How long a run may take before the scheduler fails it ({@code dagrun_timeout}). */
    public Optional<Duration> dagrunTimeout() {
        JsonValue value = json.get("dagrun_timeout");
        return value instanceof JsonNumber seconds
                ? Optional.of(Duration.ofNanos(Math.round(seconds.doubleValue() * 1_000_000_000d)))
                : Optional.empty();
    }

    /** Airflow's {@code catchup} (true unless the file says otherwise). */
    public boolean catchup() {
        return json.getBoolean("catchup", true);
    }

    /** Airflow's {@code fail_stop}: the first failed task stops the rest of the run. */
    public boolean failStop() {
        return json.getBoolean("fail_stop", false);
    }

    /**
     * Why a run with this {@code conf} may not be created, by the DAG's params (Airflow's
     * {@code ParamValidationError}); empty when every param has a valid value.
     */
    public Optional<String> paramsProblem(JsonObject conf) {
        return DagParams.problem(json.get("params"), conf);
    }

    /** The DAG's params as plain values ({@code {name: value}}), without their schemas. */
    public JsonObject paramValues() {
        return paramValues(json.get("params"));
    }

    /** Serialized params ({@code {name: {"value": ..., "schema": ...}}}) as plain values ({@code {name: value}}). */
    static JsonObject paramValues(JsonValue params) {
        if (params == null || params.getValueType() != JsonValue.ValueType.OBJECT) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonObjectBuilder values = Json.createObjectBuilder();
        params.asJsonObject().forEach((name, param) -> values.add(name,
                param instanceof JsonObject fields && fields.containsKey("value") ? fields.get("value") : param));
        return values.build();
    }

    private String text(String field) {
        JsonValue value = json.get(field);
        return value instanceof JsonString string ? string.getString() : null;
    }

    private int number(String field, int fallback) {
        JsonValue value = json.get(field);
        return value instanceof JsonNumber number ? number.intValue() : fallback;
    }
}
