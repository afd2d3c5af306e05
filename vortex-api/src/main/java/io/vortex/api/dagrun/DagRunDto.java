package io.vortex.api.dagrun;

import io.vortex.platform.Timestamps;
import io.vortex.schedule.DagRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.OffsetDateTime;

/**
 * A DAG run in the fields of Airflow's DAGRun schema; times as Airflow writes them
 * ({@code 2024-01-01T00:00:00+00:00}, microseconds when there are any), {@code execution_date}
 * being Airflow's old name of {@code logical_date}.
 */
public record DagRunDto(
        String dagRunId,
        String dagId,
        String logicalDate,
        String executionDate,
        String dataIntervalStart,
        String dataIntervalEnd,
        String queuedAt,
        String startDate,
        String endDate,
        String lastSchedulingDecision,
        String runType,
        String state,
        boolean externalTrigger,
        JsonObject conf,
        String note) {

    static DagRunDto of(DagRun run) {
        return new DagRunDto(run.getRunId(), run.getDag().getDagId(), time(run.getLogicalDate()), time(run.getLogicalDate()),
                time(run.getDataIntervalStart()), time(run.getDataIntervalEnd()), time(run.getQueuedAt()), time(run.getStartDate()),
                time(run.getEndDate()), time(run.getLastSchedulingDecision()), run.getRunType().airflowName(),
                run.getState().airflowName(), run.isExternalTrigger(), conf(run.getConf()), run.getNote());
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : Timestamps.isoformat(time);
    }

    private static JsonObject conf(String conf) {
        if (conf == null) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(conf))) {
            return reader.readObject();
        }
    }
}
