package io.vortex.dag.parse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prints per-file parse times of each engine: cold (the engine's first file, including starting
 * its interpreter or process), first file on a started worker, and warm (median and 95th
 * percentile over RUNS parses of a typical DAG file, after WARM_UP parses). A benchmark, not a
 * test: it asserts nothing and runs only with {@code mvn -pl vortex-ejb -am -Pbench test}.
 */
class ParseBenchmark {

    private static final Path TYPICAL = Path.of("../dags/example_task_groups.py").toAbsolutePath().normalize();
    private static final Path TASKFLOW = Path.of("../dags/example_taskflow.py").toAbsolutePath().normalize();
    private static final int RUNS = Integer.getInteger("bench.runs", 200);
    /** Jython compiles hot Python to JVM code only after many calls; warm means after that. */
    private static final int WARM_UP = Integer.getInteger("bench.warm-up", 500);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path shimFolder;

    @Test
    void parseTimesPerEngine() {
        PythonShim shim = PythonShim.unpackInto(shimFolder.resolve("shim"));
        System.out.printf("typical file: %s (%d bytes)%n", TYPICAL.getFileName(), size(TYPICAL));
        measure("jython", () -> WorkerPool.jython(shim, 1, Executors.defaultThreadFactory()), TYPICAL);
        measure("cpython", () -> WorkerPool.cpython("python3", shim, 1, Executors.defaultThreadFactory()), TYPICAL);
        measure("cpython (TaskFlow, Python 3 syntax)", () -> WorkerPool.cpython("python3", shim, 1, Executors.defaultThreadFactory()),
                TASKFLOW);
    }

    private static void measure(String label, Supplier<DagFileParser> engine, Path file) {
        try (DagFileParser parser = engine.get()) {
            long start = System.nanoTime();
            requireSuccess(parser.parseFile(file, file.getParent(), TIMEOUT));
            double cold = millis(System.nanoTime() - start);
            start = System.nanoTime();
            requireSuccess(parser.parseFile(file, file.getParent(), TIMEOUT));
            double second = millis(System.nanoTime() - start);
            for (int i = 0; i < WARM_UP; i++) {
                parser.parseFile(file, file.getParent(), TIMEOUT);
            }
            double[] warm = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                start = System.nanoTime();
                requireSuccess(parser.parseFile(file, file.getParent(), TIMEOUT));
                warm[i] = millis(System.nanoTime() - start);
            }
            Arrays.sort(warm);
            System.out.printf("%s: cold (engine start + first file) %.1f ms, second file %.1f ms, warm median %.2f ms, p95 %.2f ms (%d runs)%n",
                    label, cold, second, warm[RUNS / 2], warm[(int) (RUNS * 0.95)], RUNS);
        }
    }

    private static void requireSuccess(ParseResult result) {
        if (result.error().isPresent()) {
            throw new IllegalStateException("the benchmark file failed to parse: " + result.error().get().report());
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000d;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
