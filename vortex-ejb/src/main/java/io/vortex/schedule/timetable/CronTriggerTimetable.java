package io.vortex.schedule.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Airflow's {@code CronTriggerTimetable}: a run at each cron time, not after an interval; its
 * data interval is the {@code interval} before that time (empty by default).
 */
public final class CronTriggerTimetable implements Timetable {

    private final CronSchedule cron;
    private final Duration interval;

    public CronTriggerTimetable(String expression, ZoneId zone, Duration interval) {
        this.cron = new CronSchedule(expression, zone);
        this.interval = interval;
    }

    @Override
    public Optional<DagRunInfo> nextDagRunInfo(Optional<DataInterval> lastAutomated, TimeRestriction restriction, Instant now) {
        Instant nextStart;
        if (restriction.catchup()) {
            if (lastAutomated.isPresent()) {
                nextStart = cron.next(lastAutomated.get().end());
            } else if (restriction.earliest().isPresent()) {
                nextStart = cron.alignToNext(restriction.earliest().get());
            } else {
                return Optional.empty();
            }
        } else {
            List<Instant> candidates = new ArrayList<>();
            candidates.add(cron.alignToPrevious(now));
            lastAutomated.ifPresent(last -> candidates.add(cron.next(last.end())));
            restriction.earliest().ifPresent(earliest -> candidates.add(cron.alignToNext(earliest)));
            nextStart = Collections.max(candidates);
        }
        if (restriction.latest().isPresent() && restriction.latest().get().isBefore(nextStart)) {
            return Optional.empty();
        }
        return Optional.of(new DagRunInfo(nextStart, new DataInterval(nextStart.minus(interval), nextStart)));
    }

    @Override
    public DataInterval inferManualDataInterval(Instant runAfter) {
        return new DataInterval(runAfter.minus(interval), runAfter);
    }

    @Override
    public String toString() {
        return cron.expression();
    }
}
