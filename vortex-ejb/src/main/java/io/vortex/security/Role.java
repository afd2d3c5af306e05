package io.vortex.security;

/**
 * What a user may do; the constants carry Airflow's role names, which are stored as they are.
 * {@code Admin} manages users, pools, secrets and everything else; {@code Operator} triggers,
 * pauses, clears and marks runs and tasks; {@code Viewer} only reads.
 */
public enum Role {
    Admin,
    Operator,
    Viewer
}
