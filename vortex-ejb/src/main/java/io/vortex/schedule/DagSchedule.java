package io.vortex.schedule;

import io.vortex.dag.Dag;
import io.vortex.dag.ParsedDag;
import io.vortex.schedule.timetable.DagRunInfo;
import io.vortex.schedule.timetable.DataInterval;
import io.vortex.schedule.timetable.TimeRestriction;
import io.vortex.schedule.timetable.Timetable;
import io.vortex.schedule.timetable.Timetables;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the scheduler needs of one parsed DAG: its timetable and the bounds the DAG sets on it,
 * computed as Airflow's {@code DAG._time_restriction} does: the earliest of the DAG's and its
 * tasks' start dates, and an end only when every task has one (or the DAG does).
 */
public record DagSchedule(Timetable timetable, TimeRestriction restriction, boolean subdag) {

    private static final Logger LOG = Logger.getLogger(DagSchedule.class.getName());

    /**
     * The DAG's schedule, or empty (with a warning) when VORTEX cannot step it, such as a cron
     * expression cron-utils refuses: such a DAG gets no scheduled runs but can be triggered.
     */
    public static Optional<DagSchedule> steppable(Dag dag, ParsedDag parsed) {
        try {
            return Optional.of(of(parsed));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "DAG " + dag.getDagId() + " gets no scheduled runs: its schedule "
                    + dag.getScheduleInterval() + " cannot be stepped (" + e.getMessage() + "); it can still be triggered", e);
            return Optional.empty();
        }
    }

    /** @throws IllegalArgumentException when the schedule cannot be stepped (see {@link Timetables#of}) */
    public static DagSchedule of(ParsedDag parsed) {
        JsonObject json = parsed.json();
        ZoneId zone = ZoneId.of(json.getString("timezone", "UTC"));
        Timetable timetable = Timetables.of(json.get("schedule"), zone);
        Optional<Instant> dagStart = instant(json.get("start_date"));
        Optional<Instant> dagEnd = instant(json.get("end_date"));
        List<Instant> starts = new ArrayList<>();
        List<Instant> ends = new ArrayList<>();
        List<JsonObject> tasks = json.containsKey("tasks") ? json.getJsonArray("tasks").getValuesAs(JsonObject.class) : List.of();
        for (JsonObject task : tasks) {
            instant(task.get("start_date")).ifPresent(starts::add);
            instant(task.get("end_date")).ifPresent(ends::add);
        }
        dagStart.ifPresent(starts::add);
        Optional<Instant> latest = dagEnd;
        if (ends.size() == tasks.size() && (!ends.isEmpty() || dagEnd.isPresent())) {
            dagEnd.ifPresent(ends::add);
            latest = Optional.of(Collections.max(ends));
        }
        Optional<Instant> earliest = starts.isEmpty() ? Optional.empty() : Optional.of(Collections.min(starts));
        boolean subdag = json.get("parent_dag_id") instanceof JsonString;
        return new DagSchedule(timetable, new TimeRestriction(earliest, latest, json.getBoolean("catchup", true)), subdag);
    }

    /**
     * The run after the latest scheduled one; empty when the DAG creates no further scheduled
     * run. A subdag never runs on its own schedule: its SubDagOperator runs it.
     */
    public Optional<DagRunInfo> next(Optional<DataInterval> lastAutomated, Instant now) {
        if (subdag || !timetable.canBeScheduled()) {
            return Optional.empty();
        }
        return timetable.nextDagRunInfo(lastAutomated, restriction, now);
    }

    /** The DAG's own limit, or the timetable's when that is lower ({@code @continuous}: one). */
    public int maxActiveRuns(int dagLimit) {
        return timetable.activeRunsLimit().map(limit -> Math.min(limit, dagLimit)).orElse(dagLimit);
    }

    private static Optional<Instant> instant(JsonValue value) {
        return value instanceof JsonString text ? Optional.of(OffsetDateTime.parse(text.getString()).toInstant()) : Optional.empty();
    }
}
