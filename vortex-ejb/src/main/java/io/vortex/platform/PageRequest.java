package io.vortex.platform;

import java.util.Objects;

/**
 * Which slice of a list to return and in which order: {@code offset} and {@code limit} as in
 * Airflow's REST API, and one sort attribute named as the API names it ({@code order_by},
 * descending when prefixed with {@code -}). Repositories translate the attribute name through
 * an explicit allow-list, so a request can never sort by an arbitrary column.
 */
public record PageRequest(int offset, int limit, String orderBy, boolean descending) {

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, got " + limit);
        }
        Objects.requireNonNull(orderBy, "orderBy");
    }

    /** Parses Airflow's {@code order_by} syntax: {@code name} ascending, {@code -name} descending. */
    public static PageRequest of(int offset, int limit, String orderBy, String defaultOrderBy) {
        String sort = orderBy == null || orderBy.isBlank() ? defaultOrderBy : orderBy.strip();
        boolean descending = sort.startsWith("-");
        return new PageRequest(offset, limit, descending ? sort.substring(1) : sort, descending);
    }
}
