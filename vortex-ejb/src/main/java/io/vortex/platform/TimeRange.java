package io.vortex.platform;

import java.time.OffsetDateTime;
import java.util.Optional;

/** Bounds on a timestamp, both inclusive and both optional, as Airflow's {@code *_gte} and {@code *_lte} filters give them. */
public record TimeRange(Optional<OffsetDateTime> from, Optional<OffsetDateTime> to) {

    public static final TimeRange ANY = new TimeRange(Optional.empty(), Optional.empty());

    public TimeRange {
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            throw new IllegalArgumentException("the range ends (" + to.get() + ") before it starts (" + from.get() + ")");
        }
    }
}
