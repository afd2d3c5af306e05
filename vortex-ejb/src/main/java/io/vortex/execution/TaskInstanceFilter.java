package io.vortex.execution;

import io.vortex.platform.TimeRange;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of Airflow's task instance list: one DAG and one run or all ({@code ~}), states
 * ({@code includeNone} for Airflow's "none"), pools, queues, and bounds on the logical, start and
 * end dates and on the duration in seconds (all inclusive).
 */
public record TaskInstanceFilter(Optional<String> dagId, Optional<String> runId, Set<TaskInstanceState> states, boolean includeNone,
                                 Set<String> pools, Set<String> queues, TimeRange logicalDate, TimeRange startDate, TimeRange endDate,
                                 Optional<Double> durationFrom, Optional<Double> durationTo) {

    public TaskInstanceFilter {
        states = Set.copyOf(states);
        pools = Set.copyOf(pools);
        queues = Set.copyOf(queues);
    }
}
