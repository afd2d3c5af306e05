package io.vortex.dag;

import java.util.Set;

/**
 * Which DAGs a list shows, as Airflow's {@code GET /dags} filters them.
 *
 * @param onlyActive   hide DAGs whose file no longer defines them
 * @param paused       only paused ({@code true}) or only unpaused ({@code false}) DAGs; {@code null} for both
 * @param dagIdPattern case-insensitive substring of the dag_id; {@code null} or blank for any
 * @param tags         DAGs carrying at least one of these tags; empty for any
 */
public record DagFilter(boolean onlyActive, Boolean paused, String dagIdPattern, Set<String> tags) {

    public static final DagFilter ACTIVE = new DagFilter(true, null, null, Set.of());

    public DagFilter {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
