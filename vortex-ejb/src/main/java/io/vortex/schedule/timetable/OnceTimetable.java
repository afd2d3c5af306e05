package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Optional;

/** {@code @once}: one run at the start date, whatever catchup says. */
public final class OnceTimetable implements Timetable {

    @Override
    public Optional<DagRunInfo> nextDagRunInfo(Optional<DataInterval> lastAutomated, TimeRestriction restriction, Instant now) {
        if (lastAutomated.isPresent() || restriction.earliest().isEmpty()) {
            return Optional.empty();
        }
        Instant runAfter = restriction.earliest().get();
        if (restriction.latest().isPresent() && runAfter.isAfter(restriction.latest().get())) {
            return Optional.empty();
        }
        return Optional.of(DagRunInfo.exact(runAfter));
    }

    @Override
    public DataInterval inferManualDataInterval(Instant runAfter) {
        return DataInterval.exact(runAfter);
    }

    @Override
    public String toString() {
        return "@once";
    }
}
