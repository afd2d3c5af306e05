package io.vortex.api;

import jakarta.ws.rs.BadRequestException;

/**
 * Boolean query parameters as Airflow reads them: {@code true} or {@code false}, anything else
 * refused with 400 (JAX-RS alone would silently read {@code paused=yes} as false).
 */
public final class QueryBooleans {

    private QueryBooleans() {
    }

    /** The parameter's value; {@code fallback} (which may be null) when it is absent. */
    public static Boolean parse(String name, String value, Boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new BadRequestException(name + " must be true or false, got '" + value + "'");
        };
    }
}
