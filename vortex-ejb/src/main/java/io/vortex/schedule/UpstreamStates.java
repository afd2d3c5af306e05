package io.vortex.schedule;

import io.vortex.execution.TaskInstanceState;

/**
 * How the direct upstream task instances of one task instance stand, counted the way Airflow's
 * trigger rule dependency counts them. A {@code timed_out} upstream counts as failed.
 *
 * @param upstream       number of direct upstream tasks
 * @param done           upstream instances in a finished state (success, failed, skipped, upstream_failed, removed)
 * @param upstreamSetups direct upstream tasks that are setup tasks
 * @param successSetups  of those, the ones that succeeded
 * @param skippedSetups  of those, the ones that were skipped
 */
public record UpstreamStates(int upstream, int success, int skipped, int failed, int upstreamFailed, int removed, int done,
        int upstreamSetups, int successSetups, int skippedSetups) {

    /** Counts for a task without upstream tasks. */
    public static final UpstreamStates NONE = new UpstreamStates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Adds one upstream instance in {@code state} ({@code null}: not finished). */
    public UpstreamStates plus(TaskInstanceState state, boolean setup) {
        boolean isSuccess = state == TaskInstanceState.SUCCESS;
        boolean isSkipped = state == TaskInstanceState.SKIPPED;
        boolean isFailed = state == TaskInstanceState.FAILED || state == TaskInstanceState.TIMED_OUT;
        boolean isUpstreamFailed = state == TaskInstanceState.UPSTREAM_FAILED;
        boolean isRemoved = state == TaskInstanceState.REMOVED;
        return new UpstreamStates(upstream + 1, success + one(isSuccess), skipped + one(isSkipped), failed + one(isFailed),
                upstreamFailed + one(isUpstreamFailed), removed + one(isRemoved),
                done + one(isSuccess || isSkipped || isFailed || isUpstreamFailed || isRemoved),
                upstreamSetups + one(setup), successSetups + one(setup && isSuccess), skippedSetups + one(setup && isSkipped));
    }

    /** Whether every upstream instance has finished. */
    public boolean allDone() {
        return done >= upstream;
    }

    private static int one(boolean counted) {
        return counted ? 1 : 0;
    }
}
