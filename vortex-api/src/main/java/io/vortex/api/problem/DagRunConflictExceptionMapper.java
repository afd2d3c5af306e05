package io.vortex.api.problem;

import io.vortex.schedule.DagRunConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A run id or logical date already taken by another run of the DAG: 409, as in Airflow. */
@Provider
public class DagRunConflictExceptionMapper implements ExceptionMapper<DagRunConflictException> {

    @Override
    public Response toResponse(DagRunConflictException exception) {
        return Problem.of(Response.Status.CONFLICT, exception.getMessage()).toResponse().build();
    }
}
