package io.vortex.api;

import io.vortex.platform.TimeRange;
import jakarta.ws.rs.BadRequestException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Airflow's range query parameters, {@code <field>_gte} and {@code <field>_lte}: ISO 8601
 * date-times with an offset, or numbers; anything else, or a range that ends before it starts,
 * refused with 400.
 */
public final class QueryRanges {

    private QueryRanges() {
    }

    /** The range of date-times {@code field_gte} to {@code field_lte}. */
    public static TimeRange times(String field, String from, String to) {
        Optional<OffsetDateTime> start = time(field + "_gte", from);
        Optional<OffsetDateTime> end = time(field + "_lte", to);
        if (start.isPresent() && end.isPresent() && start.get().isAfter(end.get())) {
            throw new BadRequestException(field + "_gte is after " + field + "_lte");
        }
        return new TimeRange(start, end);
    }

    /** One bound of a numeric range; empty when absent. */
    public static Optional<Double> number(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(value.strip()));
        } catch (NumberFormatException e) {
            throw new BadRequestException(parameter + " must be a number, got '" + value + "'");
        }
    }

    private static Optional<OffsetDateTime> time(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip()));
        } catch (DateTimeParseException e) {
            throw new BadRequestException(parameter + " must be an ISO 8601 date-time with an offset, got '" + value + "'");
        }
    }
}
