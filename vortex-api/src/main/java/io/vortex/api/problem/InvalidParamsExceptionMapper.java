package io.vortex.api.problem;

import io.vortex.schedule.InvalidParamsException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A trigger whose conf breaks the DAG's params: 400 with Airflow's "Invalid input for param ..." message. */
@Provider
public class InvalidParamsExceptionMapper implements ExceptionMapper<InvalidParamsException> {

    @Override
    public Response toResponse(InvalidParamsException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage()).toResponse().build();
    }
}
