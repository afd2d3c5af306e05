package io.vortex.api.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import io.vortex.platform.CorrelationIdFilter;
import org.jboss.logging.MDC;

/**
 * Anything no other mapper claims: a 500 problem that tells the client the correlation id to
 * quote, never a stack trace. The stack trace goes to the server log, under that id.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(Level.SEVERE, "Unexpected error while serving an API request", exception);
        Object correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                        "An unexpected error occurred; the server log has the details under correlation id "
                                + correlationId + ".")
                .toResponse().build();
    }
}
