package io.vortex.schedule.timetable;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/** A cron expression or preset as {@code schedule}: Airflow's {@code CronDataIntervalTimetable}. */
public final class CronDataIntervalTimetable extends DataIntervalTimetable {

    private final CronSchedule cron;

    public CronDataIntervalTimetable(String expression, ZoneId zone) {
        this.cron = new CronSchedule(expression, zone);
    }

    @Override
    Instant next(Instant current) {
        return cron.next(current);
    }

    @Override
    Instant previous(Instant current) {
        return cron.previous(current);
    }

    @Override
    Instant alignToNext(Instant current) {
        return cron.alignToNext(current);
    }

    @Override
    Instant alignToPrevious(Instant current) {
        return cron.alignToPrevious(current);
    }

    @Override
    Instant skipToLatest(Optional<Instant> earliest, Instant now) {
        Instant lastStart = cron.previous(now);
        Instant nextStart = cron.next(lastStart);
        // exactly on a boundary, the interval that ends now is the latest; between two, the one before
        Instant latest = nextStart.equals(now) ? lastStart : cron.previous(lastStart);
        // latest is a firing time, so a start date not after it cannot align past it
        return earliest.filter(start -> start.isAfter(latest)).map(cron::alignToNext).orElse(latest);
    }

    @Override
    public DataInterval inferManualDataInterval(Instant runAfter) {
        Instant end = cron.alignToPrevious(runAfter);
        return new DataInterval(cron.previous(end), end);
    }

    @Override
    public String toString() {
        return cron.expression();
    }
}
