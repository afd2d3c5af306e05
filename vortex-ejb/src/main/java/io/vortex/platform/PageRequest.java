package io.vortex.platform;

import java.util.Map;
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

    /**
     * The JPQL {@code ORDER BY} clause for this request: the requested attribute, translated
     * through {@code orderable} (API name to entity attribute), then {@code uniqueAttribute} to
     * break ties so that pages never overlap or skip rows.
     *
     * @throws UnknownOrderingException when the attribute is not in {@code orderable}
     */
    public String orderByClause(String alias, Map<String, String> orderable, String uniqueAttribute) {
        String attribute = orderable.get(orderBy);
        if (attribute == null) {
            throw new UnknownOrderingException(orderBy, orderable.keySet());
        }
        String clause = " ORDER BY " + alias + "." + attribute + (descending ? " DESC" : " ASC");
        return attribute.equals(uniqueAttribute) ? clause : clause + ", " + alias + "." + uniqueAttribute + " ASC";
    }
}
