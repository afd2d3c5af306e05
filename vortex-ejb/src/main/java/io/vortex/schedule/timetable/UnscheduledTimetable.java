package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Optional;

/**
 * A DAG the clock never starts: {@code schedule=None}, a dataset-triggered DAG (its datasets
 * start it), or a custom timetable class, whose Python code the scheduler does not run. Runs
 * triggered by hand cover the moment they were triggered.
 */
public final class UnscheduledTimetable implements Timetable {

    private final String reason;

    public UnscheduledTimetable(String reason) {
        this.reason = reason;
    }

    @Override
    public Optional<DagRunInfo> nextDagRunInfo(Optional<DataInterval> lastAutomated, TimeRestriction restriction, Instant now) {
        return Optional.empty();
    }

    @Override
    public DataInterval inferManualDataInterval(Instant runAfter) {
        return DataInterval.exact(runAfter);
    }

    @Override
    public boolean canBeScheduled() {
        return false;
    }

    @Override
    public String toString() {
        return reason;
    }
}
