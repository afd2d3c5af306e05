package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Optional;

/**
 * Airflow's {@code _DataIntervalTimetable}: each run covers the interval from one schedule
 * point to the next and is due when that interval ends. With catchup every interval since the
 * start date runs in turn; without, the first run is the latest complete interval.
 */
abstract class DataIntervalTimetable implements Timetable {

    abstract Instant next(Instant current);

    abstract Instant previous(Instant current);

    abstract Instant alignToNext(Instant current);

    abstract Instant alignToPrevious(Instant current);

    /** The start of the latest interval that has ended by {@code now}, not before {@code earliest}. */
    abstract Instant skipToLatest(Optional<Instant> earliest, Instant now);

    @Override
    public Optional<DagRunInfo> nextDagRunInfo(Optional<DataInterval> lastAutomated, TimeRestriction restriction, Instant now) {
        Optional<Instant> earliest = restriction.catchup()
                ? restriction.earliest().map(this::alignToNext)
                : Optional.of(skipToLatest(restriction.earliest(), now));
        Instant start;
        if (lastAutomated.isEmpty()) {
            if (earliest.isEmpty()) {
                return Optional.empty();
            }
            start = earliest.get();
        } else {
            // aligned because the schedule may have changed since the last run
            Instant afterLast = alignToPrevious(lastAutomated.get().end());
            start = earliest.filter(instant -> instant.isAfter(afterLast)).orElse(afterLast);
        }
        if (restriction.latest().isPresent() && start.isAfter(restriction.latest().get())) {
            return Optional.empty();
        }
        return Optional.of(DagRunInfo.interval(start, next(start)));
    }
}
