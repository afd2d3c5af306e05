package io.vortex.schedule;

import io.vortex.dag.TaskSpec;
import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceState;
import io.vortex.schedule.TriggerRule.Readiness;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Airflow's scheduling decisions for one running DAG run, on its task instances in memory: which
 * instances with no state can be queued, which are settled skipped or upstream_failed by their
 * trigger rules (repeated until nothing changes, so a failure ten levels up settles the whole
 * chain at once), and whether the run has ended, by Airflow's rule on its leaf tasks.
 */
public final class RunDecisions {

    private static final Set<TaskInstanceState> LEAF_FAILURES = EnumSet.of(
            TaskInstanceState.FAILED, TaskInstanceState.UPSTREAM_FAILED, TaskInstanceState.TIMED_OUT);

    /**
     * @param queued    instances moved from none to queued, for the executor
     * @param toExpand  instances of mapped tasks that are ready: they expand into their map
     *                  indexes (Airflow's {@code expand_mapped_task}) before anything else
     * @param succeeded when the run has ended: whether it succeeded; empty while it goes on
     */
    public record Decision(List<TaskInstance> queued, List<TaskInstance> toExpand, Optional<Boolean> succeeded) {
    }

    private RunDecisions() {
    }

    /**
     * Decides, changing the instances' states through their own transitions.
     *
     * @param tasks          the DAG's tasks by id
     * @param waitingForPast tasks whose {@code depends_on_past} is not met yet: they wait
     */
    public static Decision decide(Map<String, TaskSpec> tasks, List<TaskInstance> instances, Set<String> waitingForPast,
                                  OffsetDateTime now) {
        Map<String, List<TaskInstance>> byTask = new HashMap<>();
        instances.forEach(ti -> byTask.computeIfAbsent(ti.getTaskId(), id -> new ArrayList<>()).add(ti));
        List<TaskInstance> queued = new ArrayList<>();
        List<TaskInstance> toExpand = new ArrayList<>();
        boolean settledAny = true;
        while (settledAny) {
            settledAny = false;
            for (TaskInstance ti : instances) {
                TaskSpec task = tasks.get(ti.getTaskId());
                if (ti.getState() != null || toExpand.contains(ti)) {
                    continue;
                }
                if (task == null) {
                    ti.remove();
                    settledAny = true;
                    continue;
                }
                Readiness readiness = TriggerRule.of(task.triggerRule()).evaluate(upstreamOf(task, tasks, byTask));
                switch (readiness) {
                    case RUN -> {
                        if (waitingForPast.contains(task.taskId())) {
                            continue;
                        }
                        if (task.isMapped() && ti.getMapIndex() == TaskInstance.NOT_MAPPED) {
                            toExpand.add(ti);
                        } else {
                            ti.queue(now);
                            queued.add(ti);
                        }
                    }
                    case SKIP -> {
                        ti.settleWithoutRunning(TaskInstanceState.SKIPPED, now);
                        settledAny = true;
                    }
                    case UPSTREAM_FAILED -> {
                        ti.settleWithoutRunning(TaskInstanceState.UPSTREAM_FAILED, now);
                        settledAny = true;
                    }
                    case WAIT -> {
                        // an upstream task has not finished yet
                    }
                }
            }
        }
        return new Decision(queued, toExpand, toExpand.isEmpty() ? outcome(tasks, instances) : Optional.empty());
    }

    /** The states of the task's upstream instances; a mapped upstream task counts every one of its instances. */
    private static UpstreamStates upstreamOf(TaskSpec task, Map<String, TaskSpec> tasks, Map<String, List<TaskInstance>> byTask) {
        UpstreamStates states = UpstreamStates.NONE;
        for (String upstreamId : task.upstreamTaskIds()) {
            TaskSpec upstreamTask = tasks.get(upstreamId);
            boolean setup = upstreamTask != null && upstreamTask.isSetup();
            List<TaskInstance> upstream = byTask.getOrDefault(upstreamId, List.of());
            if (upstream.isEmpty()) {
                states = states.plus(TaskInstanceState.REMOVED, setup);
            }
            for (TaskInstance instance : upstream) {
                states = states.plus(instance.getState(), setup);
            }
        }
        return states;
    }

    /**
     * Airflow's {@code DagRun.update_state}: once no instance is unfinished, the run failed if a
     * leaf failed, else it succeeded; a run whose unfinished instances can never be scheduled
     * (nothing running, queued or waiting for a retry) is deadlocked and failed.
     */
    private static Optional<Boolean> outcome(Map<String, TaskSpec> tasks, List<TaskInstance> instances) {
        boolean unfinished = false;
        boolean progressing = false;
        for (TaskInstance ti : instances) {
            if (!ti.isFinished()) {
                unfinished = true;
                // as Airflow's _UnfinishedStates: a task that depends on the past waits for other runs, it is not deadlocked
                TaskSpec task = tasks.get(ti.getTaskId());
                progressing |= ti.getState() != null || task != null && task.dependsOnPast();
            }
        }
        if (unfinished) {
            return progressing ? Optional.empty() : Optional.of(false);
        }
        Set<String> leaves = effectiveLeaves(tasks);
        boolean leafFailed = instances.stream()
                .anyMatch(ti -> leaves.contains(ti.getTaskId()) && LEAF_FAILURES.contains(ti.getState()));
        return Optional.of(!leafFailed);
    }

    /**
     * Airflow's {@code _tis_for_dagrun_state}: the leaves, where a teardown that does not fail the
     * run ({@code on_failure_fail_dagrun=False}) does not count and the tasks before it do.
     */
    static Set<String> effectiveLeaves(Map<String, TaskSpec> tasks) {
        Set<String> leaves = new HashSet<>();
        for (TaskSpec task : tasks.values()) {
            if (!ignorable(task) && task.downstreamTaskIds().stream().allMatch(id -> tasks.containsKey(id) && ignorable(tasks.get(id)))) {
                leaves.add(task.taskId());
            }
        }
        if (leaves.isEmpty()) {
            tasks.values().stream().filter(task -> task.downstreamTaskIds().isEmpty()).forEach(task -> leaves.add(task.taskId()));
        }
        return leaves;
    }

    private static boolean ignorable(TaskSpec task) {
        return task.isTeardown() && !task.onFailureFailDagrun();
    }
}
