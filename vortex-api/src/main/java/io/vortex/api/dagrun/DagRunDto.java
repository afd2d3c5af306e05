package io.vortex.api.dagrun;

import io.vortex.schedule.DagRun;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;

/** A DAG run in the fields of Airflow's DAGRun schema, {@code execution_date} being Airflow's old name of {@code logical_date}. */
public record DagRunDto(
        String dagRunId,
        String dagId,
        OffsetDateTime logicalDate,
        OffsetDateTime executionDate,
        OffsetDateTime dataIntervalStart,
        OffsetDateTime dataIntervalEnd,
        OffsetDateTime queuedAt,
        OffsetDateTime startDate,
        OffsetDateTime endDate,
        OffsetDateTime lastSchedulingDecision,
        String runType,
        String state,
        boolean externalTrigger,
        JsonObject conf,
        String note) {

    static DagRunDto of(DagRun run) {
        return new DagRunDto(run.getRunId(), run.getDag().getDagId(), run.getLogicalDate(), run.getLogicalDate(),
                run.getDataIntervalStart(), run.getDataIntervalEnd(), run.getQueuedAt(), run.getStartDate(),
                run.getEndDate(), run.getLastSchedulingDecision(), run.getRunType().airflowName(),
                run.getState().airflowName(), run.isExternalTrigger(), run.confObject(), run.getNote());
    }
}
