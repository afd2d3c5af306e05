package io.vortex.execution;

import io.vortex.execution.TryOutcome.Pushed;
import io.vortex.platform.TimeRange;
import io.vortex.platform.Timestamps;
import io.vortex.schedule.ClearRequest;
import io.vortex.schedule.DagRun;
import io.vortex.schedule.DagRunConflictException;
import io.vortex.schedule.DagRunService;
import io.vortex.schedule.InvalidParamsException;
import io.vortex.schedule.RunInterventions;
import io.vortex.schedule.TriggerRequest;
import io.vortex.schedule.timetable.DataInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Airflow's core operators that act on DAG runs instead of running code, done by VORTEX itself:
 * {@code LatestOnlyOperator} and {@code TriggerDagRunOperator}.
 */
@ApplicationScoped
public class DagRunOperators {

    /** Airflow's XCom keys for the run a TriggerDagRunOperator triggered. */
    static final String TRIGGER_LOGICAL_DATE_KEY = "trigger_execution_date_iso";
    static final String TRIGGER_RUN_ID_KEY = "trigger_run_id";

    @Inject
    private DagRunService runs;

    @Inject
    private RunInterventions interventions;

    @Inject
    private RunningTries running;

    /**
     * Airflow's {@code LatestOnlyOperator}: its direct downstream tasks run for an externally
     * triggered run, or when now falls in the data interval after the run's (the run is the
     * latest); otherwise they are skipped.
     */
    TryOutcome latestOnly(TryPlan plan, TaskLog log) {
        List<String> downstream = List.copyOf(plan.task().downstreamTaskIds());
        TryPlan.RunContext run = plan.run();
        if (run.externalTrigger()) {
            log.info("latest_only.py:54", "Externally triggered DAG_Run: allowing execution to proceed.");
            return TryOutcome.followed(downstream);
        }
        Optional<DataInterval> next = run.dataIntervalStart() == null ? Optional.empty() : runs.intervalAfter(plan.dagId(),
                new DataInterval(run.dataIntervalStart().toInstant(), run.dataIntervalEnd().toInstant()));
        if (next.isEmpty()) {
            log.info("latest_only.py:62", "Last scheduled execution: allowing execution to proceed.");
            return TryOutcome.followed(downstream);
        }
        Instant now = Instant.now();
        log.info("latest_only.py:66", "Checking latest only with left_window: " + Timestamps.isoformat(Timestamps.utc(next.get().start()))
                + " right_window: " + Timestamps.isoformat(Timestamps.utc(next.get().end()))
                + " now: " + Timestamps.isoformat(Timestamps.utc(now)));
        if (!now.isAfter(next.get().start()) || now.isAfter(next.get().end())) {
            log.info("latest_only.py:72", "Not latest execution, skipping downstream.");
            return TryOutcome.followed(List.of());
        }
        log.info("latest_only.py:77", "Latest, allowing execution to proceed.");
        return TryOutcome.followed(downstream);
    }

    /**
     * Airflow's {@code TriggerDagRunOperator}: queues a run of another DAG (its logical date
     * defaults to now, its run id to {@code manual__<logical date>}), pushes the run's logical
     * date and id, and with {@code wait_for_completion} checks every {@code poke_interval}
     * seconds until the run ends in an allowed or a failed state. A run already there fails the
     * try, unless {@code reset_dag_run} clears it or {@code skip_when_already_exists} skips.
     */
    TryOutcome triggerDagRun(TryPlan plan, JsonObject rendered, TaskLog log) throws InterruptedException {
        JsonObject arguments = plan.task().arguments();
        Optional<String> target = text(rendered.get("trigger_dag_id"));
        if (target.isEmpty()) {
            return TryOutcome.failed("trigger_dag_id must be a DAG id", null);
        }
        String dagId = target.get();
        Optional<String> runId = text(rendered.get("trigger_run_id"));
        OffsetDateTime logicalDate;
        Optional<String> conf;
        try {
            logicalDate = text(rendered.get("execution_date")).map(DagRunOperators::pendulumParse).orElseGet(Timestamps::now);
            conf = conf(rendered.get("conf"));
        } catch (IllegalArgumentException e) {
            return TryOutcome.failed(e.getMessage(), null);
        }
        DagRun run;
        try {
            Optional<DagRun> triggered = runs.trigger(dagId, new TriggerRequest(runId, Optional.of(logicalDate), Optional.empty(),
                    Optional.empty(), conf, Optional.empty()));
            if (triggered.isEmpty()) {
                return TryOutcome.failed("DagNotFound: Dag id " + dagId + " not found in DagModel", null);
            }
            run = triggered.get();
        } catch (InvalidParamsException e) {
            return TryOutcome.failed("ParamValidationError: " + e.getMessage(), null);
        } catch (DagRunConflictException e) {
            Optional<DagRun> existing = runId.flatMap(id -> runs.find(dagId, id)).or(() -> runs.findAt(dagId, logicalDate));
            String existingId = existing.map(DagRun::getRunId).orElse(runId.orElse(""));
            if (arguments.getBoolean("reset_dag_run", false) && existing.isPresent()) {
                log.info("trigger_dagrun.py:209", "Clearing " + dagId + " on " + Timestamps.isoformat(existing.get().getLogicalDate()));
                interventions.clear(dagId, new ClearRequest(Optional.empty(), false, false, Optional.of(existingId), TimeRange.ANY, false,
                        false, false, false, true, false));
                run = existing.get();
            } else if (rendered.getBoolean("skip_when_already_exists", false)) {
                return TryOutcome.skipped("Skipping due to skip_when_already_exists is set to True and DagRunAlreadyExists", null);
            } else {
                return TryOutcome.failed("DagRunAlreadyExists: A DAG Run already exists for DAG " + dagId + " at "
                        + Timestamps.isoformat(Timestamps.utc(logicalDate)) + " with run id " + existingId, null);
            }
        }
        List<Pushed> pushed = List.of(
                new Pushed(TRIGGER_LOGICAL_DATE_KEY, Json.createValue(Timestamps.isoformat(run.getLogicalDate())).toString()),
                new Pushed(TRIGGER_RUN_ID_KEY, Json.createValue(run.getRunId()).toString()));
        if (!rendered.getBoolean("wait_for_completion", false)) {
            return TryOutcome.success(pushed, null);
        }
        return awaitEnd(plan, dagId, run, arguments, log, pushed);
    }

