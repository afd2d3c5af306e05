package io.vortex.execution;

import io.vortex.dag.TaskSpec;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airflow's dynamic task mapping, over a task's serialized {@code mapped} field: how many
 * instances a mapped task expands into once its upstream tasks are done, and the arguments of
 * each. {@code expand(x=..., y=...)} maps over the product of its values, the last argument
 * varying fastest (Airflow's {@code DictOfListsExpandInput}); {@code expand_kwargs(...)} over a
 * list of argument dicts. A value is a literal list (a dict maps over its [key, value] items) or
 * an upstream task's XCom, which must be a list or a dict; a mapped upstream's XComs count as one
 * list by map index.
 */
public final class TaskMapping {

    /**
     * A mapped task's expansion.
     *
     * @param count   how many instances it expands into (0: the task is skipped)
     * @param problem why it cannot expand; its try then fails with this message
     */
    public record Expansion(int count, Optional<String> problem) {
    }

    /**
     * One map index's arguments.
     *
     * @param literal  the values the DAG file gave (templates in them are rendered, as Airflow does)
     * @param fromXCom the values taken from upstream XComs (never rendered)
     */
    public record Arguments(JsonObject literal, JsonObject fromXCom) {
    }

    /** A mapped task that cannot expand, with Airflow's reason. */
    public static final class MappingException extends Exception {

        MappingException(String message) {
            super(message);
        }
    }

    private TaskMapping() {
    }

    public static Expansion expand(TaskSpec task, RunXComs xcoms) {
        try {
            int count = 1;
            for (List<JsonValue> values : mappedValues(task, xcoms).values()) {
                count *= values.size();
            }
            return new Expansion(count, Optional.empty());
        } catch (MappingException e) {
            return new Expansion(0, Optional.of(e.getMessage()));
        }
    }

    /** The arguments of instance {@code mapIndex} of a mapped task. */
    public static Arguments argumentsOf(TaskSpec task, int mapIndex, RunXComs xcoms) throws MappingException {
        if (mapIndex < 0) {
            // an instance that could not expand: the reason is the try's failure
            mappedValues(task, xcoms);
            throw new MappingException("Task " + task.taskId() + " is mapped but has not been expanded");
        }
        JsonObject mapped = task.json().getJsonObject("mapped");
        JsonValue expandKwargs = mapped.get("expand_kwargs");
        JsonObjectBuilder literal = Json.createObjectBuilder();
        JsonObjectBuilder fromXCom = Json.createObjectBuilder();
        if (expandKwargs != null && expandKwargs != JsonValue.NULL) {
            JsonValue element = values(task, "expand_kwargs", expandKwargs, xcoms).get(mapIndex);
            if (!(element instanceof JsonObject kwargs)) {
                throw new MappingException("expand_kwargs() expects a list[dict], not list[" + pythonType(element) + "]");
            }
            (isXComArg(expandKwargs) ? fromXCom : literal).addAll(Json.createObjectBuilder(kwargs));
            return new Arguments(literal.build(), fromXCom.build());
        }
        Map<String, List<JsonValue>> values = mappedValues(task, xcoms);
        List<String> names = new ArrayList<>(values.keySet());
        int index = mapIndex;
        Map<String, JsonValue> chosen = new LinkedHashMap<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            List<JsonValue> options = values.get(names.get(i));
            chosen.put(names.get(i), options.get(index % options.size()));
            index /= options.size();
        }
        JsonObject expand = mapped.getJsonObject("expand");
        for (String name : names) {
            (isXComArg(expand.get(name)) ? fromXCom : literal).add(name, chosen.get(name));
        }
        return new Arguments(literal.build(), fromXCom.build());
    }

    /** Each mapped argument's values, in the order the DAG file gave the arguments. */
    private static Map<String, List<JsonValue>> mappedValues(TaskSpec task, RunXComs xcoms) throws MappingException {
        JsonObject mapped = task.json().getJsonObject("mapped");
        if (mapped == null) {
            throw new MappingException("Task " + task.taskId() + " is not mapped");
        }
        Map<String, List<JsonValue>> values = new LinkedHashMap<>();
        JsonValue expandKwargs = mapped.get("expand_kwargs");
        if (expandKwargs != null && expandKwargs != JsonValue.NULL) {
            values.put("expand_kwargs", values(task, "expand_kwargs", expandKwargs, xcoms));
            return values;
        }
        for (Map.Entry<String, JsonValue> argument : mapped.getJsonObject("expand").entrySet()) {
            values.put(argument.getKey(), values(task, argument.getKey(), argument.getValue(), xcoms));
        }
        return values;
    }

    private static List<JsonValue> values(TaskSpec task, String name, JsonValue value, RunXComs xcoms) throws MappingException {
        JsonValue resolved = value;
        if (isXComArg(value)) {
            JsonObject reference = value.asJsonObject().getJsonObject("xcom_arg");
            if (!reference.containsKey("task_id")) {
                throw new MappingException("VORTEX cannot expand " + task.taskId() + " over " + reference.getString("repr", "this XComArg")
                        + " yet: only the output of a task itself can be mapped over");
            }
            String upstream = reference.getString("task_id");
            resolved = xcoms.value(upstream, reference.getString("key", XCom.RETURN_VALUE_KEY)).orElseThrow(() -> new MappingException(
                    "XComForMappingNotPushed: did not push XCom for task mapping (task " + upstream + " pushed no value for "
                            + task.taskId() + " to map over)"));
        }
        if (resolved instanceof JsonArray list) {
            return list;
        }
        if (resolved instanceof JsonObject dict) {
            List<JsonValue> items = new ArrayList<>();
            dict.forEach((key, item) -> items.add(Json.createArrayBuilder().add(key).add(item).build()));
            return items;
        }
        throw new MappingException("UnmappableXComTypePushed: unmappable return type " + "'" + pythonType(resolved) + "'"
                + " (argument " + name + " of " + task.taskId() + ")");
    }

    private static boolean isXComArg(JsonValue value) {
        return value instanceof JsonObject object && object.size() == 1 && object.get("xcom_arg") instanceof JsonObject;
    }

    private static String pythonType(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> "str";
            case NUMBER -> value.toString().matches("-?\\d+") ? "int" : "float";
            case TRUE, FALSE -> "bool";
            case NULL -> "NoneType";
            case ARRAY -> "list";
            case OBJECT -> "dict";
        };
    }
}
