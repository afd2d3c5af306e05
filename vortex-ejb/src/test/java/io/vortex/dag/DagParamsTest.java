package io.vortex.dag;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class DagParamsTest {

    private static final JsonObject PARAMS = json("""
            {"size": {"value": 5, "has_value": true, "schema": {"type": "integer", "minimum": 1}},
             "name": {"value": null, "has_value": false, "schema": {"type": "string"}},
             "note": {"value": null, "has_value": true, "schema": {}}}
            """);

    @Test
    void everyParamNeedsAValueThatMeetsItsSchema() {
        assertThat(DagParams.problem(PARAMS, JsonValue.EMPTY_JSON_OBJECT))
                .hasValue("Invalid input for param name: No value passed and Param has no default value");
        assertThat(DagParams.problem(PARAMS, json("{\"name\": \"eu\", \"size\": 0}")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("Invalid input for param size: ").contains("minimum"));
        assertThat(DagParams.problem(PARAMS, json("{\"name\": 7}")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("Invalid input for param name: ").contains("string"));
    }

    @Test
    void aConfThatMeetsTheSchemasOrNoParamsPass() {
        assertThat(DagParams.problem(PARAMS, json("{\"name\": \"eu\", \"extra\": [1]}"))).isEmpty();
        assertThat(DagParams.problem(JsonValue.NULL, JsonValue.EMPTY_JSON_OBJECT)).isEmpty();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
