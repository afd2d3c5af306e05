package io.vortex.api.taskinstance;

import io.vortex.api.JsonBody;
import io.vortex.api.ListParams;
import io.vortex.api.QueryRanges;
import io.vortex.execution.TaskInstance;
import io.vortex.execution.TaskInstanceFilter;
import io.vortex.execution.TaskInstanceService;
import io.vortex.execution.TaskInstanceService.LogChunk;
import io.vortex.execution.TaskInstanceState;
import io.vortex.execution.TaskTry;
import io.vortex.execution.XCom;
import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import io.vortex.schedule.DagRun;
import io.vortex.schedule.MarkRequest;
import io.vortex.schedule.RunInterventions;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's task instance endpoints of a DAG run: instances, their states set by hand, their tries' logs and their XComs. */
@Path("/dags/{dag_id}/dagRuns/{dag_run_id}/taskInstances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
public class TaskInstanceResource {

    /** Airflow's "every DAG" and "every run" in paths. */
    private static final String ALL = "~";

    @Inject
    private TaskInstanceService taskInstances;

    @Inject
    private RunInterventions interventions;

    @GET
    @Operation(summary = "List task instances",
            description = "Of one run, or with ~ as the run id (and the DAG id) of every run; filters state (repeatable, 'none' for no"
                    + " state), pool, queue, execution_date/start_date/end_date/duration _gte and _lte.")
    public TaskInstanceCollection list(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
                                       @BeanParam ListParams paging, @QueryParam("state") List<String> states,
                                       @QueryParam("pool") List<String> pools, @QueryParam("queue") List<String> queues,
                                       @QueryParam("execution_date_gte") String logicalDateFrom,
                                       @QueryParam("execution_date_lte") String logicalDateTo,
                                       @QueryParam("start_date_gte") String startDateFrom, @QueryParam("start_date_lte") String startDateTo,
                                       @QueryParam("end_date_gte") String endDateFrom, @QueryParam("end_date_lte") String endDateTo,
                                       @QueryParam("duration_gte") String durationFrom, @QueryParam("duration_lte") String durationTo) {
        Set<TaskInstanceState> wanted = new HashSet<>();
        for (String state : states) {
            if (!state.equals("none")) {
                try {
                    wanted.add(TaskInstanceState.fromAirflowName(state));
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(e.getMessage());
                }
            }
        }
        if (wanted.contains(TaskInstanceState.FAILED)) {
            // the API shows VORTEX's timed_out as Airflow's failed, so a filter on failed takes it too
            wanted.add(TaskInstanceState.TIMED_OUT);
        }
        TaskInstanceFilter filter = new TaskInstanceFilter(ALL.equals(dagId) ? Optional.empty() : Optional.of(dagId),
                ALL.equals(runId) ? Optional.empty() : Optional.of(runId), wanted, states.contains("none"), Set.copyOf(pools),
                Set.copyOf(queues), QueryRanges.times("execution_date", logicalDateFrom, logicalDateTo),
                QueryRanges.times("start_date", startDateFrom, startDateTo), QueryRanges.times("end_date", endDateFrom, endDateTo),
                QueryRanges.number("duration_gte", durationFrom), QueryRanges.number("duration_lte", durationTo));
        Page<TaskInstanceDto> page = taskInstances.list(filter, paging.toPageRequest("id")).map(TaskInstanceDto::of);
        return new TaskInstanceCollection(page.items(), page.totalEntries());
    }

    @GET
    @Path("/{task_id}")
    @Operation(summary = "Get a task instance")
    public TaskInstanceDto get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
                               @PathParam("task_id") String taskId) {
        List<TaskInstance> instances = taskInstances.instancesOf(run(dagId, runId), taskId);
        if (instances.size() > 1) {
            throw new NotFoundException("Task instance is mapped, add the map_index value to the URL");
        }
        return instances.stream().findFirst().map(TaskInstanceDto::of).orElseThrow(() -> new NotFoundException("Task instance not found"));
    }

    @GET
    @Path("/{task_id}/{map_index: -?\\d+}")
    @Operation(summary = "Get one map index of a mapped task instance")
    public TaskInstanceDto getMapped(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
                                     @PathParam("task_id") String taskId, @PathParam("map_index") int mapIndex) {
        return TaskInstanceDto.of(find(dagId, runId, taskId, mapIndex));
    }

    @GET
    @Path("/{task_id}/listMapped")
    @Operation(summary = "List the instances of a mapped task", description = "By map index; 404 when the task is not mapped.")
    public TaskInstanceCollection listMapped(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
                                             @PathParam("task_id") String taskId, @BeanParam ListParams paging) {
        List<TaskInstanceDto> mapped = taskInstances.instancesOf(run(dagId, runId), taskId).stream()
                .filter(ti -> ti.getMapIndex() != TaskInstance.NOT_MAPPED).map(TaskInstanceDto::of).toList();
        if (mapped.isEmpty()) {
            throw new NotFoundException("Task " + taskId + " has no mapped instances in run " + runId);
        }
        PageRequest page = paging.toPageRequest("map_index");
        int from = Math.min(page.offset(), mapped.size());
        return new TaskInstanceCollection(mapped.subList(from, Math.min(mapped.size(), from + page.limit())), mapped.size());
    }

    @PATCH
    @Path("/{task_id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the state of a task instance",
            description = "new_state success, failed or skipped; dry_run (true unless false) changes nothing. Failed instances"
                    + " downstream are then cleared, so the run resumes.")
    public TaskInstanceReference setState(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
                                          @PathParam("task_id") String taskId, JsonObject body) {
        JsonBody form = new JsonBody(body, Set.of("dry_run", "new_state"));
        boolean dryRun = form.bool("dry_run", true);
        Optional<TaskInstanceState> state = UpdateTaskInstancesStateResource.newState(form);
        form.check();
        TaskInstance ti = find(dagId, runId, taskId, TaskInstance.NOT_MAPPED);
        if (!dryRun) {
            interventions.mark(dagId, new MarkRequest(taskId, runId, state.orElseThrow(), false, false, false, false, false));
        }
        return TaskInstanceReference.of(ti);
    }

    @GET
    @Path("/{task_id}/logs/{task_try_number}")
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    @Operation(summary = "Get the log of one try",
            description = "text/plain gives the log as text; JSON gives {content, continuation_token}: pass the token back"
                    + " (token=...) to read what was written since, while the try runs. full_content=true reads from the start.")
    public Response logs(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId, @PathParam("task_id") String taskId,
                         @PathParam("task_try_number") int tryNumber, @QueryParam("token") String token,
                         @QueryParam("full_content") @DefaultValue("false") boolean fullContent,
                         @QueryParam("map_index") @DefaultValue("-1") int mapIndex,
                         @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TaskInstance ti = find(dagId, runId, taskId, mapIndex);
        TaskTry taskTry = taskInstances.findTry(ti, tryNumber).orElseThrow(() -> new NotFoundException(
                "Task instance " + dagId + "." + taskId + " of run " + runId + " has no try " + tryNumber));
        long offset = fullContent || token == null || token.isBlank() ? 0 : offset(token);
        LogChunk chunk = taskInstances.readLog(taskTry, offset);
        if (accept != null && accept.contains(MediaType.TEXT_PLAIN) && !accept.contains(MediaType.APPLICATION_JSON)) {
            return Response.ok(chunk.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
        }
        String continuation = Base64.getUrlEncoder().withoutPadding().encodeToString(Json.createObjectBuilder()
                .add("log_pos", chunk.nextOffset()).add("end_of_log", chunk.endOfLog()).build().toString()
                .getBytes(StandardCharsets.UTF_8));
        return Response.ok(new LogContent(chunk.text(), continuation), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/{task_id}/xcomEntries")
    @Operation(summary = "List the XCom entries of a task instance")
    public XComCollection xcoms(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId,
                                @PathParam("task_id") String taskId, @QueryParam("map_index") @DefaultValue("-1") int mapIndex) {
        List<XComDto> entries = taskInstances.xcoms(find(dagId, runId, taskId, mapIndex)).stream().map(XComDto::entry).toList();
        return new XComCollection(entries, entries.size());
    }

    @GET
    @Path("/{task_id}/xcomEntries/{xcom_key}")
    @Operation(summary = "Get an XCom entry", description = "value is Python's str() of the value unless stringify=false")
    public XComDto xcom(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId, @PathParam("task_id") String taskId,
                        @PathParam("xcom_key") String key, @QueryParam("stringify") @DefaultValue("true") boolean stringify,
                        @QueryParam("map_index") @DefaultValue("-1") int mapIndex) {
        XCom xcom = taskInstances.xcoms(find(dagId, runId, taskId, mapIndex)).stream().filter(x -> x.getKey().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("XCom entry not found"));
        return XComDto.withValue(xcom, stringify);
    }

    private DagRun run(String dagId, String runId) {
        return taskInstances.run(dagId, runId).orElseThrow(() -> runNotFound(dagId, runId));
    }

    private TaskInstance find(String dagId, String runId, String taskId, int mapIndex) {
        return taskInstances.find(run(dagId, runId), taskId, mapIndex).orElseThrow(() -> new NotFoundException("Task instance not found"));
    }

    private static NotFoundException runNotFound(String dagId, String runId) {
        return new NotFoundException("DAG Run not found: DAGRun with DAG ID: '" + dagId + "' and DagRun ID: '" + runId + "' not found");
    }

    private static long offset(String token) {
        try (JsonReader reader = Json.createReader(new StringReader(new String(Base64.getUrlDecoder().decode(token),
                StandardCharsets.UTF_8)))) {
            JsonObject metadata = reader.readObject();
            return metadata.getJsonNumber("log_pos").longValueExact();
        } catch (RuntimeException e) {
            throw new BadRequestException("Bad Signature. Please use only the tokens provided by the API.");
        }
    }

    public record TaskInstanceCollection(List<TaskInstanceDto> taskInstances, long totalEntries) {
    }

    public record XComCollection(List<XComDto> xcomEntries, long totalEntries) {
    }

    public record LogContent(String content, String continuationToken) {
    }
}
