package io.vortex.api.monitor;

import io.vortex.platform.HealthService;
import io.vortex.platform.HealthService.HealthReport;
import jakarta.inject.Inject;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's {@code GET /health}: open without login, so load balancers and the start script can poll it. */
@Path("/health")
public class HealthResource {

    @Inject
    private HealthService health;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get instance status", description = "Metadatabase and scheduler status, as Airflow's HealthInfo.")
    public HealthInfo get() {
        HealthReport report = health.check();
        return new HealthInfo(new MetadatabaseStatus(statusOf(report.metadatabaseHealthy())),
                new SchedulerStatus(statusOf(report.schedulerHealthy()), report.latestSchedulerHeartbeat()));
    }

    private static String statusOf(boolean healthy) {
        return healthy ? "healthy" : "unhealthy";
    }

    public record HealthInfo(MetadatabaseStatus metadatabase, SchedulerStatus scheduler) {
    }

    public record MetadatabaseStatus(String status) {
    }

    public record SchedulerStatus(String status, OffsetDateTime latestSchedulerHeartbeat) {
    }
}
