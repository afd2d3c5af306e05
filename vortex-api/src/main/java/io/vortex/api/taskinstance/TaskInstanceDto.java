package io.vortex.api.taskinstance;

import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceState;
import java.time.OffsetDateTime;

/**
 * A task instance in the fields of Airflow's TaskInstance schema. VORTEX's {@code timed_out}
 * is Airflow's {@code failed} in {@code state}, so Airflow clients understand it;
 * {@code vortex_state} always gives VORTEX's own state.
 */
public record TaskInstanceDto(
        String taskId,
        String taskDisplayName,
        String dagId,
        String dagRunId,
        OffsetDateTime executionDate,
        OffsetDateTime startDate,
        OffsetDateTime endDate,
        Double duration,
        String state,
        String vortexState,
        int tryNumber,
        int mapIndex,
        int maxTries,
        String hostname,
        String unixname,
        String pool,
        int poolSlots,
        String queue,
        int priorityWeight,
        String operator,
        OffsetDateTime queuedWhen,
        Integer pid,
        String note) {

    static TaskInstanceDto of(TaskInstance ti) {
        TaskInstanceState state = ti.getState();
        String airflowState = state == null ? null : state == TaskInstanceState.TIMED_OUT ? "failed" : state.airflowName();
        return new TaskInstanceDto(ti.getTaskId(), ti.getTaskId(), ti.getDag().getDagId(), ti.getDagRun().getRunId(),
                ti.getDagRun().getLogicalDate(), ti.getStartDate(), ti.getEndDate(), ti.getDuration(), airflowState,
                state == null ? null : state.airflowName(), ti.getTryNumber(), ti.getMapIndex(), ti.getMaxTries(), ti.getHostname(),
                System.getProperty("user.name"), ti.getPool(), ti.getPoolSlots(), ti.getQueue(), ti.getPriorityWeight(), ti.getOperator(),
                ti.getQueuedDttm(), ti.getPid(), ti.getNote());
    }
}
