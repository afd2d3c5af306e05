package io.vortex.api.user;

import io.vortex.security.Role;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's {@code GET /roles}: the three roles and what each may do. */
@Path("/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    private static final Map<Role, String> DESCRIPTIONS = Map.of(
            Role.Viewer, "Reads DAGs, runs, task instances, logs and pools.",
            Role.Operator, "Viewer, and triggers, pauses, clears and marks runs and tasks, edits DAGs, manages pools.",
            Role.Admin, "Operator, and manages users, secrets and everything else.");

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List roles")
    public RoleCollection list() {
        List<RoleDto> roles = Arrays.stream(Role.values()).map(role -> new RoleDto(role.name(), DESCRIPTIONS.get(role))).toList();
        return new RoleCollection(roles, roles.size());
    }

    public record RoleDto(String name, String description) {
    }

    public record RoleCollection(List<RoleDto> roles, long totalEntries) {
    }
}
