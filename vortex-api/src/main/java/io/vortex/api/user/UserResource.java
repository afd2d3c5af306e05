package io.vortex.api.user;

import io.vortex.api.ListParams;
import io.vortex.platform.Page;
import io.vortex.security.NewUser;
import io.vortex.security.Roles;
import io.vortex.security.UserChanges;
import io.vortex.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's users endpoints, for Admins only. Nothing here ever returns a password or its hash. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    private static final Set<String> UPDATABLE = Set.of("password", "email", "display_name", "roles", "active");

    @Inject
    private UserService users;

    @GET
    @Operation(summary = "List users")
    public UserCollection list(@BeanParam ListParams paging) {
        Page<UserDto> page = users.list(paging.toPageRequest("username")).map(UserDto::of);
        return new UserCollection(page.items(), page.totalEntries());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user", description = "The password must meet the password rules.")
    public UserDto create(@NotNull(message = "a JSON body describing the user is required") @Valid UserRequests.Create body) {
        if (body.username() == null || body.username().isBlank()) {
            throw new BadRequestException("username is required");
        }
        return UserDto.of(users.create(new NewUser(body.username(), body.password(), body.effectiveDisplayName(),
                body.email(), UserRequests.roleOf(body.roles()))));
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Get a user")
    public UserDto get(@PathParam("username") String username) {
        return users.find(username).map(UserDto::of).orElseThrow(() -> notFound(username));
    }

    @PATCH
    @Path("/{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a user", description = "The last active Admin cannot lose the role or be deactivated.")
    public UserDto update(@PathParam("username") String username, @QueryParam("update_mask") List<String> updateMask,
                          @NotNull(message = "a JSON body with the fields to change is required") @Valid UserRequests.Patch body) {
        if (!UPDATABLE.containsAll(updateMask)) {
            throw new BadRequestException("update_mask may name only " + String.join(", ", UPDATABLE.stream().sorted().toList()));
        }
        UserChanges changes = new UserChanges(body.displayName(), body.email(),
                body.roles() == null ? null : UserRequests.roleOf(body.roles()), body.active(), body.password());
        return users.update(username, changes).map(UserDto::of).orElseThrow(() -> notFound(username));
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Delete a user", description = "The last active Admin cannot be deleted.")
    public Response delete(@PathParam("username") String username) {
        if (!users.delete(username)) {
            throw notFound(username);
        }
        return Response.noContent().build();
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("The User with username `" + username + "` was not found");
    }

    public record UserCollection(List<UserDto> users, long totalEntries) {
    }
}