    private TryOutcome awaitEnd(TryPlan plan, String dagId, DagRun run, JsonObject arguments, TaskLog log, List<Pushed> pushed)
            throws InterruptedException {
        Set<String> allowed = states(arguments.get("allowed_states"), "success");
        Set<String> failed = states(arguments.get("failed_states"), "failed");
        Duration pokeInterval = Duration.ofMillis(Math.max(1, Math.round(number(arguments.get("poke_interval"), 60) * 1000)));
        Instant deadline = plan.timeout().map(timeout -> Instant.now().plus(timeout)).orElse(Instant.MAX);
        running.waiting(plan.taskInstanceId(), Thread.currentThread());
        try {
            while (true) {
                log.info("trigger_dagrun.py:225", "Waiting for " + dagId + " on " + Timestamps.isoformat(run.getLogicalDate())
                        + " to become allowed state " + allowed + " ...");
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.compareTo(pokeInterval) < 0) {
                    Thread.sleep(Math.max(0, left.toMillis()));
                    return TryOutcome.timedOut(plan.timeout().orElseThrow(), "the wait for " + dagId + " was given up");
                }
                Thread.sleep(pokeInterval.toMillis());
                String state = runs.find(dagId, run.getRunId()).map(found -> found.getState().airflowName()).orElse("deleted");
                if (failed.contains(state)) {
                    return TryOutcome.failed(dagId + " failed with failed states " + state, null);
                }
                if (allowed.contains(state)) {
                    log.info("trigger_dagrun.py:233", dagId + " finished with allowed state " + state);
                    return TryOutcome.success(pushed, null);
                }
                if (state.equals("deleted")) {
                    return TryOutcome.failed("The run " + run.getRunId() + " of " + dagId + " was deleted while it was awaited", null);
                }
            }
        } finally {
            running.ended(plan.taskInstanceId());
        }
    }

    /** Airflow's {@code timezone.parse}: a date-time with or without offset (UTC then), or a date. */
    private static OffsetDateTime pendulumParse(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notATime) {
                try {
                    return LocalDate.parse(text).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("execution_date must be an ISO 8601 date or date-time, got '" + text + "'");
                }
            }
        }
    }

    /** The triggered run's conf: a dict, or JSON text of one. */
    private static Optional<String> conf(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        JsonValue conf = value instanceof JsonString text ? Templates.json(text.getString()) : value;
        if (!(conf instanceof JsonObject)) {
            throw new IllegalArgumentException("conf parameter should be JSON Serializable as a dict, got " + value);
        }
        return Optional.of(conf.toString());
    }

    private static Optional<String> text(JsonValue value) {
        return value instanceof JsonString text && !text.getString().isBlank() ? Optional.of(text.getString()) : Optional.empty();
    }

    private static Set<String> states(JsonValue value, String fallback) {
        if (value instanceof JsonArray states && !states.isEmpty()) {
            return Set.copyOf(states.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList());
        }
        return Set.of(fallback);
    }

    private static double number(JsonValue value, double fallback) {
        return value instanceof JsonNumber number ? number.doubleValue() : fallback;
    }
}
