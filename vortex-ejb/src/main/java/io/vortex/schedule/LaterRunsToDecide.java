package io.vortex.schedule;

import java.time.OffsetDateTime;

/**
 * A run of a DAG whose tasks depend on the past took decisions: the DAG's next running run, after
 * {@code after} by logical date, may now be able to go on. Observed after the transaction commits.
 */
public record LaterRunsToDecide(long dagPk, OffsetDateTime after) {
}
