package io.vortex.api;

import io.vortex.platform.PageRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Airflow's paging parameters, shared by every list endpoint: {@code limit}, {@code offset} and
 * {@code order_by}. A {@code limit} above the configured maximum ({@code vortex.api.maximum-page-limit},
 * 100 by default as Airflow's {@code maximum_page_limit}) is lowered to it rather than refused, as
 * Airflow does; values that are not whole numbers in range are refused with 400 (JAX-RS would
 * answer 404 for an unconvertible query parameter, which misleads clients).
 */
public class ListParams {

    static final int DEFAULT_LIMIT = 100;

    @QueryParam("limit")
    private String limit;

    @QueryParam("offset")
    private String offset;

    @QueryParam("order_by")
    private String orderBy;

    public PageRequest toPageRequest(String defaultOrderBy) {
        return pageRequest(offset, limit, orderBy, defaultOrderBy);
    }

    /** The same paging from other sources, such as the fields of a JSON body; {@code null} for absent values. */
    public static PageRequest pageRequest(String offset, String limit, String orderBy, String defaultOrderBy) {
        List<String> errors = new ArrayList<>();
        int requestedLimit = wholeNumber("limit", limit, DEFAULT_LIMIT, 1, errors);
        int requestedOffset = wholeNumber("offset", offset, 0, 0, errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join("; ", errors));
        }
        int maximum = ConfigProvider.getConfig()
                .getOptionalValue("vortex.api.maximum-page-limit", Integer.class)
                .orElse(DEFAULT_LIMIT);
        return PageRequest.of(requestedOffset, Math.min(requestedLimit, maximum), orderBy, defaultOrderBy);
    }

    private static int wholeNumber(String name, String value, int fallback, int minimum, List<String> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < minimum) {
                errors.add(name + " must be " + minimum + " or more, got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(name + " must be a whole number, got '" + value + "'");
            return fallback;
        }
    }
}
