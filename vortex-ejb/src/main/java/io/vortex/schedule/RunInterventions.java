package io.vortex.schedule;

import io.vortex.dag.Dag;
import io.vortex.dag.DagDefinitions;
import io.vortex.dag.DagRepository;
import io.vortex.dag.ParsedDag;
import io.vortex.dag.TaskSpec;
import io.vortex.execution.RunningTries;
import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceRepository;
import io.vortex.execution.TaskInstanceSelection;
import io.vortex.execution.TaskInstanceState;
import io.vortex.platform.TimeRange;
import io.vortex.platform.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What operators do to runs by hand, with Airflow's semantics: set a run's state, delete a run,
 * clear task instances so that they run again, and mark them success, failed or skipped. Every
 * change is made under the row locks of the runs it touches, taken in id order; a try that is
 * overridden while it runs on this server is stopped, and its outcome no longer counts. The runs
 * then go back to the scheduler: queued again when instances were cleared, decided at once when
 * they are running.
 */
@Stateless
public class RunInterventions {

    private static final Logger LOG = Logger.getLogger(RunInterventions.class.getName());

    /** What Airflow's {@code only_failed} clears; VORTEX's {@code timed_out} is Airflow's failed. */
    private static final Set<TaskInstanceState> FAILED = Set.of(TaskInstanceState.FAILED, TaskInstanceState.UPSTREAM_FAILED,
            TaskInstanceState.TIMED_OUT);

    @PersistenceContext(unitName = "vortex")
    private EntityManager em;

    @Inject
    private DagRepository dags;

    @Inject
    private DagRunRepository runs;

    @Inject
    private TaskInstanceRepository taskInstances;

    @Inject
    private DagDefinitions definitions;

    @Inject
    private RunSupervisor supervisor;

    @Inject
    private RunningTries runningTries;

    @Inject
    private Event<RunsQueued> runsQueued;

    /**
     * Airflow's {@code PATCH} of a run's state. Success marks every instance success; failed fails
     * the running ones and skips those that have not finished; queued runs the run again as it
     * stands (instances are left as they are).
     *
     * @return empty when there is no such run
     */
    public Optional<DagRun> setState(String dagId, String runId, DagRunState state) {
        Optional<DagRun> found = runs.find(dagId, runId);
        if (found.isEmpty()) {
            return found;
        }
        DagRun run = found.get();
        em.refresh(run, LockModeType.PESSIMISTIC_WRITE);
        OffsetDateTime now = Timestamps.now();
        switch (state) {
            case QUEUED -> {
                run.requeue(now);
                runsQueued.fire(new RunsQueued(run.getDag().getId()));
            }
            case SUCCESS -> {
                instancesOf(run).stream().filter(ti -> ti.getState() != TaskInstanceState.SUCCESS)
                        .forEach(ti -> override(ti, TaskInstanceState.SUCCESS, now));
                run.markAs(DagRunState.SUCCESS, now);
            }
            case FAILED -> {
                for (TaskInstance ti : instancesOf(run)) {
                    if (ti.getState() == TaskInstanceState.RUNNING || ti.getState() == TaskInstanceState.UP_FOR_RESCHEDULE) {
                        override(ti, TaskInstanceState.FAILED, now);
                    } else if (!ti.isFinished()) {
                        override(ti, TaskInstanceState.SKIPPED, now);
                    }
                }
                run.markAs(DagRunState.FAILED, now);
            }
            default -> throw new IllegalArgumentException("a run is set to success, failed or queued, not " + state.airflowName());
        }
        LOG.info(() -> "DAG run " + dagId + "[" + runId + "] set to " + state.airflowName() + " by hand");
        return Optional.of(run);
    }

    /**
     * Deletes a run with its task instances, tries and XComs; its running tries are stopped.
     * The tries' log files stay, as Airflow leaves them.
     *
     * @return whether there was such a run
     */
    public boolean delete(String dagId, String runId) {
        Optional<DagRun> found = runs.find(dagId, runId);
        if (found.isEmpty()) {
            return false;
        }
        DagRun run = found.get();
        em.refresh(run, LockModeType.PESSIMISTIC_WRITE);
        taskInstances.ofRun(run).forEach(runningTries::stop);
        em.remove(run);
        LOG.info(() -> "DAG run " + dagId + "[" + runId + "] deleted");
        return true;
    }

    /**
     * Airflow's clear: the chosen instances go back to none, with their retries counted afresh,
     * and run again; with {@code resetDagRuns} their runs are queued again, otherwise running
     * runs carry on with them.
     *
     * @return the instances cleared, or that would be with {@code dryRun}; none when the DAG or run is unknown
     */
    public List<TaskInstance> clear(String dagId, ClearRequest request) {
        Optional<Dag> dag = dags.findByDagId(dagId);
        if (dag.isEmpty()) {
            return List.of();
        }
        Map<String, TaskSpec> tasks = definitions.current(dag.get()).map(ParsedDag::tasks).orElse(Map.of());
        TimeRange dates = request.logicalDate();
        if (request.runId().isPresent()) {
            Optional<DagRun> run = runs.find(dag.get(), request.runId().get());
            if (run.isEmpty()) {
                return List.of();
            }
            dates = new TimeRange(Optional.of(run.get().getLogicalDate()), Optional.of(run.get().getLogicalDate()));
        }
        dates = new TimeRange(request.includePast() ? Optional.empty() : dates.from(),
                request.includeFuture() ? Optional.empty() : dates.to());
        Optional<Set<String>> taskIds = request.taskIds().map(ids -> withRelatives(tasks, ids, request.includeUpstream(),
                request.includeDownstream()));
        Optional<Set<TaskInstanceState>> states = request.onlyFailed() ? Optional.of(FAILED)
                : request.onlyRunning() ? Optional.of(Set.of(TaskInstanceState.RUNNING)) : Optional.empty();
        TaskInstanceSelection selection = new TaskInstanceSelection(dates, taskIds, Set.of(), states, Optional.empty());
        if (request.dryRun()) {
            return taskInstances.select(dag.get(), selection);
        }
        List<TaskInstance> cleared = clear(dag.get(), tasks, selection);
        handBack(dag.get(), runsOf(cleared), request.resetDagRuns());
        return cleared;
    }

