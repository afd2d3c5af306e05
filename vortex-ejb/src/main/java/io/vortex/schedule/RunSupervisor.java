package io.vortex.schedule;

import io.vortex.dag.Dag;
import io.vortex.dag.DagDefinitions;
import io.vortex.dag.ParsedDag;
import io.vortex.dag.TaskSpec;
import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceRepository;
import io.vortex.execution.RunXComs;
import io.vortex.execution.RunningTries;
import io.vortex.execution.TaskInstanceState;
import io.vortex.execution.TaskMapping;
import io.vortex.execution.TasksQueued;
import io.vortex.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Moves DAG runs along: starts queued runs as {@code max_active_runs} allows (adding instances
 * for tasks that joined the DAG since a run was queued), and makes Airflow's scheduling
 * decisions for a running run whenever one of its task instances ends (or the clock looks in):
 * mapped tasks expand, tasks that depend on the past wait for the previous run, the rest follow
 * their trigger rules. Decisions on a run are taken under its row lock, so two tasks ending at
 * once, or two servers, see each other's results.
 */
@Stateless
public class RunSupervisor {

    private static final Logger LOG = Logger.getLogger(RunSupervisor.class.getName());

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    @Inject
    private DagRunRepository runs;

    @Inject
    private TaskInstanceRepository taskInstances;

    @Inject
    private DagDefinitions definitions;

    @Inject
    private Event<TasksQueued> tasksQueued;

    @Inject
    private RunningTries runningTries;

    @Inject
    private Event<LaterRunsToDecide> laterRunsToDecide;

    /** Ids of unpaused DAGs with queued runs, the longest waiting first. */
    public List<Long> dagsWithQueuedRuns(int limit) {
        return em.createQuery("SELECT r.dag.id FROM DagRun r WHERE r.state = :state AND r.dag.paused = FALSE"
                        + " GROUP BY r.dag.id ORDER BY MIN(r.queuedAt)", Long.class)
                .setParameter("state", DagRunState.QUEUED)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Ids of running runs no decision has looked at since {@code before}: a safety net for lost hand-offs. */
    public List<Long> runsUndecidedSince(OffsetDateTime before, int limit) {
        return em.createQuery("SELECT r.id FROM DagRun r WHERE r.state = :state AND r.dag.paused = FALSE"
                        + " AND (r.lastSchedulingDecision IS NULL OR r.lastSchedulingDecision < :before)"
                        + " ORDER BY r.lastSchedulingDecision", Long.class)
                .setParameter("state", DagRunState.RUNNING)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Starts newly queued runs at once instead of at the next tick. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onRunsQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) RunsQueued queued) {
        start(queued.dagPk());
    }

    /** Starts the DAG's oldest queued runs while fewer than {@code max_active_runs} run; how many started. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int startQueuedRuns(long dagPk) {
        return start(dagPk);
    }

    /** Queues an instance whose retry delay has passed. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void queueRetry(long taskInstanceId) {
        DagRun run = taskInstances.lockRunOf(taskInstanceId).orElse(null);
        TaskInstance ti = em.find(TaskInstance.class, taskInstanceId);
        OffsetDateTime now = Timestamps.now();
        if (run == null || !run.isRunning() || ti == null || ti.getState() != TaskInstanceState.UP_FOR_RETRY
                || ti.getNextRetryAt().isAfter(now)) {
            return;
        }
        ti.queue(now);
        em.flush();
        tasksQueued.fire(new TasksQueued(List.of(ti.getId())));
    }

    /** Ids of running runs that have run longer than their DAG's {@code dagrun_timeout} allows by {@code now}. */
    public List<Long> overdueRuns(OffsetDateTime now) {
        List<DagRun> running = em.createQuery("SELECT r FROM DagRun r JOIN FETCH r.dag WHERE r.state = :state", DagRun.class)
                .setParameter("state", DagRunState.RUNNING)
                .getResultList();
        Map<Long, Optional<Duration>> timeouts = new HashMap<>();
        return running.stream()
                .filter(run -> overran(run, timeouts.computeIfAbsent(run.getDag().getId(),
                        dagPk -> definitions.current(run.getDag()).flatMap(ParsedDag::dagrunTimeout)), now))
                .map(DagRun::getId)
                .toList();
    }

