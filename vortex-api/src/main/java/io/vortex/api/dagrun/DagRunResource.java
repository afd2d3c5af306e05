package io.vortex.api.dagrun;

import io.vortex.api.JsonBody;
import io.vortex.api.ListParams;
import io.vortex.api.QueryRanges;
import io.vortex.api.taskinstance.TaskInstanceReference;
import io.vortex.execution.TaskInstance;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import io.vortex.platform.TimeRange;
import io.vortex.schedule.ClearRequest;
import io.vortex.schedule.DagRunFilter;
import io.vortex.schedule.DagRunService;
import io.vortex.schedule.DagRunState;
import io.vortex.schedule.RunInterventions;
import io.vortex.schedule.TriggerRequest;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Airflow's DAG run endpoints; {@code ~} as the DAG id lists the runs of every DAG. Changes by
 * hand (state, clear, delete) go through {@link RunInterventions}.
 */
@Path("/dags/{dag_id}/dagRuns")
@Produces(MediaType.APPLICATION_JSON)
public class DagRunResource {

    private static final String ALL_DAGS = "~";

    @Inject
    private DagRunService runs;

    @Inject
    private RunInterventions interventions;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List DAG runs")
    public DagRunCollection list(@PathParam("dag_id") String dagId, @BeanParam ListParams paging,
                                 @QueryParam("state") List<String> states,
                                 @QueryParam("execution_date_gte") String logicalDateFrom,
                                 @QueryParam("execution_date_lte") String logicalDateTo,
                                 @QueryParam("start_date_gte") String startDateFrom,
                                 @QueryParam("start_date_lte") String startDateTo,
                                 @QueryParam("end_date_gte") String endDateFrom,
                                 @QueryParam("end_date_lte") String endDateTo) {
        DagRunFilter filter = new DagRunFilter(ALL_DAGS.equals(dagId) ? Set.of() : Set.of(dagId), states(states),
                QueryRanges.times("execution_date", logicalDateFrom, logicalDateTo),
                QueryRanges.times("start_date", startDateFrom, startDateTo), QueryRanges.times("end_date", endDateFrom, endDateTo));
        return collection(filter, paging.toPageRequest("id"));
    }

