package io.vortex.execution;

import io.vortex.dag.TaskSpec;
import io.vortex.platform.Timestamps;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Everything one try of a task instance needs, read when the try starts, so the operator runs
 * with no transaction open.
 *
 * @param engine   the engine that parsed the DAG file ({@code jython} or {@code cpython}); Python tasks run there
 * @param xcoms    the run's XComs so far
 * @param timeout  the task's {@code execution_timeout}, else the server's default
 * @param mappedGroup the mapped task group the task is in, which VORTEX cannot run yet
 */
public record TryPlan(long taskInstanceId, long runPk, int tryNumber, int maxTries, String dagId, String runId, String taskId,
        int mapIndex, TaskSpec task, String fileloc, String engine, RunContext run, JsonObject params, List<PulledXCom> xcoms,
        Path logFile, Optional<Duration> timeout, Optional<String> mappedGroup) {

    /**
     * The DAG run as templates and Python tasks see it.
     *
     * @param conf the run's {@code conf}, an empty object when none was given
     */
    public record RunContext(String runType, OffsetDateTime logicalDate, OffsetDateTime dataIntervalStart,
            OffsetDateTime dataIntervalEnd, OffsetDateTime startDate, boolean externalTrigger, JsonObject conf) {

        private static final DateTimeFormatter TS_NODASH = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
        private static final DateTimeFormatter TS_NODASH_WITH_TZ = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssxx");

        /** Airflow's {@code ds}: the logical date, {@code 2024-01-31}. */
        public String ds() {
            return logicalDate.toLocalDate().toString();
        }

        /** Airflow's {@code ds_nodash}: {@code 20240131}. */
        public String dsNodash() {
            return ds().replace("-", "");
        }

        /** Airflow's {@code ts}: {@code 2024-01-31T00:00:00+00:00}. */
        public String ts() {
            return Timestamps.isoformat(logicalDate);
        }

        /** Airflow's {@code ts_nodash}: {@code 20240131T000000}. */
        public String tsNodash() {
            return tsNodash(logicalDate);
        }

        /** Airflow's {@code ts_nodash} of a logical date. */
        public static String tsNodash(OffsetDateTime logicalDate) {
            return TS_NODASH.format(logicalDate);
        }

        /** Airflow's {@code ts_nodash_with_tz}: {@code 20240131T000000+0000}. */
        public String tsNodashWithTz() {
            return TS_NODASH_WITH_TZ.format(logicalDate);
        }
    }

    /** An XCom of the run: {@code value} is JSON text. */
    public record PulledXCom(String taskId, int mapIndex, String key, String value) {

        public static PulledXCom of(XCom xcom) {
            return new PulledXCom(xcom.getTaskInstance().getTaskId(), xcom.getTaskInstance().getMapIndex(), xcom.getKey(), xcom.getValue());
        }
    }

    /** {@code dag_id.task_id[run=run_id] try N}, as log sentences name a try. */
    public String describe() {
        return dagId + "." + taskId + (mapIndex == TaskInstance.NOT_MAPPED ? "" : "[" + mapIndex + "]") + "[run=" + runId + "] try "
                + tryNumber;
    }
}
