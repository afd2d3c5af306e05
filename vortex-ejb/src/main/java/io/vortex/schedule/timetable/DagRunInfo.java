package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Objects;

/**
 * The next run a timetable asks for: the moment it may be created ({@code runAfter}, Airflow's
 * {@code next_dagrun_create_after}) and the data interval it covers.
 */
public record DagRunInfo(Instant runAfter, DataInterval dataInterval) {

    public DagRunInfo {
        Objects.requireNonNull(runAfter, "runAfter");
        Objects.requireNonNull(dataInterval, "dataInterval");
    }

    /** A run for the period from {@code start} to {@code end}, due once the period is over. */
    public static DagRunInfo interval(Instant start, Instant end) {
        return new DagRunInfo(end, new DataInterval(start, end));
    }

    /** A run for one moment, due at that moment. */
    public static DagRunInfo exact(Instant at) {
        return new DagRunInfo(at, DataInterval.exact(at));
    }

    public Instant logicalDate() {
        return dataInterval.start();
    }
}
