package io.vortex.api.taskinstance;

import io.vortex.execution.XCom;
import io.vortex.platform.PythonText;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;

/**
 * An XCom entry in the fields of Airflow's XCom schema. As Airflow's API does by default
 * ({@code stringify=true}), {@code value} is the value as Python's {@code str()} prints it
 * ({@code {'a': 1}}, {@code True}); with {@code stringify=false} it is the JSON value itself.
 */
public record XComDto(String key, OffsetDateTime timestamp, OffsetDateTime executionDate, int mapIndex, String taskId, String dagId,
        Object value) {

    static XComDto entry(XCom xcom) {
        return of(xcom, null);
    }

    static XComDto withValue(XCom xcom, boolean stringify) {
        JsonValue value = xcom.getValue() == null ? JsonValue.NULL : parse(xcom.getValue());
        return of(xcom, stringify ? PythonText.str(value) : value);
    }

    private static XComDto of(XCom xcom, Object value) {
        return new XComDto(xcom.getKey(), xcom.getCreatedAt(), xcom.getTaskInstance().getDagRun().getLogicalDate(),
                xcom.getTaskInstance().getMapIndex(), xcom.getTaskInstance().getTaskId(), xcom.getTaskInstance().getDag().getDagId(), value);
    }

    private static JsonValue parse(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
