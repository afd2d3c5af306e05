package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Optional;

/**
 * When a DAG's scheduled runs are due, as Airflow's timetable of the same schedule decides.
 * Implementations are immutable and keep no clock of their own: {@code now} is passed in.
 */
public interface Timetable {

    /**
     * The run after {@code lastAutomated} (the data interval of the latest scheduled run, empty
     * before the first), or empty when the schedule creates no further run.
     */
    Optional<DagRunInfo> nextDagRunInfo(Optional<DataInterval> lastAutomated, TimeRestriction restriction, Instant now);

    /** The data interval of a run triggered by hand at {@code runAfter}. */
    DataInterval inferManualDataInterval(Instant runAfter);

    /** Whether the scheduler creates runs at all; false for None, datasets and custom timetables. */
    default boolean canBeScheduled() {
        return true;
    }

    /** At most this many active runs whatever the DAG says ({@code @continuous}: one). */
    default Optional<Integer> activeRunsLimit() {
        return Optional.empty();
    }
}
