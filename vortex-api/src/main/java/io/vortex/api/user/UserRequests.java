package io.vortex.api.user;

import io.vortex.api.user.UserDto.RoleName;
import io.vortex.security.Role;
import jakarta.validation.constraints.Email;
import jakarta.ws.rs.BadRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The bodies of the users endpoints, as Airflow shapes them, and their translation. */
public final class UserRequests {

    private UserRequests() {
    }

    /**
     * {@code POST /users}. Airflow's {@code first_name}/{@code last_name} are accepted and joined
     * into the display name when {@code display_name} is absent.
     */
    public record Create(String username, String password, @Email(message = "email must be an e-mail address") String email,
                  String displayName, String firstName, String lastName, List<RoleName> roles) {

        public String effectiveDisplayName() {
            if (displayName != null) {
                return displayName;
            }
            String joined = String.join(" ", firstName == null ? "" : firstName, lastName == null ? "" : lastName).strip();
            return joined.isEmpty() ? null : joined;
        }
    }

    /** {@code PATCH /users/{username}}: each absent field stays as it is. */
    public record Patch(String password, @Email(message = "email must be an e-mail address") String email,
                 String displayName, List<RoleName> roles, Boolean active) {
    }

    /** A user has exactly one role: {@code roles} must name one of Admin, Operator, Viewer. */
    static Role roleOf(List<RoleName> roles) {
        if (roles == null || roles.size() != 1 || roles.get(0) == null) {
            throw new BadRequestException("roles must name exactly one role, one of " + roleNames());
        }
        String name = roles.get(0).name();
        return Arrays.stream(Role.values())
                .filter(role -> role.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new BadRequestException("Unknown role '" + name + "'; roles are " + roleNames()));
    }

    private static String roleNames() {
        return Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", "));
    }
}
