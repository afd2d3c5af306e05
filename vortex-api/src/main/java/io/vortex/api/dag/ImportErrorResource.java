package io.vortex.api.dag;

import io.vortex.api.ListParams;
import io.vortex.dag.DagService;
import io.vortex.dag.ImportError;
import io.vortex.platform.Page;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's import errors: DAG files that failed to parse, with the line and the traceback. */
@Path("/importErrors")
@Produces(MediaType.APPLICATION_JSON)
public class ImportErrorResource {

    @Inject
    private DagService dags;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List import errors")
    public ImportErrorCollection list(@BeanParam ListParams paging) {
        Page<ImportErrorDto> page = dags.importErrors(paging.toPageRequest("import_error_id")).map(ImportErrorDto::of);
        return new ImportErrorCollection(page.items(), page.totalEntries());
    }

    @GET
    @Path("/{import_error_id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get an import error")
    public ImportErrorDto get(@PathParam("import_error_id") long id) {
        return dags.importError(id).map(ImportErrorDto::of)
                .orElseThrow(() -> new NotFoundException("The ImportError with import_error_id: `" + id + "` was not found"));
    }

    /** Airflow's ImportError, plus VORTEX's line number and the engine that reported it. */
    public record ImportErrorDto(long importErrorId, OffsetDateTime timestamp, String filename, String stackTrace,
                                 Integer lineNumber, String parsedBy) {

        static ImportErrorDto of(ImportError error) {
            return new ImportErrorDto(error.getId(), error.getErrorTime(), error.getFilename(), error.getStacktrace(),
                    error.getLineNumber(), error.getParsedBy());
        }
    }

    public record ImportErrorCollection(List<ImportErrorDto> importErrors, long totalEntries) {
    }
}
