package io.vortex.api.taskinstance;

import io.vortex.api.JsonBody;
import io.vortex.dag.DagService;
import io.vortex.platform.TimeRange;
import io.vortex.schedule.ClearRequest;
import io.vortex.schedule.DagRunService;
import io.vortex.schedule.RunInterventions;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's {@code POST /dags/{dag_id}/clearTaskInstances}: task instances of a DAG's runs run again. */
@Path("/dags/{dag_id}/clearTaskInstances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
public class ClearTaskInstancesResource {

    @Inject
    private DagService dags;

    @Inject
    private DagRunService runs;

    @Inject
    private RunInterventions interventions;

    @POST
    @Operation(summary = "Clear task instances",
            description = "Airflow's form: dry_run (true unless false), task_ids, dag_run_id or start_date/end_date, only_failed"
                    + " (true unless false), only_running, include_upstream/downstream/past/future, reset_dag_runs.")
    public TaskInstanceReference.Collection clear(@PathParam("dag_id") String dagId, JsonObject body) {
        JsonBody form = new JsonBody(body, Set.of("dry_run", "start_date", "end_date", "only_failed", "only_running", "include_subdags",
                "include_parentdag", "reset_dag_runs", "task_ids", "dag_run_id", "include_upstream", "include_downstream",
                "include_future", "include_past"));
        boolean dryRun = form.bool("dry_run", true);
        Optional<OffsetDateTime> start = form.time("start_date");
        Optional<OffsetDateTime> end = form.time("end_date");
        boolean onlyFailed = form.bool("only_failed", true);
        boolean onlyRunning = form.bool("only_running", false);
        // VORTEX has no SubDAGs: these flags are accepted and change nothing
        form.bool("include_subdags", false);
        form.bool("include_parentdag", false);
        boolean resetDagRuns = form.bool("reset_dag_runs", false);
        Optional<List<String>> taskIds = form.texts("task_ids");
        if (taskIds.isPresent() && taskIds.get().isEmpty()) {
            form.error("{'task_ids': ['Shorter than minimum length 1.']}");
        }
        Optional<String> runId = form.text("dag_run_id");
        boolean upstream = form.bool("include_upstream", false);
        boolean downstream = form.bool("include_downstream", false);
        boolean future = form.bool("include_future", false);
        boolean past = form.bool("include_past", false);
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            form.error("end_date is sooner than start_date");
        }
        form.check();
        dags.find(dagId).orElseThrow(() -> new NotFoundException("Dag id " + dagId + " not found"));
        if (runId.isPresent() && runs.find(dagId, runId.get()).isEmpty()) {
            throw new NotFoundException("Dag Run id " + runId.get() + " not found in dag " + dagId);
        }
        ClearRequest request;
        try {
            request = new ClearRequest(taskIds.map(Set::copyOf), upstream, downstream, runId, new TimeRange(start, end), past, future,
                    onlyFailed, onlyRunning, resetDagRuns, dryRun);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        return TaskInstanceReference.collection(interventions.clear(dagId, request));
    }
}
