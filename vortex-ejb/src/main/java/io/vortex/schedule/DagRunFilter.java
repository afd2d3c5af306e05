package io.vortex.schedule;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * The filters of Airflow's run lists: one DAG or all ({@code dag_id} {@code ~}), states, and
 * logical date bounds (inclusive).
 */
public record DagRunFilter(Optional<String> dagId, Set<DagRunState> states, Optional<OffsetDateTime> logicalDateFrom,
                           Optional<OffsetDateTime> logicalDateTo) {

    public DagRunFilter {
        states = Set.copyOf(states);
    }
}
