package io.vortex.it.support;

/** The metadatabases VORTEX supports; integration tests that touch persistence run on each. */
public enum Database {
    H2,
    POSTGRESQL
}
