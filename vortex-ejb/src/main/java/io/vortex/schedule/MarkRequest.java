package io.vortex.schedule;

import io.vortex.execution.TaskInstanceState;

/**
 * Airflow's form for setting the state of a task's instances by hand
 * ({@code POST /dags/{dag_id}/updateTaskInstancesState}, {@code PATCH .../taskInstances/{task_id}}).
 *
 * @param includePast   also the instances of the runs before this one
 * @param includeFuture also the instances of the runs after this one
 */
public record MarkRequest(String taskId, String runId, TaskInstanceState newState, boolean includeUpstream, boolean includeDownstream,
                          boolean includePast, boolean includeFuture, boolean dryRun) {

    public MarkRequest {
        if (newState != TaskInstanceState.SUCCESS && newState != TaskInstanceState.FAILED && newState != TaskInstanceState.SKIPPED) {
            throw new IllegalArgumentException("new_state must be one of success, failed, skipped, got "
                    + (newState == null ? "none" : newState.airflowName()));
        }
    }
}
