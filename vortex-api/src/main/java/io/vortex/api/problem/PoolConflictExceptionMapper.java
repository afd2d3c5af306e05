package io.vortex.api.problem;

import io.vortex.pool.PoolConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A taken pool name, or a pool in use that would be renamed or deleted: 409. */
@Provider
public class PoolConflictExceptionMapper implements ExceptionMapper<PoolConflictException> {

    @Override
    public Response toResponse(PoolConflictException exception) {
        return Problem.of(Response.Status.CONFLICT, exception.getMessage()).toResponse().build();
    }
}
