package io.vortex.security;

import java.util.Objects;

/** What it takes to create a user; {@code displayName} and {@code email} are optional. */
public record NewUser(String username, String password, String displayName, String email, Role role) {

    public NewUser {
        Objects.requireNonNull(role, "role");
    }
}
