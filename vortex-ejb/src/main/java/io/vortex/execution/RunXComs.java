package io.vortex.execution;

import io.vortex.execution.TryPlan.PulledXCom;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's XComs as a task pulls one of them, by task and key: the latest value of an ordinary
 * task, and a mapped task's values as one list by map index, as Airflow's {@code xcom_pull}
 * gives them.
 */
public final class RunXComs {

    private final List<PulledXCom> xcoms;

    /** @param xcoms the run's XComs, oldest first */
    public RunXComs(List<PulledXCom> xcoms) {
        this.xcoms = List.copyOf(xcoms);
    }

    /** The latest value any task pushed under {@code key} (Airflow's pull with no task id). */
    public Optional<JsonValue> latest(String key) {
        for (int i = xcoms.size() - 1; i >= 0; i--) {
            if (xcoms.get(i).key().equals(key)) {
                return Optional.of(Templates.json(xcoms.get(i).value()));
            }
        }
        return Optional.empty();
    }

    /** What {@code taskId} pushed under {@code key}; empty when it pushed nothing there. */
    public Optional<JsonValue> value(String taskId, String key) {
        TreeMap<Integer, JsonValue> mapped = new TreeMap<>();
        JsonValue latest = null;
        for (PulledXCom xcom : xcoms) {
            if (xcom.taskId().equals(taskId) && xcom.key().equals(key)) {
                if (xcom.mapIndex() == TaskInstance.NOT_MAPPED) {
                    latest = Templates.json(xcom.value());
                } else {
                    mapped.put(xcom.mapIndex(), Templates.json(xcom.value()));
                }
            }
        }
        if (!mapped.isEmpty()) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            mapped.values().forEach(values::add);
            return Optional.of(values.build());
        }
        return Optional.ofNullable(latest);
    }
}
