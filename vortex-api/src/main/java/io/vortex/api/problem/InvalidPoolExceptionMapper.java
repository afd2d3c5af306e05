package io.vortex.api.problem;

import io.vortex.pool.InvalidPoolException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A pool change the pool refuses (the default pool's name or deletion, slots below -1): 400. */
@Provider
public class InvalidPoolExceptionMapper implements ExceptionMapper<InvalidPoolException> {

    @Override
    public Response toResponse(InvalidPoolException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage()).toResponse().build();
    }
}
