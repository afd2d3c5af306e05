package io.vortex.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.dag.Dag;
import io.vortex.dag.TaskSpec;
import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceState;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RunDecisionsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final Map<String, TaskSpec> tasks = new LinkedHashMap<>();
    private final Map<String, TaskInstance> instances = new LinkedHashMap<>();
    private final DagRun run = new DagRun(new Dag("etl", "/dags/etl.py"), null, "manual__1", DagRunType.MANUAL, NOW, NOW, NOW, null, NOW);

    @Test
    void rootsAreQueuedAndTheRestWaits() {
        task("extract", "all_success");
        task("load", "all_success", "extract");

        RunDecisions.Decision decision = decide();

        assertThat(decision.queued()).extracting(TaskInstance::getTaskId).containsExactly("extract");
        assertThat(instances.get("load").getState()).isNull();
        assertThat(decision.succeeded()).isEmpty();
    }

    @Test
    void aFailureSettlesADeepChainInOneDecision() {
        task("boom", "all_success");
        String previous = "boom";
        for (int level = 1; level <= 20; level++) {
            task("level" + level, "all_success", previous);
            previous = "level" + level;
        }
        task("cleanup", "all_done", previous);
        finish("boom", TaskInstanceState.FAILED);

        RunDecisions.Decision decision = decide();

        assertThat(instances.get("level20").getState()).isEqualTo(TaskInstanceState.UPSTREAM_FAILED);
        assertThat(decision.queued()).extracting(TaskInstance::getTaskId).containsExactly("cleanup");
    }

    @Test
    void theRunFailsWhenALeafFailedAndSucceedsWhenLeavesSucceededOrSkipped() {
        task("a", "all_success");
        task("b", "all_success", "a");
        task("c", "all_success", "a");
        finish("a", TaskInstanceState.SUCCESS);
        finish("b", TaskInstanceState.SKIPPED);
        finish("c", TaskInstanceState.SUCCESS);
        assertThat(decide().succeeded()).contains(true);

        instances.clear();
        finish("a", TaskInstanceState.SUCCESS);
        finish("b", TaskInstanceState.SUCCESS);
        finish("c", TaskInstanceState.TIMED_OUT);
        assertThat(decide().succeeded()).contains(false);
    }

    @Test
    void aTeardownThatDoesNotFailTheRunIsNotALeaf() {
        task("work", "all_success");
        tasks.put("teardown", new TaskSpec(spec("teardown", "all_done_setup_success", List.of("work")).add("is_teardown", true).build()));
        finish("work", TaskInstanceState.FAILED);
        finish("teardown", TaskInstanceState.SUCCESS);

        assertThat(decide().succeeded()).as("the failed work task is the leaf that counts").contains(false);
        assertThat(RunDecisions.effectiveLeaves(tasks)).containsExactly("work");
    }

    @Test
    void aRunWhoseRemainingTasksCanNeverRunIsDeadlockedAndFails() {
        task("a", "all_success", "ghost");
        tasks.put("ghost", new TaskSpec(spec("ghost", "all_success", List.of()).build()));
        TaskInstance ghost = new TaskInstance(run, tasks.get("ghost"), -1, 1);
        tasks.remove("ghost");
        instances.put("ghost", ghost);

        RunDecisions.Decision decision = decide();

        assertThat(ghost.getState()).as("its task left the DAG").isEqualTo(TaskInstanceState.REMOVED);
        assertThat(instances.get("a").getState()).as("all_success is never met by a removed upstream, as in Airflow").isNull();
        assertThat(decision.succeeded()).isEqualTo(Optional.of(false));
    }

    @Test
    void aReadyMappedTaskIsExpandedFirstAndItsDownstreamWaitsForEveryMapIndex() {
        task("numbers", "all_success");
        task("double", "all_success", "numbers");
        task("total", "all_success", "double");
        tasks.put("double", new TaskSpec(Json.createObjectBuilder(tasks.get("double").json()).add("is_mapped", true).build()));
        finish("numbers", TaskInstanceState.SUCCESS);

        RunDecisions.Decision decision = decide();
        assertThat(decision.toExpand()).extracting(TaskInstance::getTaskId).containsExactly("double");
        assertThat(decision.queued()).isEmpty();
        assertThat(decision.succeeded()).as("a run with a task to expand goes on").isEmpty();

        List<TaskInstance> all = new ArrayList<>(instances.values());
        TaskInstance first = instances.get("double");
        first.expandToFirstIndex();
        TaskInstance second = new TaskInstance(run, tasks.get("double"), 1, 1);
        all.add(second);
        decision = RunDecisions.decide(tasks, all, Set.of(), NOW);
        assertThat(decision.queued()).containsExactly(first, second);

        first.start("node", NOW);
        first.succeed(NOW);
        decision = RunDecisions.decide(tasks, all, Set.of(), NOW);
        assertThat(instances.get("total").getState()).as("map index 1 has not ended").isNull();
        second.start("node", NOW);
        second.succeed(NOW);
        decision = RunDecisions.decide(tasks, all, Set.of(), NOW);
        assertThat(decision.queued()).extracting(TaskInstance::getTaskId).containsExactly("total");
    }

    @Test
    void aTaskWaitingForItsPastStaysUnqueuedAndTheRunIsNotDeadlocked() {
        task("step", "all_success");
        tasks.put("step", new TaskSpec(Json.createObjectBuilder(tasks.get("step").json()).add("depends_on_past", true).build()));
        for (TaskSpec task : tasks.values()) {
            instances.put(task.taskId(), new TaskInstance(run, task, -1, 1));
        }

        RunDecisions.Decision decision = RunDecisions.decide(tasks, new ArrayList<>(instances.values()), Set.of("step"), NOW);

        assertThat(decision.queued()).isEmpty();
        assertThat(instances.get("step").getState()).isNull();
        assertThat(decision.succeeded()).as("it waits for another run, as in Airflow").isEmpty();
        assertThat(RunDecisions.decide(tasks, new ArrayList<>(instances.values()), Set.of(), NOW).queued()).hasSize(1);
    }

    private RunDecisions.Decision decide() {
        for (TaskSpec task : tasks.values()) {
            instances.computeIfAbsent(task.taskId(), id -> new TaskInstance(run, task, -1, 1));
        }
        return RunDecisions.decide(tasks, new ArrayList<>(instances.values()), Set.of(), NOW);
    }

    private void finish(String taskId, TaskInstanceState state) {
        TaskInstance ti = new TaskInstance(run, tasks.get(taskId), -1, 1);
        ti.queue(NOW);
        ti.start("node", NOW);
        switch (state) {
            case SUCCESS -> ti.succeed(NOW);
            case FAILED -> ti.fail(NOW);
            case SKIPPED -> ti.skipTry(NOW);
            case TIMED_OUT -> ti.timeOut(NOW);
            default -> throw new IllegalArgumentException(state.name());
        }
        instances.put(taskId, ti);
    }

    private void task(String taskId, String triggerRule, String... upstream) {
        tasks.put(taskId, new TaskSpec(spec(taskId, triggerRule, List.of(upstream)).build()));
        for (String up : upstream) {
            if (tasks.containsKey(up)) {
                TaskSpec before = tasks.get(up);
                var downstream = Json.createArrayBuilder(before.json().getJsonArray("downstream_task_ids")).add(taskId);
                tasks.put(up, new TaskSpec(Json.createObjectBuilder(before.json()).add("downstream_task_ids", downstream).build()));
            }
        }
    }

    private static JsonObjectBuilder spec(String taskId, String triggerRule, List<String> upstream) {
        return Json.createObjectBuilder().add("task_id", taskId).add("task_type", "EmptyOperator").add("trigger_rule", triggerRule)
                .add("upstream_task_ids", Json.createArrayBuilder(upstream)).add("downstream_task_ids", Json.createArrayBuilder());
    }
}
