package io.vortex.api.dag;

import io.vortex.api.ListParams;
import io.vortex.api.QueryBooleans;
import io.vortex.dag.DagFilter;
import io.vortex.dag.DagService;
import io.vortex.platform.Page;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
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
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's DAG endpoints: {@code GET /dags}, {@code GET /dags/{dag_id}} and {@code PATCH /dags/{dag_id}}. */
@Path("/dags")
@Produces(MediaType.APPLICATION_JSON)
public class DagResource {

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

    /** The updatable part of a DAG, kept as raw JSON so that {@code "yes"} is refused instead of read as false. */
    public record DagPatch(JsonValue isPaused) {
    }

    public record DagCollection(List<DagDto> dags, long totalEntries) {
    }
}
