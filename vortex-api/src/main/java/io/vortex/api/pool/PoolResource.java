package io.vortex.api.pool;

import io.vortex.api.JsonBody;
import io.vortex.api.ListParams;
import io.vortex.platform.Page;
import io.vortex.pool.PoolService;
import io.vortex.pool.PoolService.PoolChanges;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's pool endpoints: Viewers read, Operators and Admins change. */
@Path("/pools")
@Produces(MediaType.APPLICATION_JSON)
public class PoolResource {

    private static final Set<String> FIELDS = Set.of("name", "slots", "description", "include_deferred");

    @Inject
    private PoolService pools;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List pools", description = "With the slots their task instances take; order_by id, name or slots.")
    public PoolCollection list(@BeanParam ListParams paging) {
        Page<PoolDto> page = pools.list(paging.toPageRequest("id")).map(PoolDto::of);
        return new PoolCollection(page.items(), page.totalEntries());
    }

    @GET
    @Path("/{pool_name}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get a pool")
    public PoolDto get(@PathParam("pool_name") String name) {
        return pools.find(name).map(PoolDto::of).orElseThrow(() -> notFound(name));
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a pool", description = "name and slots (-1 for no limit) are required; 409 for a taken name.")
    public PoolDto create(JsonObject body) {
        JsonBody form = new JsonBody(body, FIELDS);
        String name = form.requiredText("name");
        if (form.value("slots").isEmpty()) {
            form.error("{'slots': ['Missing data for required field.']}");
        }
        Optional<Integer> slots = form.wholeNumber("slots");
        Optional<String> description = form.text("description");
        boolean includeDeferred = form.bool("include_deferred", false);
        form.check();
        return PoolDto.of(pools.create(name, slots.orElseThrow(), description.orElse(null), includeDeferred));
    }

    @PATCH
    @Path("/{pool_name}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a pool",
            description = "update_mask names the fields to change (name, slots, description, include_deferred); without it, name and"
                    + " slots are required. A new size applies at once. The default pool keeps its name; a pool in use cannot be renamed.")
    public PoolDto update(@PathParam("pool_name") String name, @QueryParam("update_mask") List<String> updateMask, JsonObject body) {
        JsonBody form = new JsonBody(body, FIELDS);
        Set<String> mask = Set.copyOf(updateMask.stream().map(String::strip).toList());
        mask.stream().filter(field -> !FIELDS.contains(field)).sorted()
                .forEach(field -> form.error("Invalid field: " + field + " in update mask"));
        JsonObject given = body == null ? JsonValue.EMPTY_JSON_OBJECT : body;
        if (mask.isEmpty()) {
            List<String> missing = List.of("name", "slots").stream().filter(field -> !given.containsKey(field)).toList();
            if (!missing.isEmpty()) {
                form.error("Missing required property(ies): " + missing);
            }
        }
        Set<String> changing = mask.isEmpty() ? given.keySet() : mask;
        Optional<String> newName = changing.contains("name") ? Optional.of(form.requiredText("name")) : Optional.empty();
        Optional<Integer> slots = changing.contains("slots") ? form.wholeNumber("slots") : Optional.empty();
        Optional<Optional<String>> description = changing.contains("description") ? Optional.of(form.text("description"))
                : Optional.empty();
        Optional<Boolean> includeDeferred = changing.contains("include_deferred")
                ? Optional.of(form.bool("include_deferred", false)) : Optional.empty();
        form.check();
        return pools.update(name, new PoolChanges(newName, slots, description, includeDeferred)).map(PoolDto::of)
                .orElseThrow(() -> notFound(name));
    }

    @DELETE
    @Path("/{pool_name}")
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Delete a pool",
            description = "Refused for the default pool (400) and for a pool unfinished task instances use (409).")
    public Response delete(@PathParam("pool_name") String name) {
        if (!pools.delete(name)) {
            throw notFound(name);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String name) {
        return new NotFoundException("Pool with name:'" + name + "' not found");
    }

    public record PoolCollection(List<PoolDto> pools, long totalEntries) {
    }
}