    private static boolean overran(DagRun run, Optional<Duration> dagrunTimeout, OffsetDateTime now) {
        return run.getStartDate() != null && dagrunTimeout.map(timeout -> run.getStartDate().plus(timeout).isBefore(now)).orElse(false);
    }

    /**
     * Fails a running run that overran its DAG's {@code dagrun_timeout}, as Airflow does: the run
     * ends failed and every unfinished task instance is skipped — a running try's processes on
     * this server are killed, and an instance waiting for a retry waits no more.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void enforceTimeout(long runPk) {
        DagRun run = em.find(DagRun.class, runPk, LockModeType.PESSIMISTIC_WRITE);
        if (run == null || !run.isRunning()) {
            return;
        }
        Optional<Duration> timeout = definitions.current(run.getDag()).flatMap(ParsedDag::dagrunTimeout);
        OffsetDateTime now = Timestamps.now();
        if (!overran(run, timeout, now)) {
            return;
        }
        for (TaskInstance ti : taskInstances.ofRun(run)) {
            if (!ti.isFinished()) {
                runningTries.stop(ti);
                ti.markAs(TaskInstanceState.SKIPPED, now);
            }
        }
        run.finish(false, now);
        LOG.info(() -> "DAG run " + run.getDag().getDagId() + "[" + run.getRunId() + "] failed: it ran longer than its dagrun_timeout of "
                + timeout.orElseThrow().toSeconds() + " s");
    }

    private int start(long dagPk) {
        Dag dag = em.find(Dag.class, dagPk, LockModeType.PESSIMISTIC_WRITE);
        if (dag == null || dag.isPaused()) {
            return 0;
        }
        Optional<ParsedDag> parsed = definitions.current(dag);
        if (parsed.isEmpty()) {
            return 0;
        }
        int free = (int) Math.max(0, dag.getMaxActiveRuns() - runs.countRunning(dag));
        List<DagRun> starting = runs.queued(dag, free);
        OffsetDateTime now = Timestamps.now();
        Map<String, TaskSpec> tasks = parsed.get().tasks();
        for (DagRun run : starting) {
            run.start(now);
            taskInstances.addMissing(run, tasks);
            em.flush();
            LOG.info(() -> "DAG run " + dag.getDagId() + "[" + run.getRunId() + "] started with " + tasks.size() + " tasks");
            decide(run, parsed.get(), now);
        }
        return starting.size();
    }

    /** Takes the scheduling decisions of one run in a transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void evaluate(long runPk) {
        DagRun run = em.find(DagRun.class, runPk, LockModeType.PESSIMISTIC_WRITE);
        if (run != null) {
            evaluateLocked(run);
        }
    }

    /** Takes the scheduling decisions of a run the caller's transaction has locked. */
    public void evaluateLocked(DagRun run) {
        if (!run.isRunning() || run.getDag().isPaused()) {
            // as in Airflow, the runs of a paused DAG wait: what runs finishes, nothing new starts
            return;
        }
        OffsetDateTime now = Timestamps.now();
        Optional<ParsedDag> parsed = definitions.current(run.getDag());
        if (parsed.isEmpty()) {
            LOG.warning(() -> "DAG run " + run.getDag().getDagId() + "[" + run.getRunId() + "] waits: its DAG has no parsed definition");
            run.decidedAt(now);
            return;
        }
        decide(run, parsed.get(), now);
    }

    private void decide(DagRun run, ParsedDag dag, OffsetDateTime now) {
        Map<String, TaskSpec> tasks = dag.tasks();
        List<TaskInstance> instances = taskInstances.ofRun(run);
        Set<String> waitingForPast = waitingForPast(run, dag, tasks, instances);
        RunDecisions.Decision decision = RunDecisions.decide(tasks, instances, waitingForPast, now);
        List<TaskInstance> queued = new ArrayList<>(decision.queued());
        while (!decision.toExpand().isEmpty()) {
            RunXComs xcoms = new RunXComs(taskInstances.xcomsOfRun(run));
            for (TaskInstance unexpanded : decision.toExpand()) {
                expand(run, unexpanded, tasks.get(unexpanded.getTaskId()), xcoms, now).ifPresent(queued::add);
            }
            em.flush();
            decision = RunDecisions.decide(tasks, taskInstances.ofRun(run), waitingForPast, now);
            queued.addAll(decision.queued());
        }
        run.decidedAt(now);
        decision.succeeded().ifPresent(succeeded -> {
            run.finish(succeeded, now);
            LOG.info(() -> "DAG run " + run.getDag().getDagId() + "[" + run.getRunId() + "] " + run.getState().airflowName());
        });
        if (!queued.isEmpty()) {
            em.flush();
            tasksQueued.fire(new TasksQueued(queued.stream().map(TaskInstance::getId).toList()));
        }
        if (tasks.values().stream().anyMatch(TaskSpec::dependsOnPast)) {
            laterRunsToDecide.fire(new LaterRunsToDecide(run.getDag().getId(), run.getLogicalDate()));
        }
    }

