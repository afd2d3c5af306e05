package io.vortex.schedule.timetable;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** A timedelta as {@code schedule}: Airflow's {@code DeltaDataIntervalTimetable}. */
public final class DeltaDataIntervalTimetable extends DataIntervalTimetable {

    private final Duration delta;

    public DeltaDataIntervalTimetable(Duration delta) {
        if (delta.isNegative() || delta.isZero()) {
            throw new IllegalArgumentException("a schedule interval must be positive, not " + delta);
        }
        this.delta = delta;
    }

    @Override
    Instant next(Instant current) {
        return current.plus(delta);
    }

    @Override
    Instant previous(Instant current) {
        return current.minus(delta);
    }

    @Override
    Instant alignToNext(Instant current) {
        return current;
    }

    @Override
    Instant alignToPrevious(Instant current) {
        return current;
    }

    /** Airflow rounds the clock down to a multiple of the interval since the epoch, then steps back one. */
    @Override
    Instant skipToLatest(Optional<Instant> earliest, Instant now) {
        long deltaNanos = delta.toNanos();
        long nowNanos = Duration.between(Instant.EPOCH, now).toNanos();
        Instant rounded = Instant.EPOCH.plusNanos(nowNanos - Math.floorMod(nowNanos, deltaNanos));
        Instant latest = rounded.minus(delta);
        return earliest.filter(start -> start.isAfter(latest)).orElse(latest);
    }

    @Override
    public DataInterval inferManualDataInterval(Instant runAfter) {
        return new DataInterval(runAfter.minus(delta), runAfter);
    }

    @Override
    public String toString() {
        return delta.toString();
    }
}
