package io.vortex.api.problem;

import io.vortex.platform.UnknownOrderingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An {@code order_by} naming an attribute the list cannot be sorted by: 400, listing the allowed ones. */
@Provider
public class UnknownOrderingExceptionMapper implements ExceptionMapper<UnknownOrderingException> {

    @Override
    public Response toResponse(UnknownOrderingException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage()).toResponse().build();
    }
}
