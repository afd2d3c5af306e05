package io.vortex.execution;

import io.vortex.platform.Timestamps;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The log file of one try, written line by line in Airflow's task log format
 * ({@code [2024-01-01T00:00:00.123+0000] {subprocess.py:93} INFO - text}) and flushed at once, so
 * it can be read while the task runs. Python tasks append to the same file from their engine
 * while it is closed here.
 */
public final class TaskLog implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final Path file;
    private final BufferedWriter out;

    private TaskLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** Opens the file for appending, creating it and its folders. */
    public static TaskLog append(Path file) {
        try {
            Files.createDirectories(file.getParent());
            return new TaskLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the task log " + file, e);
        }
    }

    public void info(String source, String message) {
        write(source, "INFO", message);
    }

    public void warning(String source, String message) {
        write(source, "WARNING", message);
    }

    public void error(String source, String message) {
        write(source, "ERROR", message);
    }

    /**
     * Airflow's last line of a try, naming the state the task instance was left in:
     * {@code Marking task as UP_FOR_RETRY. dag_id=etl, task_id=load, run_id=..., execution_date=20240101T000000, end_date=...}.
     */
    public void markedAs(TaskInstanceState state, String dagId, String taskId, String runId, OffsetDateTime logicalDate) {
        info("taskinstance.py:1206", "Marking task as " + state.airflowName().toUpperCase(Locale.ROOT) + ". dag_id=" + dagId
                + ", task_id=" + taskId + ", run_id=" + runId + ", execution_date=" + TryPlan.RunContext.tsNodash(logicalDate)
                + ", end_date=" + Timestamps.isoformat(Timestamps.now()));
    }

    /** Writes one record; a message of several lines is one record, as Python's logging writes it. */
    public synchronized void write(String source, String level, String message) {
        try {
            out.write("[" + TIME.format(Instant.now()) + "] {" + source + "} " + level + " - " + message);
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the task log " + file, e);
        }
    }

    /** The file's size in bytes, 0 when it does not exist. */
    public static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot close the task log " + file, e);
        }
    }
}
