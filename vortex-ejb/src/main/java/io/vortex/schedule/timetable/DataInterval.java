package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Objects;

/** The period of data a run covers; its start is the run's logical date. */
public record DataInterval(Instant start, Instant end) {

    public DataInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("a data interval cannot end (" + end + ") before it starts (" + start + ")");
        }
    }

    /** An interval of no length, for runs that cover a moment rather than a period. */
    public static DataInterval exact(Instant at) {
        return new DataInterval(at, at);
    }
}
