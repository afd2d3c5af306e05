package io.vortex.execution;

import io.vortex.dag.DagDefinitions;
import io.vortex.dag.ParsedDag;
import io.vortex.dag.TaskSpec;
import io.vortex.execution.TryOutcome.Pushed;
import io.vortex.execution.TryPlan.PulledXCom;
import io.vortex.execution.TryPlan.RunContext;
import io.vortex.platform.Timestamps;
import io.vortex.schedule.DagRun;
import io.vortex.schedule.RunSupervisor;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The transactions around one try: its start (queued to running, the try recorded, everything
 * the operator needs read) and its end (the outcome applied to the task instance, XComs stored,
 * branches and short circuits skipped, retries scheduled, then the run's next decisions taken).
 * Both run under the run's row lock, so every change to a run's task instances is serialized.
 */
@Stateless
public class TaskTries {

    private static final Logger LOG = Logger.getLogger(TaskTries.class.getName());

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    @Inject
    private TaskInstanceRepository taskInstances;

    @Inject
    private DagDefinitions definitions;

    @Inject
    private RunSupervisor supervisor;

    @Inject
    private TaskLogs logs;

    @Inject
    private RunningTries runningTries;

    @Inject
    @ConfigProperty(name = "vortex.tasks.default-timeout-sec", defaultValue = "0")
    private long defaultTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "vortex.xcom.max-bytes", defaultValue = "65536")
    private int maxXComBytes;

    /**
     * Starts the next try of a queued instance on {@code host}.
     *
     * @return empty when the instance is no longer queued (cleared, marked, or taken by another server)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<TryPlan> begin(long taskInstanceId, String host) {
        Optional<DagRun> run = taskInstances.lockRunOf(taskInstanceId);
        TaskInstance ti = em.find(TaskInstance.class, taskInstanceId);
        if (run.isEmpty() || ti == null || ti.getState() != TaskInstanceState.QUEUED) {
            return Optional.empty();
        }
        Optional<ParsedDag> dag = definitions.current(ti.getDag());
        TaskSpec task = dag.map(parsed -> parsed.tasks().get(ti.getTaskId())).orElseGet(() -> TaskSpec.missing(ti.getTaskId()));
        OffsetDateTime now = Timestamps.now();
        ti.start(host, now);
        Path logFile = logs.fileOf(ti.getDag().getDagId(), run.get().getRunId(), ti.getTaskId(), ti.getMapIndex(),
                ti.getTryNumber());
        taskInstances.add(new TaskTry(ti, ti.getTryNumber(), host, logFile.toString(), now));
        taskInstances.clearXComs(ti);
        DagRun dagRun = run.get();
        List<PulledXCom> xcoms = taskInstances.xcomsOfRun(dagRun);
        JsonObject conf = dagRun.confObject();
        RunContext context = new RunContext(dagRun.getRunType().airflowName(), dagRun.getLogicalDate(), dagRun.getDataIntervalStart(),
                dagRun.getDataIntervalEnd(), dagRun.getStartDate(), dagRun.isExternalTrigger(), conf);
        Optional<Duration> timeout = task.executionTimeout()
                .or(() -> defaultTimeoutSeconds > 0 ? Optional.of(Duration.ofSeconds(defaultTimeoutSeconds)) : Optional.empty());
        return Optional.of(new TryPlan(ti.getId(), dagRun.getId(), ti.getTryNumber(), ti.getMaxTries(), ti.getDag().getDagId(),
                dagRun.getRunId(), ti.getTaskId(), ti.getMapIndex(), task, ti.getDag().getFileloc(), ti.getDag().getParsedBy(), context,
                params(dag, task, conf), xcoms, logFile, timeout, dag.flatMap(parsed -> parsed.mappedGroupOf(task))));
    }

    /** Records the process running the try, so a timeout or a restart can find it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordProcess(TryPlan plan, long pid) {
        TaskInstance ti = em.find(TaskInstance.class, plan.taskInstanceId());
        if (ti != null && ti.getState() == TaskInstanceState.RUNNING && ti.getTryNumber() == plan.tryNumber()) {
            ti.runsAs(pid);
        }
    }

    /**
     * Applies a try's outcome and takes the run's next decisions.
     *
     * @return the state the instance ended the try in; empty when the try no longer counts (the
     *         instance was cleared or marked while it ran)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<TaskInstanceState> finish(TryPlan plan, TryOutcome outcome) {
        DagRun run = em.find(DagRun.class, plan.runPk(), LockModeType.PESSIMISTIC_WRITE);
        TaskInstance ti = em.find(TaskInstance.class, plan.taskInstanceId());
        if (run == null || ti == null) {
            return Optional.empty();
        }
        return apply(run, ti, plan.tryNumber(), plan.task(), outcome, plan.logFile());
    }

    /**
     * Ends the running try of an instance whose server died while it ran: failed, with retries
     * applied as for any failure (docs/execution.md, "Recovery").
     *
     * @return the state the instance is left in; empty when it was not running
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<TaskInstanceState> abandon(long taskInstanceId, String reason) {
        Optional<DagRun> run = taskInstances.lockRunOf(taskInstanceId);
        TaskInstance ti = em.find(TaskInstance.class, taskInstanceId);
        if (run.isEmpty() || ti == null || ti.getState() != TaskInstanceState.RUNNING) {
            return Optional.empty();
        }
        TaskSpec task = definitions.current(ti.getDag()).map(parsed -> parsed.tasks().get(ti.getTaskId()))
                .orElseGet(() -> TaskSpec.missing(ti.getTaskId()));
        Path logFile = logs.fileOf(ti.getDag().getDagId(), run.get().getRunId(), ti.getTaskId(), ti.getMapIndex(), ti.getTryNumber());
        try (TaskLog log = TaskLog.append(logFile)) {
            log.error("recovery", reason);
        }
        Optional<TaskInstanceState> state = apply(run.get(), ti, ti.getTryNumber(), task, TryOutcome.failed(reason, null), logFile);
        try (TaskLog log = TaskLog.append(logFile)) {
            state.ifPresent(ended -> log.markedAs(ended, ti.getDag().getDagId(), ti.getTaskId(), run.get().getRunId(),
                    run.get().getLogicalDate()));
        }
        return state;
    }

    private Optional<TaskInstanceState> apply(DagRun run, TaskInstance ti, int tryNumber, TaskSpec task, TryOutcome outcome,
            Path logFile) {
        Optional<TaskTry> taskTry = taskInstances.findTry(ti, tryNumber);
        OffsetDateTime now = Timestamps.now();
        if (ti.getState() != TaskInstanceState.RUNNING || ti.getTryNumber() != tryNumber) {
            LOG.info(() -> "The outcome of " + ti.describe() + " try " + tryNumber + " is ignored: the instance is now "
                    + (ti.getState() == null ? "none" : ti.getState().airflowName()));
            taskTry.filter(t -> t.getState() == TaskInstanceState.RUNNING)
                    .ifPresent(t -> t.end(toState(outcome.state()), now, outcome.exitCode(), TaskLog.size(logFile)));
            return Optional.empty();
        }
        TryOutcome applied = withinXComLimit(outcome);
        storeXComs(ti, applied.xcoms(), now);
        switch (applied.state()) {
            case SUCCESS -> {
                ti.succeed(now);
                skipDownstream(run, task, applied, now);
            }
            case SKIPPED -> ti.skipTry(now);
            case FAILED, TIMED_OUT -> {
                if (applied.retryable() && ti.canRetry()) {
                    Duration delay = RetryDelay.after(task, ti.getDag().getDagId(), Timestamps.isoformat(run.getLogicalDate()), tryNumber);
                    ti.scheduleRetry(now, now.plus(delay));
                } else {
                    if (applied.state() == TryOutcome.State.TIMED_OUT) {
                        ti.timeOut(now);
                    } else {
                        ti.fail(now);
                    }
                    stopRemainingIfFailStop(run, ti, logFile, now);
                }
            }
        }
        taskTry.ifPresent(t -> t.end(ti.getState(), now, applied.exitCode(), TaskLog.size(logFile)));
        LOG.fine(() -> "Task instance " + ti.describe() + " try " + tryNumber + " ended " + ti.getState().airflowName());
        supervisor.evaluateLocked(run);
        return Optional.of(ti.getState());
    }

    /**
     * Airflow's {@code fail_stop}: a task failing for good stops the rest of its run — running
     * tries are stopped and fail, every other instance not yet success or failed is skipped;
     * teardown tasks still run.
     */
    private void stopRemainingIfFailStop(DagRun run, TaskInstance failed, Path logFile, OffsetDateTime now) {
        Optional<ParsedDag> dag = definitions.current(run.getDag()).filter(ParsedDag::failStop);
        if (dag.isEmpty()) {
            return;
        }
        Map<String, TaskSpec> tasks = dag.get().tasks();
        try (TaskLog log = TaskLog.append(logFile)) {
            for (TaskInstance ti : taskInstances.ofRun(run)) {
                TaskInstanceState state = ti.getState();
                if (ti == failed || state == TaskInstanceState.SUCCESS || state == TaskInstanceState.FAILED
                        || state == TaskInstanceState.TIMED_OUT) {
                    continue;
                }
                if (tasks.containsKey(ti.getTaskId()) && tasks.get(ti.getTaskId()).isTeardown()) {
                    log.info("taskinstance.py:297", "Not skipping teardown task '" + ti.getTaskId() + "'");
                } else if (state == TaskInstanceState.RUNNING) {
                    log.info("taskinstance.py:297", "Forcing task " + ti.getTaskId() + " to fail due to dag's `fail_stop` setting");
                    runningTries.stop(ti);
                    ti.markAs(TaskInstanceState.FAILED, now);
                } else {
                    log.info("taskinstance.py:297", "Setting task " + ti.getTaskId() + " to SKIPPED due to dag's `fail_stop` setting.");
                    ti.markAs(TaskInstanceState.SKIPPED, now);
                }
            }
        }
    }

    private TryOutcome withinXComLimit(TryOutcome outcome) {
        for (Pushed pushed : outcome.xcoms()) {
            int size = pushed.value() == null ? 0 : pushed.value().getBytes(StandardCharsets.UTF_8).length;
            if (size > maxXComBytes) {
                return TryOutcome.failed("The XCom value of key '" + pushed.key() + "' is " + size + " bytes; VORTEX keeps at most "
                        + maxXComBytes + " bytes per value. Pass large data through storage and push its location instead.",
                        outcome.exitCode());
            }
        }
        return outcome;
    }

    private void storeXComs(TaskInstance ti, List<Pushed> pushed, OffsetDateTime now) {
        Map<String, String> latest = new LinkedHashMap<>();
        pushed.forEach(value -> latest.put(value.key(), value.value()));
        latest.forEach((key, value) -> taskInstances.add(new XCom(ti, key, value, now)));
    }

    /** Branches and short circuits: the downstream tasks not followed are skipped before the run's next decisions. */
    private void skipDownstream(DagRun run, TaskSpec task, TryOutcome outcome, OffsetDateTime now) {
        if (outcome.follow().isEmpty() && outcome.shortCircuit().isEmpty()) {
            return;
        }
        Map<String, TaskSpec> tasks = definitions.current(run.getDag()).map(ParsedDag::tasks).orElse(Map.of());
        Set<String> skipped = new HashSet<>();
        outcome.follow().ifPresent(follow -> task.downstreamTaskIds().stream().filter(id -> !follow.contains(id)).forEach(skipped::add));
        outcome.shortCircuit().ifPresent(all -> {
            if (all) {
                skipped.addAll(ParsedDag.relatives(tasks, task.taskId(), false));
            } else {
                skipped.addAll(task.downstreamTaskIds());
            }
            skipped.removeIf(id -> tasks.containsKey(id) && tasks.get(id).isTeardown());
        });
        if (skipped.isEmpty()) {
            return;
        }
        for (TaskInstance downstream : taskInstances.ofRun(run)) {
            if (skipped.contains(downstream.getTaskId()) && downstream.getState() == null) {
                downstream.settleWithoutRunning(TaskInstanceState.SKIPPED, now);
            }
        }
    }

    /**
     * Airflow's params for a try: the DAG's, overridden by the task's, overridden by the run's
     * {@code conf} ({@code dag_run_conf_overrides_params}, on by default).
     */
    private static JsonObject params(Optional<ParsedDag> dag, TaskSpec task, JsonObject conf) {
        JsonObjectBuilder params = Json.createObjectBuilder(dag.map(ParsedDag::paramValues).orElse(JsonValue.EMPTY_JSON_OBJECT));
        task.paramValues().forEach(params::add);
        conf.forEach(params::add);
        return params.build();
    }

    private static TaskInstanceState toState(TryOutcome.State state) {
        return switch (state) {
            case SUCCESS -> TaskInstanceState.SUCCESS;
            case SKIPPED -> TaskInstanceState.SKIPPED;
            case FAILED -> TaskInstanceState.FAILED;
            case TIMED_OUT -> TaskInstanceState.TIMED_OUT;
        };
    }
}