    @POST
    @Path("/list")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "List DAG runs (batch)", description = "Only for dag_id ~; the filters come in the body, as in Airflow.")
    public DagRunCollection listBatch(@PathParam("dag_id") String dagId, JsonObject body) {
        if (!ALL_DAGS.equals(dagId)) {
            throw new NotFoundException("The batch list of DAG runs is at /dags/~/dagRuns/list");
        }
        JsonBody form = new JsonBody(body, Set.of("order_by", "page_offset", "page_limit", "dag_ids", "states",
                "execution_date_gte", "execution_date_lte", "start_date_gte", "start_date_lte", "end_date_gte", "end_date_lte"));
        Optional<String> orderBy = form.text("order_by");
        Optional<Integer> offset = form.wholeNumber("page_offset");
        Optional<Integer> limit = form.wholeNumber("page_limit");
        Optional<List<String>> dagIds = form.texts("dag_ids");
        Optional<List<String>> states = form.texts("states");
        TimeRange logicalDate = range(form, "execution_date");
        TimeRange startDate = range(form, "start_date");
        TimeRange endDate = range(form, "end_date");
        form.check();
        DagRunFilter filter = new DagRunFilter(Set.copyOf(dagIds.orElse(List.of())), states(states.orElse(List.of())), logicalDate,
                startDate, endDate);
        return collection(filter, ListParams.pageRequest(offset.map(String::valueOf).orElse(null), limit.map(String::valueOf).orElse(null),
                orderBy.orElse(null), "id"));
    }

    @GET
    @Path("/{dag_run_id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get a DAG run")
    public DagRunDto get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId) {
        return runs.find(dagId, runId).map(DagRunDto::of).orElseThrow(() -> runNotFound(dagId, runId));
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trigger a new DAG run", description = "The run is queued; conf must be a JSON object.")
    public DagRunDto trigger(@PathParam("dag_id") String dagId, JsonObject body) {
        return runs.trigger(dagId, request(body)).map(DagRunDto::of)
                .orElseThrow(() -> new NotFoundException("DAG with dag_id: '" + dagId + "' not found"));
    }

    @PATCH
    @Path("/{dag_run_id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the state of a DAG run",
            description = "success marks every task instance success; failed fails the running ones and skips the unfinished;"
                    + " queued runs the run again.")
    public DagRunDto setState(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId, JsonObject body) {
        JsonBody form = new JsonBody(body, Set.of("state"));
        String state = form.requiredText("state");
        Set<String> allowed = Set.of("success", "failed", "queued");
        if (!state.isEmpty() && !allowed.contains(state)) {
            form.error("{'state': ['Must be one of: success, failed, queued.']}");
        }
        form.check();
        return interventions.setState(dagId, runId, DagRunState.fromAirflowName(state)).map(DagRunDto::of)
                .orElseThrow(() -> runNotFound(dagId, runId));
    }

    @DELETE
    @Path("/{dag_run_id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Delete a DAG run", description = "With its task instances, tries and XComs; running tries are stopped.")
    public Response delete(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId) {
        if (!interventions.delete(dagId, runId)) {
            throw runNotFound(dagId, runId);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{dag_run_id}/clear")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clear a DAG run",
            description = "Every task instance runs again and the run is queued. dry_run (true unless false) lists the instances only.")
    public Response clear(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId, JsonObject body) {
        JsonBody form = new JsonBody(body, Set.of("dry_run"));
        boolean dryRun = form.bool("dry_run", true);
        form.check();
        runs.find(dagId, runId).orElseThrow(() -> runNotFound(dagId, runId));
        List<TaskInstance> cleared = interventions.clear(dagId, new ClearRequest(Optional.empty(), false, false, Optional.of(runId),
                TimeRange.ANY, false, false, false, false, true, dryRun));
        if (dryRun) {
            return Response.ok(TaskInstanceReference.collection(cleared)).build();
        }
        return Response.ok(get(dagId, runId)).build();
    }

    private DagRunCollection collection(DagRunFilter filter, PageRequest page) {
        Page<DagRunDto> found = runs.list(filter, page).map(DagRunDto::of);
        return new DagRunCollection(found.items(), found.totalEntries());
    }

    private static Set<DagRunState> states(List<String> names) {
        try {
            return names.stream().map(DagRunState::fromAirflowName).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static NotFoundException runNotFound(String dagId, String runId) {
        return new NotFoundException("DAGRun with DAG ID: '" + dagId + "' and DagRun ID: '" + runId + "' not found");
    }

    private static TriggerRequest request(JsonObject body) {
        JsonBody form = new JsonBody(body, Set.of("dag_run_id", "logical_date", "execution_date", "data_interval_start",
                "data_interval_end", "conf", "note"));
        Optional<String> runId = form.text("dag_run_id");
        if (runId.isPresent() && runId.get().isBlank()) {
            form.error("dag_run_id must not be empty");
        }
        Optional<OffsetDateTime> logicalDate = form.time("logical_date");
        Optional<OffsetDateTime> executionDate = form.time("execution_date");
        if (logicalDate.isPresent() && executionDate.isPresent() && !logicalDate.get().isEqual(executionDate.get())) {
            form.error("logical_date conflicts with execution_date");
        }
        Optional<OffsetDateTime> start = form.time("data_interval_start");
        Optional<OffsetDateTime> end = form.time("data_interval_end");
        Optional<JsonValue> conf = form.value("conf");
        if (conf.isPresent() && conf.get().getValueType() != JsonValue.ValueType.OBJECT) {
            form.error("conf must be a JSON object, got " + conf.get());
        }
        Optional<String> note = form.text("note");
        form.check();
        try {
            return new TriggerRequest(runId, logicalDate.or(() -> executionDate), start, end, conf.map(JsonValue::toString), note);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static TimeRange range(JsonBody form, String field) {
        Optional<OffsetDateTime> from = form.time(field + "_gte");
        Optional<OffsetDateTime> to = form.time(field + "_lte");
        if (from.isPresent() && to.isPresent() && from.get().isAfter(to.get())) {
            form.error(field + "_gte is after " + field + "_lte");
            return TimeRange.ANY;
        }
        return new TimeRange(from, to);
    }

    public record DagRunCollection(List<DagRunDto> dagRuns, long totalEntries) {
    }
}
