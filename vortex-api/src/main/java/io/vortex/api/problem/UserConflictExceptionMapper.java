package io.vortex.api.problem;

import io.vortex.security.UserConflictException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A taken username or the removal of the last Admin: 409 with the reason. */
@Provider
public class UserConflictExceptionMapper implements ExceptionMapper<UserConflictException> {

    @Override
    public Response toResponse(UserConflictException exception) {
        return Problem.of(Response.Status.CONFLICT, exception.getMessage()).toResponse().build();
    }
}
