package io.vortex.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the fields of a JSON request body in Airflow's forms, gathering every mistake so that one
 * 400 names them all: unknown fields, and values of the wrong type.
 */
public final class JsonBody {

    private final JsonObject body;
    private final List<String> errors = new ArrayList<>();

    /** @param known the form's fields; any other is an error, as Airflow's schemas refuse unknown fields */
    public JsonBody(JsonObject body, Set<String> known) {
        this.body = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        this.body.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> errors.add("{'" + key + "': ['Unknown field.']}"));
    }

    /** The field's value; empty when absent or null. */
    public Optional<JsonValue> value(String field) {
        JsonValue value = body.get(field);
        return value == null || value == JsonValue.NULL ? Optional.empty() : Optional.of(value);
    }

    public Optional<String> text(String field) {
        Optional<JsonValue> value = value(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        errors.add(field + " must be a string, got " + value.get());
        return Optional.empty();
    }

    /** A field that must be present. */
    public String requiredText(String field) {
        if (value(field).isEmpty()) {
            errors.add("{'" + field + "': ['Missing data for required field.']}");
            return "";
        }
        return text(field).orElse("");
    }

    public Optional<OffsetDateTime> time(String field) {
        Optional<String> text = text(field);
        try {
            return text.map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            errors.add(field + " must be an ISO 8601 date-time with an offset, got '" + text.get() + "'");
            return Optional.empty();
        }
    }

    public boolean bool(String field, boolean fallback) {
        Optional<JsonValue> value = value(field);
        if (value.isEmpty()) {
            return fallback;
        }
        if (value.get() == JsonValue.TRUE || value.get() == JsonValue.FALSE) {
            return value.get() == JsonValue.TRUE;
        }
        errors.add(field + " must be true or false, got " + value.get());
        return fallback;
    }

    public Optional<Integer> wholeNumber(String field) {
        Optional<JsonValue> value = value(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof JsonNumber number && number.isIntegral()) {
            return Optional.of(number.intValue());
        }
        errors.add(field + " must be a whole number, got " + value.get());
        return Optional.empty();
    }

    /** A list of strings; empty when absent. */
    public Optional<List<String>> texts(String field) {
        Optional<JsonValue> value = value(field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get().getValueType() == JsonValue.ValueType.ARRAY
                && value.get().asJsonArray().stream().allMatch(JsonString.class::isInstance)) {
            return Optional.of(value.get().asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        errors.add(field + " must be a list of strings, got " + value.get());
        return Optional.empty();
    }

    public void error(String message) {
        errors.add(message);
    }

    /** @throws BadRequestException naming every mistake found so far */
    public void check() {
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join("; ", errors));
        }
    }
}
