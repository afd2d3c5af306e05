package io.vortex.dag.parse;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Both engines against the fixture DAG files in src/test/resources/dags: each file's DAGs,
 * tasks and edges must match the graph Airflow builds ({@code <file>.expected.json}), Python 3
 * files must fail in Jython as syntax errors and pass in CPython, and a runaway file must be
 * stopped at the timeout without losing the engine.
 */
class ParserEnginesTest {

    private static final Path FIXTURES = Path.of("src/test/resources/dags").toAbsolutePath();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path shimFolder;

    private static DagFileParser jython;
    private static DagFileParser cpython;

    @BeforeAll
    static void startEngines() {
        PythonShim shim = PythonShim.unpackInto(shimFolder.resolve("shim"));
        jython = WorkerPool.jython(shim, 1, Executors.defaultThreadFactory());
        cpython = WorkerPool.cpython("python3", shim, 1, Executors.defaultThreadFactory());
    }

    @AfterAll
    static void stopEngines() {
        jython.close();
        cpython.close();
    }

    static Stream<String> classicFiles() throws IOException {
        return fixtures("classic_", ".py");
    }

    static Stream<String> modernFiles() throws IOException {
        return fixtures("modern_", ".py");
    }

    static Stream<String> errorFiles() throws IOException {
        return fixtures("error_", ".py").filter(name -> !name.equals("error_runaway.py"));
    }

    static Stream<String> specFiles() throws IOException {
        return Stream.concat(fixtures("factory_", ".yaml"), fixtures("factory_", ".json"))
                .filter(name -> !name.endsWith(".expected.json"));
    }

    @ParameterizedTest
    @MethodSource("classicFiles")
    void classicFilesBuildAirflowsGraphInBothEngines(String name) throws IOException {
        JsonObject expected = expected(name);
        assertMatches(name, jython.parseFile(FIXTURES.resolve(name), FIXTURES, TIMEOUT), expected);
        assertMatches(name, cpython.parseFile(FIXTURES.resolve(name), FIXTURES, TIMEOUT), expected);
    }

    @ParameterizedTest
    @MethodSource("modernFiles")
    void python3FilesNeedCPython(String name) throws IOException {
        ParseResult inJython = jython.parseFile(FIXTURES.resolve(name), FIXTURES, TIMEOUT);
        assertThat(inJython.needsPython3()).as(name + " in Jython: " + inJython.error()).isTrue();
        assertMatches(name, cpython.parseFile(FIXTURES.resolve(name), FIXTURES, TIMEOUT), expected(name));
    }

    @ParameterizedTest
    @MethodSource("errorFiles")
    void brokenFilesBecomeImportErrorsWithKindAndLine(String name) throws IOException {
        assertMatches(name, cpython.parseFile(FIXTURES.resolve(name), FIXTURES, TIMEOUT), expected(name));
    }

    @ParameterizedTest
    @MethodSource("specFiles")
    void factorySpecsBuildDynamicDags(String name) throws IOException {
        String spec = FactorySpecs.toJson(name, Files.readString(FIXTURES.resolve(name)));
        ParseResult result = jython.parseSpec(spec, FIXTURES.resolve(name), TIMEOUT);
        assertMatches(name, result, expected(name));
        assertThat(result.dags()).allSatisfy(dag -> assertThat(dag.getBoolean("is_dynamic")).isTrue());
    }

    @Test
    void aRunawayFileIsStoppedAtTheTimeoutAndTheEngineKeepsWorking() {
        Path runaway = FIXTURES.resolve("error_runaway.py");
        for (DagFileParser engine : List.of(jython, cpython)) {
            ParseResult stopped = engine.parseFile(runaway, FIXTURES, Duration.ofSeconds(2));
            assertThat(stopped.error()).as(engine.engine().label()).get()
                    .satisfies(error -> assertThat(error.kind()).isEqualTo(ParseError.TIMEOUT));
            ParseResult next = engine.parseFile(FIXTURES.resolve(classicFiles0()), FIXTURES, TIMEOUT);
            assertThat(next.error()).as(engine.engine().label() + " after a timeout").isEmpty();
        }
    }

