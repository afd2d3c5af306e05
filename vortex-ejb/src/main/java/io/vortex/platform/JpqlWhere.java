package io.vortex.platform;

import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A JPQL {@code WHERE} clause built from optional filters, with its named parameters: each
 * filter given adds its condition; one not given adds nothing.
 */
public final class JpqlWhere {

    private final StringBuilder clause = new StringBuilder(" WHERE 1 = 1");
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds a condition without parameters. */
    public JpqlWhere and(String condition) {
        clause.append(" AND ").append(condition);
        return this;
    }

    /** Adds {@code condition}, which names {@code :parameter}, bound to {@code value}. */
    public JpqlWhere and(String condition, String parameter, Object value) {
        parameters.put(parameter, value);
        return and(condition);
    }

    /** Adds {@code condition} (naming {@code :parameter}) when there is a value. */
    public JpqlWhere and(String condition, String parameter, Optional<?> value) {
        value.ifPresent(present -> and(condition, parameter, present));
        return this;
    }

    /** Adds {@code path IN :parameter} unless {@code values} is empty. */
    public JpqlWhere in(String path, String parameter, Collection<?> values) {
        return values.isEmpty() ? this : and(path + " IN :" + parameter, parameter, values);
    }

    /** Adds the bounds of {@code range} on {@code path}, both inclusive. */
    public JpqlWhere within(String path, String parameter, TimeRange range) {
        and(path + " >= :" + parameter + "From", parameter + "From", range.from());
        return and(path + " <= :" + parameter + "To", parameter + "To", range.to());
    }

    /** The clause, starting with a space. */
    public String clause() {
        return clause.toString();
    }

    /** Binds the parameters to a query built with {@link #clause()}. */
    public <T> TypedQuery<T> bind(TypedQuery<T> query) {
        parameters.forEach(query::setParameter);
        return query;
    }
}
