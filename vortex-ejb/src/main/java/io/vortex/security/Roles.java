package io.vortex.security;

/**
 * The names of the {@link Role}s as compile-time constants, for {@code @RolesAllowed}. Viewer
 * reads, Operator also acts on DAGs, runs and pools, Admin may do everything.
 */
public final class Roles {

    public static final String ADMIN = "Admin";
    public static final String OPERATOR = "Operator";
    public static final String VIEWER = "Viewer";

    private Roles() {
    }
}