    /**
     * The tasks of the run whose {@code depends_on_past} is not met, as Airflow's
     * {@code PrevDagrunDep} decides: their instances in the previous run (the previous scheduled
     * one with catchup) must all have succeeded or been skipped — and with
     * {@code wait_for_downstream} their direct downstream instances too. A run with no previous
     * run waits for nothing; a previous run without the task's instance is waited for.
     */
    private Set<String> waitingForPast(DagRun run, ParsedDag dag, Map<String, TaskSpec> tasks, List<TaskInstance> instances) {
        Set<String> candidates = new HashSet<>();
        for (TaskInstance ti : instances) {
            TaskSpec task = tasks.get(ti.getTaskId());
            if (ti.getState() == null && task != null && task.dependsOnPast()) {
                candidates.add(ti.getTaskId());
            }
        }
        if (candidates.isEmpty()) {
            return Set.of();
        }
        Optional<DagRun> previous = runs.previous(run, dag.catchup());
        if (previous.isEmpty()) {
            return Set.of();
        }
        List<TaskInstance> past = taskInstances.ofRun(previous.get());
        Set<String> waiting = new HashSet<>();
        for (String taskId : candidates) {
            Set<String> mustHaveSucceeded = new HashSet<>(Set.of(taskId));
            if (tasks.get(taskId).waitForDownstream()) {
                mustHaveSucceeded.addAll(tasks.get(taskId).downstreamTaskIds());
            }
            boolean ran = past.stream().anyMatch(ti -> ti.getTaskId().equals(taskId));
            boolean succeeded = past.stream().filter(ti -> mustHaveSucceeded.contains(ti.getTaskId()))
                    .allMatch(ti -> ti.getState() == TaskInstanceState.SUCCESS || ti.getState() == TaskInstanceState.SKIPPED);
            if (!ran || !succeeded) {
                waiting.add(taskId);
            }
        }
        return waiting;
    }

    /** After a run's decisions, the next running run of a DAG that depends on its past decides too. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void onLaterRunsToDecide(@Observes(during = TransactionPhase.AFTER_SUCCESS) LaterRunsToDecide later) {
        runs.nextRunning(later.dagPk(), later.after()).ifPresent(next -> evaluate(next.getId()));
    }

    /**
     * Expands a ready mapped task into one instance per map index (Airflow's
     * {@code expand_mapped_task}); with nothing to map over, it is skipped.
     *
     * @return the instance itself, queued, when the task cannot expand: its try fails with the reason
     */
    private Optional<TaskInstance> expand(DagRun run, TaskInstance unexpanded, TaskSpec task, RunXComs xcoms, OffsetDateTime now) {
        TaskMapping.Expansion expansion = TaskMapping.expand(task, xcoms);
        if (expansion.problem().isPresent()) {
            unexpanded.queue(now);
            return Optional.of(unexpanded);
        }
        if (expansion.count() == 0) {
            unexpanded.settleWithoutRunning(TaskInstanceState.SKIPPED, now);
            return Optional.empty();
        }
        unexpanded.expandToFirstIndex();
        for (int mapIndex = 1; mapIndex < expansion.count(); mapIndex++) {
            taskInstances.add(new TaskInstance(run, task, mapIndex, unexpanded.getPriorityWeight()));
        }
        LOG.fine(() -> "Task " + unexpanded.describe() + " expanded into " + expansion.count() + " instances");
        return Optional.empty();
    }
}
