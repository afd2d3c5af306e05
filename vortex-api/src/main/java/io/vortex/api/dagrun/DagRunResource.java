package io.vortex.api.dagrun;

import io.vortex.api.ListParams;
import io.vortex.platform.Page;
import io.vortex.schedule.DagRunFilter;
import io.vortex.schedule.DagRunService;
import io.vortex.schedule.DagRunState;
import io.vortex.schedule.TriggerRequest;
import io.vortex.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Airflow's DAG run endpoints; {@code ~} as the DAG id lists the runs of every DAG. */
@Path("/dags/{dag_id}/dagRuns")
@Produces(MediaType.APPLICATION_JSON)
public class DagRunResource {

    private static final String ALL_DAGS = "~";

    @Inject
    private DagRunService runs;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "List DAG runs")
    public DagRunCollection list(@PathParam("dag_id") String dagId, @BeanParam ListParams paging,
                                 @QueryParam("state") List<String> states,
                                 @QueryParam("execution_date_gte") String logicalDateFrom,
                                 @QueryParam("execution_date_lte") String logicalDateTo) {
        Set<DagRunState> wanted;
        try {
            wanted = states.stream().map(DagRunState::fromAirflowName).collect(Collectors.toSet());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        DagRunFilter filter = new DagRunFilter(ALL_DAGS.equals(dagId) ? Optional.empty() : Optional.of(dagId), wanted,
                time("execution_date_gte", logicalDateFrom), time("execution_date_lte", logicalDateTo));
        Page<DagRunDto> page = runs.list(filter, paging.toPageRequest("id")).map(DagRunDto::of);
        return new DagRunCollection(page.items(), page.totalEntries());
    }

    @GET
    @Path("/{dag_run_id}")
    @RolesAllowed({Roles.VIEWER, Roles.OPERATOR, Roles.ADMIN})
    @Operation(summary = "Get a DAG run")
    public DagRunDto get(@PathParam("dag_id") String dagId, @PathParam("dag_run_id") String runId) {
        return runs.find(dagId, runId).map(DagRunDto::of).orElseThrow(() -> new NotFoundException(
                "DAGRun with DAG ID: '" + dagId + "' and DagRun ID: '" + runId + "' not found"));
    }

    @POST
    @RolesAllowed({Roles.OPERATOR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Trigger a new DAG run", description = "The run is queued; conf must be a JSON object.")
    public DagRunDto trigger(@PathParam("dag_id") String dagId, JsonObject body) {
        TriggerRequest request = request(body == null ? JsonValue.EMPTY_JSON_OBJECT : body);
        return runs.trigger(dagId, request).map(DagRunDto::of)
                .orElseThrow(() -> new NotFoundException("DAG with dag_id: '" + dagId + "' not found"));
    }

    private static TriggerRequest request(JsonObject body) {
        List<String> errors = new ArrayList<>();
        Set<String> known = Set.of("dag_run_id", "logical_date", "execution_date", "data_interval_start", "data_interval_end",
                "conf", "note");
        body.keySet().stream().filter(key -> !known.contains(key)).sorted()
                .forEach(key -> errors.add("{'" + key + "': ['Unknown field.']}"));
        Optional<String> runId = text(body, "dag_run_id", errors);
        if (runId.isPresent() && runId.get().isBlank()) {
            errors.add("dag_run_id must not be empty");
        }
        Optional<OffsetDateTime> logicalDate = time(body, "logical_date", errors);
        Optional<OffsetDateTime> executionDate = time(body, "execution_date", errors);
        if (logicalDate.isPresent() && executionDate.isPresent() && !logicalDate.get().isEqual(executionDate.get())) {
            errors.add("logical_date conflicts with execution_date");
        }
        Optional<OffsetDateTime> start = time(body, "data_interval_start", errors);
        Optional<OffsetDateTime> end = time(body, "data_interval_end", errors);
        JsonValue conf = body.getOrDefault("conf", JsonValue.NULL);
        if (conf != JsonValue.NULL && conf.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add("conf must be a JSON object, got " + conf);
        }
        Optional<String> note = text(body, "note", errors);
        if (!errors.isEmpty()) {
            throw new BadRequestException(String.join("; ", errors));
        }
        try {
            return new TriggerRequest(runId, logicalDate.or(() -> executionDate), start, end,
                    conf == JsonValue.NULL ? Optional.empty() : Optional.of(conf.toString()), note);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
    }

    private static Optional<String> text(JsonObject body, String field, List<String> errors) {
        JsonValue value = body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (value instanceof JsonString string) {
            return Optional.of(string.getString());
        }
        errors.add(field + " must be a string, got " + value);
        return Optional.empty();
    }

    private static Optional<OffsetDateTime> time(JsonObject body, String field, List<String> errors) {
        Optional<String> text = text(body, field, errors);
        try {
            return text.map(OffsetDateTime::parse);
        } catch (DateTimeParseException e) {
            errors.add(field + " must be an ISO 8601 date-time with an offset, got '" + text.get() + "'");
            return Optional.empty();
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

    public record DagRunCollection(List<DagRunDto> dagRuns, long totalEntries) {
    }
}
