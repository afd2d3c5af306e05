package io.vortex.schedule.timetable;

import java.time.Instant;
import java.util.Optional;

/**
 * What a DAG allows its timetable: no run before {@code earliest} (its start_date), none after
 * {@code latest} (its end_date), and whether missed intervals are run ({@code catchup}).
 */
public record TimeRestriction(Optional<Instant> earliest, Optional<Instant> latest, boolean catchup) {
}
