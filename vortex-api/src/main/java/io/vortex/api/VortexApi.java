package io.vortex.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The REST API at {@code /vortex/api/v1} (this WAR's context root is {@code /vortex/api}), shaped
 * after Apache Airflow's stable REST API v1: snake_case JSON, lists as
 * {@code {"<items>": [...], "total_entries": N}} paged by {@code limit}/{@code offset}/{@code order_by},
 * errors as RFC 7807 problem documents.
 */
@ApplicationPath("/v1")
@OpenAPIDefinition(info = @Info(title = "VORTEX REST API", version = "1",
        description = "Airflow-compatible REST API of the VORTEX workflow orchestrator",
        license = @License(name = "Apache 2.0")))
public class VortexApi extends Application {
}
