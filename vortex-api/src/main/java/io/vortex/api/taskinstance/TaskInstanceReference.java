package io.vortex.api.taskinstance;

import io.vortex.execution.TaskInstance;
import java.time.OffsetDateTime;
import java.util.List;

/** Airflow's TaskInstanceReference: which instance a clear or a mark took. */
public record TaskInstanceReference(String taskId, String dagId, String dagRunId, OffsetDateTime executionDate) {

    public static TaskInstanceReference of(TaskInstance ti) {
        return new TaskInstanceReference(ti.getTaskId(), ti.getDag().getDagId(), ti.getDagRun().getRunId(),
                ti.getDagRun().getLogicalDate());
    }

    /** Airflow's TaskInstanceReferenceCollection. */
    public static Collection collection(List<TaskInstance> instances) {
        return new Collection(instances.stream().map(TaskInstanceReference::of).toList());
    }

    public record Collection(List<TaskInstanceReference> taskInstances) {
    }
}
