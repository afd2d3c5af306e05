package io.vortex.dag.parse;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads dag_factory files (docs/dag-factory.md): YAML or JSON in the DAG folder, handed to the
 * shim as JSON text. YAML is read safely (no arbitrary objects); its timestamps become ISO-8601
 * strings, as the shim expects dates.
 */
public final class FactorySpecs {

    private FactorySpecs() {
    }

    /** Whether VORTEX reads this file as a dag_factory spec rather than as Python. */
    public static boolean isSpec(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    /**
     * The spec as JSON text.
     *
     * @throws SpecSyntaxException when the file is not valid YAML or JSON, with the line
     */
    public static String toJson(String fileName, String content) {
        if (fileName.toLowerCase(Locale.ROOT).endsWith(".json")) {
            try (JsonReader reader = Json.createReader(new StringReader(content))) {
                return reader.readValue().toString();
            } catch (jakarta.json.stream.JsonParsingException e) {
                throw new SpecSyntaxException("Not valid JSON: " + e.getMessage(),
                        e.getLocation() == null ? null : (int) e.getLocation().getLineNumber());
            }
        }
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(content);
            return toJsonValue(document).toString();
        } catch (MarkedYAMLException e) {
            throw new SpecSyntaxException("Not valid YAML: " + e.getProblem(),
                    e.getProblemMark() == null ? null : e.getProblemMark().getLine() + 1);
        }
    }

    private static JsonValue toJsonValue(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        } else if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((key, item) -> object.add(String.valueOf(key), toJsonValue(item)));
            return object.build();
        } else if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(toJsonValue(item)));
            return array.build();
        } else if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return Json.createValue(new BigDecimal(value.toString()));
        } else if (value instanceof Number number) {
            return Json.createValue(number.doubleValue());
        } else if (value instanceof Date date) {
            return Json.createValue(date.toInstant().toString());
        }
        return Json.createValue(value.toString());
    }

    /** A dag_factory file that is not valid YAML or JSON. */
    public static final class SpecSyntaxException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final Integer line;

        SpecSyntaxException(String message, Integer line) {
            super(message);
            this.line = line;
        }

        public Integer getLine() {
            return line;
        }
    }
}
