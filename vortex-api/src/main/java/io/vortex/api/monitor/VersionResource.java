package io.vortex.api.monitor;

import io.vortex.platform.VersionInfo;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's {@code GET /version}: open without login. */
@Path("/version")
public class VersionResource {

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Get version information")
    public VersionDto get() {
        return new VersionDto(VersionInfo.version(), null);
    }

    /** {@code git_version} stays null until builds are stamped with their commit. */
    public record VersionDto(String version, String gitVersion) {
    }
}
