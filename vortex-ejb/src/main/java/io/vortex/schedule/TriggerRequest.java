package io.vortex.schedule;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What a manual trigger may say: Airflow's {@code dag_run_id}, {@code logical_date}, a data
 * interval (both ends or neither), {@code conf} (a JSON object's text) and a note.
 */
public record TriggerRequest(Optional<String> runId, Optional<OffsetDateTime> logicalDate,
                             Optional<OffsetDateTime> dataIntervalStart, Optional<OffsetDateTime> dataIntervalEnd,
                             Optional<String> conf, Optional<String> note) {

    public TriggerRequest {
        if (dataIntervalStart.isPresent() != dataIntervalEnd.isPresent()) {
            throw new IllegalArgumentException("Both 'data_interval_start' and 'data_interval_end' must be specified together");
        }
        if (note.isPresent() && note.get().length() > 1000) {
            throw new IllegalArgumentException("note has 1000 characters at most, got " + note.get().length());
        }
    }

    /** The conf as a JSON object, empty when none was given. */
    public JsonObject confObject() {
        if (conf.isEmpty()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(conf.get()))) {
            return reader.readObject();
        }
    }
}
