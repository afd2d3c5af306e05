package io.vortex.dag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Airflow's check of a run's params ({@code ParamsDict.validate} when a run is created): the
 * DAG's params, overridden by the run's {@code conf}, must each have a value, and it must meet
 * the param's JSON schema (the latest draft, as Python's {@code jsonschema.validate} picks).
 */
final class DagParams {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private DagParams() {
    }

    /**
     * @param params the serialized params ({@code {name: {"value", "has_value", "schema", ...}}})
     * @return Airflow's message for the first param that fails, e.g. {@code Invalid input for param size: ...}
     */
    static Optional<String> problem(JsonValue params, JsonObject conf) {
        if (!(params instanceof JsonObject declared)) {
            return Optional.empty();
        }
        for (Map.Entry<String, JsonValue> param : declared.entrySet()) {
            if (!(param.getValue() instanceof JsonObject fields)) {
                continue;
            }
            String name = param.getKey();
            JsonValue value = conf.containsKey(name) ? conf.get(name)
                    : fields.getBoolean("has_value", true) ? fields.getOrDefault("value", JsonValue.NULL) : null;
            if (value == null) {
                return Optional.of("Invalid input for param " + name + ": No value passed and Param has no default value");
            }
            if (fields.get("schema") instanceof JsonObject schema && !schema.isEmpty()) {
                List<Error> errors = validate(schema, value);
                if (!errors.isEmpty()) {
                    return Optional.of("Invalid input for param " + name + ": " + errors.get(0).getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static List<Error> validate(JsonObject schema, JsonValue value) {
        try {
            return SCHEMAS.getSchema(schema.toString()).validate(JSON.readTree(value.toString()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON value did not read as JSON: " + value, e);
        }
    }
}
