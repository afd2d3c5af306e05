package io.vortex.schedule;

import io.vortex.platform.TimeRange;
import java.util.Set;

/**
 * The filters of Airflow's run lists: DAG ids (none for every DAG, {@code dag_id} {@code ~}),
 * states, and bounds on the logical, start and end dates.
 */
public record DagRunFilter(Set<String> dagIds, Set<DagRunState> states, TimeRange logicalDate, TimeRange startDate, TimeRange endDate) {

    public DagRunFilter {
        dagIds = Set.copyOf(dagIds);
        states = Set.copyOf(states);
    }
}
