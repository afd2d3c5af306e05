package io.vortex.execution;

import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import io.vortex.schedule.DagRun;
import io.vortex.schedule.DagRunRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads task instances, their tries' logs and their XComs for the API and the console. */
@Stateless
public class TaskInstanceService {

    /** Bytes of log returned per read; a client continues with the next offset. */
    private static final int LOG_CHUNK = 1024 * 1024;

    @Inject
    private DagRunRepository runs;

    @Inject
    private TaskInstanceRepository taskInstances;

    /** A piece of a try's log. */
    public record LogChunk(String text, long nextOffset, boolean endOfLog) {
    }

    public Optional<DagRun> run(String dagId, String runId) {
        return runs.find(dagId, runId);
    }

    /** Airflow's task instance list, of one run, one DAG's runs, or every DAG's. */
    public Page<TaskInstance> list(TaskInstanceFilter filter, PageRequest page) {
        return taskInstances.find(filter, page);
    }

    /** The instances of one task in a run: one, or one per map index of a mapped task. */
    public List<TaskInstance> instancesOf(DagRun run, String taskId) {
        return taskInstances.ofTask(run, taskId);
    }

    public Optional<TaskInstance> find(DagRun run, String taskId, int mapIndex) {
        return taskInstances.find(run, taskId, mapIndex);
    }

    public Optional<TaskTry> findTry(TaskInstance ti, int tryNumber) {
        return taskInstances.findTry(ti, tryNumber);
    }

    /** The log of a try from byte {@code offset}; it may still grow while the try runs. */
    public LogChunk readLog(TaskTry taskTry, long offset) {
        Path file = Path.of(taskTry.getLogPath());
        boolean running = taskTry.getState() == TaskInstanceState.RUNNING;
        if (!Files.exists(file)) {
            return new LogChunk("", offset, !running);
        }
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            long length = log.length();
            long from = Math.min(Math.max(0, offset), length);
            int size = (int) Math.min(LOG_CHUNK, length - from);
            byte[] bytes = new byte[size];
            log.seek(from);
            log.readFully(bytes);
            // never cut a UTF-8 character: stop before a trailing partial one
            int end = size;
            if (from + size < length) {
                while (end > 0 && (bytes[end - 1] & 0xC0) == 0x80) {
                    end--;
                }
                if (end > 0 && (bytes[end - 1] & 0x80) != 0) {
                    end--;
                }
            }
            long next = from + end;
            return new LogChunk(new String(bytes, 0, end, StandardCharsets.UTF_8), next, !running && next >= length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the task log " + file, e);
        }
    }

    public List<XCom> xcoms(TaskInstance ti) {
        return taskInstances.xcomsOf(ti);
    }
}
