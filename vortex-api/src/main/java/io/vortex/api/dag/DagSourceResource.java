package io.vortex.api.dag;

import io.vortex.dag.DagService;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's DAG source: the code of a DAG file, named by the {@code file_token} of its DAGs. */
@Path("/dagSources")
public class DagSourceResource {

    @Inject
    private DagService dags;

    @GET
    @Path("/{file_token}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get the source code of a DAG file")
    public SourceDto json(@PathParam("file_token") String fileToken) {
        return new SourceDto(source(fileToken));
    }

    @GET
    @Path("/{file_token}")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    public String text(@PathParam("file_token") String fileToken) {
        return source(fileToken);
    }

    private String source(String fileToken) {
        return dags.source(fileToken).orElseThrow(() -> new NotFoundException("There is no DAG file with this file_token"));
    }

    public record SourceDto(String content) {
    }
}
