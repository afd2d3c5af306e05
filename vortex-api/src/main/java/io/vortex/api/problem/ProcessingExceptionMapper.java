package io.vortex.api.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * A request body that is not valid JSON (or does not fit the expected shape) is the client's
 * mistake: 400 with the parser's message. Any other processing failure is the server's, and
 * goes to the unexpected-error mapper.
 */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Context
    private Providers providers;

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonException || cause instanceof JsonbException) {
                return Problem.of(Response.Status.BAD_REQUEST, "The request body is not valid JSON for this endpoint: "
                        + cause.getMessage()).toResponse().build();
            }
        }
        return providers.getExceptionMapper(Throwable.class).toResponse(exception);
    }
}
