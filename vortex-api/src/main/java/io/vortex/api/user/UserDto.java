package io.vortex.api.user;

import io.vortex.security.User;
import java.time.OffsetDateTime;
import java.util.List;

/** A user in the fields of Airflow's User schema that VORTEX keeps; never a password or hash. */
public record UserDto(
        String username,
        String displayName,
        String email,
        List<RoleName> roles,
        boolean active,
        OffsetDateTime createdOn,
        OffsetDateTime lastLogin) {

    static UserDto of(User user) {
        return new UserDto(user.getUsername(), user.getDisplayName(), user.getEmail(),
                List.of(new RoleName(user.getRole().name())), user.isActive(), user.getCreatedAt(), user.getLastLogin());
    }

    /** Airflow's role reference: {@code {"name": "Admin"}}. */
    public record RoleName(String name) {
    }
}
