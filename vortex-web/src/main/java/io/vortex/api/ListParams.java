package io.vortex.api;

import io.vortex.platform.PageRequest;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Airflow's paging parameters, shared by every list endpoint. A {@code limit} above the
 * configured maximum ({@code vortex.api.maximum-page-limit}, 100 by default as Airflow's
 * {@code maximum_page_limit}) is lowered to it rather than refused, as Airflow does.
 */
public class ListParams {

    static final int DEFAULT_LIMIT = 100;

    @QueryParam("limit")
    @Min(value = 1, message = "limit must be 1 or more")
    private Integer limit;

    @QueryParam("offset")
    @Min(value = 0, message = "offset must be 0 or more")
    private Integer offset;

    @QueryParam("order_by")
    private String orderBy;

    public PageRequest toPageRequest(String defaultOrderBy) {
        int maximum = ConfigProvider.getConfig()
                .getOptionalValue("vortex.api.maximum-page-limit", Integer.class)
                .orElse(DEFAULT_LIMIT);
        int effectiveLimit = Math.min(limit == null ? DEFAULT_LIMIT : limit, maximum);
        return PageRequest.of(offset == null ? 0 : offset, effectiveLimit, orderBy, defaultOrderBy);
    }
}