    /**
     * Airflow's {@code set_task_instance_state}: the task's instances (and its relatives', and
     * other runs', as asked) not yet in the new state are set to it; then the failed and
     * upstream_failed instances downstream of the task are cleared and their runs queued again,
     * so that a run resumes past a task marked success.
     *
     * @return the instances marked, or that would be with {@code dryRun}; none when the DAG or run is unknown
     */
    public List<TaskInstance> mark(String dagId, MarkRequest request) {
        Optional<Dag> dag = dags.findByDagId(dagId);
        Optional<DagRun> run = dag.flatMap(found -> runs.find(found, request.runId()));
        if (run.isEmpty()) {
            return List.of();
        }
        Map<String, TaskSpec> tasks = definitions.current(dag.get()).map(ParsedDag::tasks).orElse(Map.of());
        OffsetDateTime logicalDate = run.get().getLogicalDate();
        TimeRange dates = new TimeRange(request.includePast() ? Optional.empty() : Optional.of(logicalDate),
                request.includeFuture() ? Optional.empty() : Optional.of(logicalDate));
        TaskInstanceSelection marking = new TaskInstanceSelection(dates,
                Optional.of(withRelatives(tasks, Set.of(request.taskId()), request.includeUpstream(), request.includeDownstream())),
                Set.of(), Optional.empty(), Optional.of(request.newState()));
        if (request.dryRun()) {
            return taskInstances.select(dag.get(), marking);
        }
        lockRuns(dag.get(), marking);
        List<TaskInstance> marked = taskInstances.select(dag.get(), marking);
        OffsetDateTime now = Timestamps.now();
        marked.forEach(ti -> override(ti, request.newState(), now));
        em.flush();
        TaskInstanceSelection failedDownstream = new TaskInstanceSelection(dates,
                Optional.of(withRelatives(tasks, Set.of(request.taskId()), false, true)), Set.of(request.taskId()),
                Optional.of(FAILED), Optional.empty());
        Set<DagRun> requeued = runsOf(clear(dag.get(), tasks, failedDownstream));
        handBack(dag.get(), requeued, true);
        Set<DagRun> markedOnly = runsOf(marked);
        markedOnly.removeAll(requeued);
        handBack(dag.get(), markedOnly, false);
        LOG.info(() -> marked.size() + " task instances of " + dagId + " marked " + request.newState().airflowName() + " by hand");
        return marked;
    }

    /** The run's instances, created first for a run that has none yet (as Airflow's marks do). */
    private List<TaskInstance> instancesOf(DagRun run) {
        definitions.current(run.getDag()).ifPresent(parsed -> taskInstances.addMissing(run, parsed.tasks()));
        return taskInstances.ofRun(run);
    }

    private void override(TaskInstance ti, TaskInstanceState state, OffsetDateTime now) {
        runningTries.stop(ti);
        ti.markAs(state, now);
    }

    /** Clears the selected instances under their runs' locks. */
    private List<TaskInstance> clear(Dag dag, Map<String, TaskSpec> tasks, TaskInstanceSelection selection) {
        lockRuns(dag, selection);
        List<TaskInstance> cleared = taskInstances.select(dag, selection);
        for (TaskInstance ti : cleared) {
            runningTries.stop(ti);
            TaskSpec task = tasks.get(ti.getTaskId());
            // a task that left the DAG keeps the tries it had left, as Airflow's clear keeps max_tries
            ti.clear(task != null ? task.retries() : Math.max(0, ti.getMaxTries() - ti.getTryNumber()));
        }
        em.flush();
        LOG.info(() -> cleared.size() + " task instances of " + dag.getDagId() + " cleared");
        return cleared;
    }

    /** Locks the runs of the selected instances, in id order, before their instances are read. */
    private void lockRuns(Dag dag, TaskInstanceSelection selection) {
        for (Long runPk : taskInstances.runsOf(dag, selection)) {
            em.find(DagRun.class, runPk, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    private void handBack(Dag dag, Collection<DagRun> touched, boolean requeue) {
        OffsetDateTime now = Timestamps.now();
        for (DagRun run : touched) {
            if (requeue) {
                run.requeue(now);
            } else {
                supervisor.evaluateLocked(run);
            }
        }
        if (requeue && !touched.isEmpty()) {
            runsQueued.fire(new RunsQueued(dag.getId()));
        }
    }

    /** The runs of the instances; a persistence context holds one object per run, so identity tells them apart. */
    private static Set<DagRun> runsOf(List<TaskInstance> instances) {
        return new LinkedHashSet<>(instances.stream().map(TaskInstance::getDagRun).toList());
    }

    /** Airflow's {@code partial_subset}: the tasks, and their upstream and downstream tasks as asked. */
    private static Set<String> withRelatives(Map<String, TaskSpec> tasks, Set<String> taskIds, boolean upstream, boolean downstream) {
        Set<String> all = new LinkedHashSet<>(taskIds);
        for (String taskId : taskIds) {
            if (upstream) {
                all.addAll(ParsedDag.relatives(tasks, taskId, true));
            }
            if (downstream) {
                all.addAll(ParsedDag.relatives(tasks, taskId, false));
            }
        }
        return all;
    }
}
