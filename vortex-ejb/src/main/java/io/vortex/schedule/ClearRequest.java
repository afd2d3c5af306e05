package io.vortex.schedule;

import io.vortex.platform.TimeRange;
import java.util.Optional;
import java.util.Set;

/**
 * Airflow's form for clearing a DAG's task instances ({@code POST /dags/{dag_id}/clearTaskInstances}).
 *
 * @param taskIds      empty for every task; with {@code includeUpstream} / {@code includeDownstream}, their relatives too
 * @param runId        one run; or else {@code logicalDate} bounds the runs
 * @param includePast  also the runs before (lifts the lower bound)
 * @param includeFuture also the runs after (lifts the upper bound)
 * @param resetDagRuns queue the runs of cleared instances again
 */
public record ClearRequest(Optional<Set<String>> taskIds, boolean includeUpstream, boolean includeDownstream, Optional<String> runId,
                           TimeRange logicalDate, boolean includePast, boolean includeFuture, boolean onlyFailed, boolean onlyRunning,
                           boolean resetDagRuns, boolean dryRun) {

    public ClearRequest {
        taskIds = taskIds.map(Set::copyOf);
        if (onlyFailed && onlyRunning) {
            throw new IllegalArgumentException("only_failed and only_running both are set to True");
        }
        if (runId.isPresent() && (logicalDate.from().isPresent() || logicalDate.to().isPresent())) {
            throw new IllegalArgumentException("Exactly one of dag_run_id or (start_date and end_date) must be provided");
        }
    }
}
