package io.vortex.platform;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.stream.Collectors;

/** Values written as Python writes them, where VORTEX shows what Airflow would show. */
public final class PythonText {

    private PythonText() {
    }

    /** Python's {@code repr()} of a str: {@code 'it'}, or {@code "it's"}. */
    public static String repr(String text) {
        char quote = text.contains("'") && !text.contains("\"") ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c == quote ? "\\" + c : String.valueOf(c));
            }
        }
        return out.append(quote).toString();
    }

    /** Python's {@code str()} of what the JSON value decodes to: {@code {'a': [1, True, None]}}, a string as itself. */
    public static String str(JsonValue value) {
        return value instanceof JsonString text ? text.getString() : repr(value);
    }

    private static String repr(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> "None";
            case TRUE -> "True";
            case FALSE -> "False";
            case NUMBER -> ((JsonNumber) value).isIntegral() ? ((JsonNumber) value).bigIntegerValue().toString()
                    : Double.toString(((JsonNumber) value).doubleValue());
            case STRING -> repr(((JsonString) value).getString());
            case ARRAY -> value.asJsonArray().stream().map(PythonText::repr).collect(Collectors.joining(", ", "[", "]"));
            case OBJECT -> value.asJsonObject().entrySet().stream()
                    .map(field -> repr(field.getKey()) + ": " + repr(field.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        };
    }
}
