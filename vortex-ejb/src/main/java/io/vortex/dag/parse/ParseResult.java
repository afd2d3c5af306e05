package io.vortex.dag.parse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;

/**
 * What one engine made of one DAG file: the serialized DAGs (docs/dag-serialization.md), or
 * the error that stopped it; never both.
 *
 * @param engine the engine that produced this result
 * @param nanos  how long the engine took
 */
public record ParseResult(List<JsonObject> dags, Optional<ParseError> error, Engine engine, long nanos) {

    public ParseResult {
        dags = List.copyOf(dags);
    }

    public static ParseResult failed(ParseError error, Engine engine, long nanos) {
        return new ParseResult(List.of(), Optional.of(error), engine, nanos);
    }

    /** Reads the shim's answer: {@code {"dags": [...], "error": null | {...}}}. */
    public static ParseResult fromShim(String json, Engine engine, long nanos) {
        JsonObject answer;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            answer = reader.readObject();
        }
        JsonValue error = answer.get("error");
        if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
            JsonObject fields = error.asJsonObject();
            return failed(new ParseError(fields.getString("kind", "Exception"), fields.getString("message", ""),
                    fields.containsKey("line") && fields.get("line").getValueType() == JsonValue.ValueType.NUMBER
                            ? fields.getInt("line") : null,
                    fields.getString("traceback", null)), engine, nanos);
        }
        return new ParseResult(answer.getJsonArray("dags").getValuesAs(JsonObject.class), Optional.empty(), engine, nanos);
    }

    /** Whether a Python 3 engine might succeed where this one failed. */
    public boolean needsPython3() {
        return error.map(e -> ParseError.SYNTAX_ERROR.equals(e.kind()) || ParseError.IMPORT_ERROR.equals(e.kind()))
                .orElse(false);
    }
}
