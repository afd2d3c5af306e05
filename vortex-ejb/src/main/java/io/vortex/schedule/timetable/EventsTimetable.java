package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Airflow's {@code EventsTimetable}: a run at each listed date. */
public final class EventsTimetable implements Timetable {

    private final List<Instant> events;
    private final boolean restrictToEvents;

    public EventsTimetable(List<Instant> events, boolean restrictToEvents) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an events timetable needs at least one date");
        }
        this.events = events.stream().sorted().toList();
        this.restrictToEvents = restrictToEvents;
    }

    @Override
    public Optional<DagRunInfo> nextDagRunInfo(Optional<DataInterval> lastAutomated, TimeRestriction restriction, Instant now) {
        Optional<Instant> next = lastAutomated.isEmpty()
                ? Optional.of(events.get(0))
                : events.stream().filter(event -> event.isAfter(lastAutomated.get().end())).findFirst();
        return next.map(DagRunInfo::exact);
    }

    @Override
    public DataInterval inferManualDataInterval(Instant runAfter) {
        if (!restrictToEvents) {
            return DataInterval.exact(runAfter);
        }
        Instant mostRecent = events.get(0);
        for (Instant event : events) {
            if (!event.isAfter(runAfter)) {
                mostRecent = event;
            }
        }
        return DataInterval.exact(mostRecent);
    }

    @Override
    public String toString() {
        return events.size() + " Events";
    }
}