    /** The example DAGs the one-command start loads (the repository's dags/ folder) parse without error. */
    @Test
    void theExampleDagsParse() throws IOException {
        Path examples = Path.of("../dags").toAbsolutePath().normalize();
        AutoParser auto = new AutoParser(jython, cpython);
        List<String> failures = new ArrayList<>();
        try (Stream<Path> files = Files.list(examples)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                ParseResult result = FactorySpecs.isSpec(name)
                        ? auto.parseSpec(FactorySpecs.toJson(name, Files.readString(file)), file, TIMEOUT)
                        : auto.parseFile(file, examples, TIMEOUT);
                if (result.error().isPresent() || result.dags().isEmpty()) {
                    failures.add(name + ": " + result.error().map(ParseError::report).orElse("no DAG"));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void autoFallsBackToCPythonForPython3Files() throws IOException {
        String modern = modernFiles().findFirst().orElseThrow();
        ParseResult result = new AutoParser(jython, cpython).parseFile(FIXTURES.resolve(modern), FIXTURES, TIMEOUT);
        assertThat(result.error()).isEmpty();
        assertThat(result.engine()).isEqualTo(Engine.CPYTHON);
    }

    private static String classicFiles0() {
        try {
            return classicFiles().findFirst().orElseThrow();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Compares only what the expected file states: each listed DAG field, task and task field. */
    private static void assertMatches(String name, ParseResult result, JsonObject expected) {
        if (expected.containsKey("error")) {
            assertThat(result.error()).as(name + ": an import error").isPresent();
            JsonObject error = expected.getJsonObject("error");
            assertThat(result.error().get().kind()).as(name + " kind: " + result.error().get().message())
                    .isEqualTo(error.getString("kind"));
            if (error.containsKey("line") && error.get("line") != JsonValue.NULL) {
                assertThat(result.error().get().line()).as(name + " line").isEqualTo(error.getInt("line"));
            }
            return;
        }
        assertThat(result.error()).as(name + " (" + result.engine().label() + ")").isEmpty();
        JsonObject expectedDags = expected.getJsonObject("dags");
        assertThat(result.dags().stream().map(dag -> dag.getString("dag_id")))
                .as(name + " DAG ids (" + result.engine().label() + ")")
                .containsExactlyInAnyOrderElementsOf(expectedDags.keySet());
        List<String> mismatches = new ArrayList<>();
        for (JsonObject dag : result.dags()) {
            String dagId = dag.getString("dag_id");
            JsonObject expectedDag = expectedDags.getJsonObject(dagId);
            for (Map.Entry<String, JsonValue> field : expectedDag.entrySet()) {
                if (field.getKey().equals("tasks")) {
                    compareTasks(dagId, dag, field.getValue().asJsonObject(), mismatches);
                } else if (!same(dag.get(field.getKey()), field.getValue())) {
                    mismatches.add(dagId + "." + field.getKey() + ": expected " + field.getValue() + ", got " + dag.get(field.getKey()));
                }
            }
        }
        assertThat(mismatches).as(name + " (" + result.engine().label() + ")").isEmpty();
    }

    private static void compareTasks(String dagId, JsonObject dag, JsonObject expectedTasks, List<String> mismatches) {
        Map<String, JsonObject> actual = new java.util.LinkedHashMap<>();
        dag.getJsonArray("tasks").getValuesAs(JsonObject.class).forEach(task -> actual.put(task.getString("task_id"), task));
        if (!actual.keySet().equals(expectedTasks.keySet())) {
            mismatches.add(dagId + " task ids: expected " + expectedTasks.keySet() + ", got " + actual.keySet());
            return;
        }
        expectedTasks.forEach((taskId, fields) -> fields.asJsonObject().forEach((field, value) -> {
            JsonValue got = actual.get(taskId).get(field);
            if (!same(got, value)) {
                mismatches.add(dagId + "." + taskId + "." + field + ": expected " + value + ", got " + got);
            }
        }));
    }

    /** JSON equality, with lists of ids compared as sets and numbers by value. */
    private static boolean same(JsonValue actual, JsonValue expected) {
        if (actual == null) {
            return expected == JsonValue.NULL;
        }
        if (actual.getValueType() == JsonValue.ValueType.ARRAY && expected.getValueType() == JsonValue.ValueType.ARRAY) {
            return new java.util.HashSet<>(actual.asJsonArray()).equals(new java.util.HashSet<>(expected.asJsonArray()));
        }
        if (actual.getValueType() == JsonValue.ValueType.NUMBER && expected.getValueType() == JsonValue.ValueType.NUMBER) {
            return ((jakarta.json.JsonNumber) actual).bigDecimalValue().compareTo(((jakarta.json.JsonNumber) expected).bigDecimalValue()) == 0;
        }
        return actual.equals(expected);
    }

    private static JsonObject expected(String name) throws IOException {
        String base = name.substring(0, name.lastIndexOf('.'));
        try (JsonReader reader = Json.createReader(new StringReader(Files.readString(FIXTURES.resolve(base + ".expected.json"))))) {
            return reader.readObject();
        }
    }

    private static Stream<String> fixtures(String prefix, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(FIXTURES)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(file -> file.startsWith(prefix) && file.endsWith(suffix))
                    .sorted()
                    .toList()
                    .stream();
        }
    }
}
