package io.vortex.api.problem;

import io.vortex.security.LockedOutException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A sign-in refused after repeated failures: 429 saying until when, and {@code Retry-After}. */
@Provider
public class LockedOutExceptionMapper implements ExceptionMapper<LockedOutException> {

    @Override
    public Response toResponse(LockedOutException exception) {
        return Problem.of(Response.Status.TOO_MANY_REQUESTS, exception.getMessage()).toResponse()
                .header(HttpHeaders.RETRY_AFTER, exception.retryAfterSeconds(OffsetDateTime.now(ZoneOffset.UTC)))
                .build();
    }
}
