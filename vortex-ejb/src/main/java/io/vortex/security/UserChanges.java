package io.vortex.security;

/** Changes to a user; each {@code null} field stays as it is. */
public record UserChanges(String displayName, String email, Role role, Boolean active, String password) {
}
