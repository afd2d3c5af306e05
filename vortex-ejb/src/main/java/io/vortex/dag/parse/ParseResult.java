package io.vortex.dag.parse;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one engine made of one DAG file: the serialized DAGs (docs/dag-serialization.md), or
 * the error that stopped it; never both.
 *
 * @param dags     each DAG's serialized form
 * @param dagTexts each DAG's serialized form as the engine wrote it, in the order of {@code dags},
 *                 so that storing it needs no second serialization
 * @param engine   the engine that produced this result
 * @param nanos    how long the engine took
 */
public record ParseResult(List<JsonObject> dags, List<String> dagTexts, Optional<ParseError> error, Engine engine, long nanos) {

    public ParseResult {
        dags = List.copyOf(dags);
        dagTexts = List.copyOf(dagTexts);
        if (dags.size() != dagTexts.size()) {
            throw new IllegalArgumentException(dags.size() + " DAGs but " + dagTexts.size() + " texts");
        }
    }

    public static ParseResult failed(ParseError error, Engine engine, long nanos) {
        return new ParseResult(List.of(), List.of(), Optional.of(error), engine, nanos);
    }

    /** Reads the shim's answer: {@code {"dags": [...], "error": null | {...}}}, plus fields this ignores. */
    public static ParseResult fromShim(String json, Engine engine, long nanos) {
        List<JsonObject> dags = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        JsonObject error = null;
        try (JsonParser parser = Json.createParser(new StringReader(json))) {
            if (parser.next() != JsonParser.Event.START_OBJECT) {
                throw new JsonException("the answer is not a JSON object: " + json);
            }
            while (parser.next() == JsonParser.Event.KEY_NAME) {
                String key = parser.getString();
                JsonParser.Event value = parser.next();
                if ("dags".equals(key) && value == JsonParser.Event.START_ARRAY) {
                    while (parser.next() == JsonParser.Event.START_OBJECT) {
                        // the parser stands just after the '{'; after getObject(), just after its '}'
                        int start = (int) parser.getLocation().getStreamOffset() - 1;
                        dags.add(parser.getObject());
                        texts.add(json.substring(start, (int) parser.getLocation().getStreamOffset()));
                    }
                } else if ("error".equals(key) && value == JsonParser.Event.START_OBJECT) {
                    error = parser.getObject();
                } else if (value == JsonParser.Event.START_OBJECT) {
                    parser.skipObject();
                } else if (value == JsonParser.Event.START_ARRAY) {
                    parser.skipArray();
                }
            }
        }
        if (error != null) {
            return failed(new ParseError(error.getString("kind", "Exception"), error.getString("message", ""),
                    error.containsKey("line") && error.get("line").getValueType() == JsonValue.ValueType.NUMBER
                            ? error.getInt("line") : null,
                    error.getString("traceback", null)), engine, nanos);
        }
        return new ParseResult(dags, texts, Optional.empty(), engine, nanos);
    }

    /** Whether a Python 3 engine might succeed where this one failed. */
    public boolean needsPython3() {
        return error.map(e -> ParseError.SYNTAX_ERROR.equals(e.kind()) || ParseError.IMPORT_ERROR.equals(e.kind()))
                .orElse(false);
    }
}
