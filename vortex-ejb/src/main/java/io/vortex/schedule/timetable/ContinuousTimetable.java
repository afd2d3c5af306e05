package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Optional;

/** {@code @continuous}: a new run as soon as the previous one ends; one active run at most. */
public final class ContinuousTimetable implements Timetable {

    @Override
    public Optional<DagRunInfo> nextDagRunInfo(Optional<DataInterval> lastAutomated, TimeRestriction restriction, Instant now) {
        if (restriction.earliest().isEmpty()) {
            return Optional.empty();
        }
        Instant earliest = restriction.earliest().get();
        Instant start = lastAutomated.map(DataInterval::end).orElse(earliest);
        Instant end = lastAutomated.isPresent() || now.isAfter(earliest) ? now : earliest;
        if (restriction.latest().isPresent() && end.isAfter(restriction.latest().get())) {
            return Optional.empty();
        }
        return Optional.of(DagRunInfo.interval(start, end));
    }

    @Override
    public DataInterval inferManualDataInterval(Instant runAfter) {
        return DataInterval.exact(runAfter);
    }

    @Override
    public Optional<Integer> activeRunsLimit() {
        return Optional.of(1);
    }

    @Override
    public String toString() {
        return "@continuous";
    }
}
