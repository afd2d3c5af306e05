package io.vortex.api.taskinstance;

import io.vortex.api.JsonBody;
import io.vortex.dag.DagService;
import io.vortex.dag.DagService.DagDefinition;
import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceService;
import io.vortex.execution.TaskInstanceState;
import io.vortex.schedule.DagRun;
import io.vortex.schedule.DagRunService;
import io.vortex.schedule.MarkRequest;
import io.vortex.schedule.RunInterventions;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's {@code POST /dags/{dag_id}/updateTaskInstancesState}: the state of a task's instances set by hand. */
@Path("/dags/{dag_id}/updateTaskInstancesState")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
public class UpdateTaskInstancesStateResource {

    private static final Set<String> MARKABLE = Set.of("success", "failed", "skipped");

    @Inject
    private DagService dags;

    @Inject
    private DagRunService runs;

    @Inject
    private TaskInstanceService taskInstances;

    @Inject
    private RunInterventions interventions;

    @POST
    @Operation(summary = "Set the state of a task's instances",
            description = "Airflow's form: task_id, dag_run_id or execution_date, new_state (success, failed, skipped), dry_run"
                    + " (true unless false), include_upstream/downstream/past/future. Failed instances downstream are then cleared.")
    public TaskInstanceReference.Collection mark(@PathParam("dag_id") String dagId, JsonObject body) {
        JsonBody form = new JsonBody(body, Set.of("dry_run", "task_id", "execution_date", "dag_run_id", "include_upstream",
                "include_downstream", "include_future", "include_past", "new_state"));
        boolean dryRun = form.bool("dry_run", true);
        String taskId = form.requiredText("task_id");
        Optional<OffsetDateTime> executionDate = form.time("execution_date");
        Optional<String> runId = form.text("dag_run_id");
        if (executionDate.isPresent() == runId.isPresent()) {
            form.error("Exactly one of execution_date or dag_run_id must be provided");
        }
        boolean upstream = form.bool("include_upstream", false);
        boolean downstream = form.bool("include_downstream", false);
        boolean future = form.bool("include_future", false);
        boolean past = form.bool("include_past", false);
        Optional<TaskInstanceState> state = newState(form);
        form.check();
        DagDefinition dag = dags.definition(dagId).orElseThrow(() -> new NotFoundException("Dag ID " + dagId + " not found"));
        if (!dag.parsed().tasks().containsKey(taskId)) {
            throw new NotFoundException("Task ID " + taskId + " not found");
        }
        DagRun run = runId.isPresent()
                ? runs.find(dagId, runId.get()).filter(found -> taskInstances.find(found, taskId, TaskInstance.NOT_MAPPED).isPresent())
                        .orElseThrow(() -> new NotFoundException("Task instance not found for task '" + taskId + "' on DAG run with ID '"
                                + runId.get() + "'"))
                : runs.findAt(dagId, executionDate.get()).orElseThrow(() -> new NotFoundException("Task instance not found for task '" + taskId
                        + "' on execution_date " + executionDate.get()));
        return TaskInstanceReference.collection(interventions.mark(dagId, new MarkRequest(taskId, run.getRunId(), state.orElseThrow(),
                upstream, downstream, past, future, dryRun)));
    }

    /** Reads Airflow's {@code new_state}: success, failed or skipped. */
    static Optional<TaskInstanceState> newState(JsonBody form) {
        String name = form.requiredText("new_state");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (!MARKABLE.contains(name)) {
            form.error("{'new_state': ['Must be one of: success, failed, skipped.']}");
            return Optional.empty();
        }
        return Optional.of(TaskInstanceState.fromAirflowName(name));
    }
}
