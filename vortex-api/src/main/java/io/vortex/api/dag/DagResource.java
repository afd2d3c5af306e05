package io.vortex.api.dag;

import io.vortex.api.ListParams;
import io.vortex.api.QueryBooleans;
import io.vortex.dag.DagFilter;
import io.vortex.dag.DagService;
import io.vortex.dag.DagService.DagDefinition;
import io.vortex.platform.Page;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Airflow's DAG endpoints: the list, one DAG, its details and tasks (read from the serialized
 * DAG its file last produced), and pausing.
 */
@Path("/dags")
@Produces(MediaType.APPLICATION_JSON)
public class DagResource {

    /** Task fields a task list may be ordered by ({@code order_by}). */
    private static final Set<String> TASK_ORDERING = Set.of("task_id", "operator_name", "owner", "pool", "queue",
            "priority_weight", "retries", "trigger_rule", "weight_rule", "start_date", "end_date", "task_group_id");
    private static final Comparator<JsonValue> JSON_VALUES = DagResource::compareJson;

    @Inject
    private DagService dags;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List DAGs")
    public DagCollection list(@BeanParam ListParams paging,
                              @QueryParam("tags") List<String> tags,
                              @QueryParam("only_active") String onlyActive,
                              @QueryParam("paused") String paused,
                              @QueryParam("dag_id_pattern") String dagIdPattern) {
        DagFilter filter = new DagFilter(QueryBooleans.parse("only_active", onlyActive, true),
                QueryBooleans.parse("paused", paused, null), dagIdPattern, Set.copyOf(tags));
        Page<DagDto> page = dags.list(filter,
                paging.toPageRequest("dag_id")).map(DagDto::of);
        return new DagCollection(page.items(), page.totalEntries());
    }

    @GET
    @Path("/{dag_id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get basic information about a DAG")
    public DagDto get(@PathParam("dag_id") String dagId) {
        return dags.find(dagId).map(DagDto::of)
                .orElseThrow(() -> new NotFoundException("DAG with dag_id: '" + dagId + "' not found"));
    }

    @GET
    @Path("/{dag_id}/details")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get a simplified representation of a DAG, with the fields only its file knows")
    public JsonObject details(@PathParam("dag_id") String dagId) {
        return DagDetails.of(definition(dagId));
    }

    @GET
    @Path("/{dag_id}/tasks")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get the tasks of a DAG")
    public JsonObject tasks(@PathParam("dag_id") String dagId, @QueryParam("order_by") String orderBy) {
        String sort = orderBy == null || orderBy.isBlank() ? "task_id" : orderBy.strip();
        boolean descending = sort.startsWith("-");
        String attribute = descending ? sort.substring(1) : sort;
        if (!TASK_ORDERING.contains(attribute)) {
            throw new BadRequestException("'" + attribute + "' cannot order tasks; use one of " + TASK_ORDERING.stream().sorted().toList());
        }
        Comparator<JsonObject> order = Comparator.comparing(task -> task.get(attribute), JSON_VALUES);
        List<JsonObject> tasks = taskList(definition(dagId)).stream()
                .map(Tasks::of)
                .sorted(descending ? order.reversed() : order)
                .toList();
        return Json.createObjectBuilder()
                .add("tasks", Json.createArrayBuilder(tasks))
                .add("total_entries", tasks.size())
                .build();
    }

    @GET
    @Path("/{dag_id}/tasks/{task_id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get one task of a DAG")
    public JsonObject task(@PathParam("dag_id") String dagId, @PathParam("task_id") String taskId) {
        return taskList(definition(dagId)).stream()
                .filter(task -> taskId.equals(task.getString("task_id")))
                .findFirst()
                .map(Tasks::of)
                .orElseThrow(() -> new NotFoundException("Task with id " + taskId + " not found"));
    }

    @PATCH
    @Path("/{dag_id}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a DAG", description = "Only is_paused can be changed, as in Airflow.")
    public DagDto update(@PathParam("dag_id") String dagId, @QueryParam("update_mask") List<String> updateMask,
                         @NotNull(message = "a JSON body with is_paused is required") DagPatch patch) {
        if (!updateMask.stream().allMatch("is_paused"::equals)) {
            throw new BadRequestException("Only `is_paused` field can be updated through the REST API");
        }
        if (patch.isPaused() == null || patch.isPaused() == JsonValue.NULL) {
            throw new BadRequestException("is_paused is required");
        }
        if (patch.isPaused() != JsonValue.TRUE && patch.isPaused() != JsonValue.FALSE) {
            throw new BadRequestException("is_paused must be true or false, got " + patch.isPaused());
        }
        return dags.setPaused(dagId, patch.isPaused() == JsonValue.TRUE).map(DagDto::of)
                .orElseThrow(() -> new NotFoundException("DAG with dag_id: '" + dagId + "' not found"));
    }

    private DagDefinition definition(String dagId) {
        return dags.definition(dagId)
                .orElseThrow(() -> new NotFoundException("DAG with dag_id: '" + dagId + "' not found"));
    }

    private static List<JsonObject> taskList(DagDefinition definition) {
        return definition.parsed().json().getJsonArray("tasks").getValuesAs(JsonObject.class);
    }

    /** Numbers by value, everything else by its JSON text; null and missing first. */
    private static int compareJson(JsonValue left, JsonValue right) {
        boolean leftMissing = left == null || left == JsonValue.NULL;
        boolean rightMissing = right == null || right == JsonValue.NULL;
        if (leftMissing || rightMissing) {
            return Boolean.compare(!leftMissing, !rightMissing);
        }
        if (left instanceof JsonNumber a && right instanceof JsonNumber b) {
            return a.bigDecimalValue().compareTo(b.bigDecimalValue());
        }
        String a = left instanceof JsonString text ? text.getString() : left.toString();
        String b = right instanceof JsonString text ? text.getString() : right.toString();
        return a.compareTo(b);
    }

    /** The updatable part of a DAG, kept as raw JSON so that {@code "yes"} is refused instead of read as false. */
    public record DagPatch(JsonValue isPaused) {
    }

    public record DagCollection(List<DagDto> dags, long totalEntries) {
    }
}
