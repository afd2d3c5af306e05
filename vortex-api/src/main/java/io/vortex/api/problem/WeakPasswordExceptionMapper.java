package io.vortex.api.problem;

import io.vortex.security.WeakPasswordException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A password that breaks the password rules: 400 naming each broken rule. */
@Provider
public class WeakPasswordExceptionMapper implements ExceptionMapper<WeakPasswordException> {

    @Override
    public Response toResponse(WeakPasswordException exception) {
        return Problem.of(Response.Status.BAD_REQUEST, exception.getMessage()).toResponse().build();
    }
}
