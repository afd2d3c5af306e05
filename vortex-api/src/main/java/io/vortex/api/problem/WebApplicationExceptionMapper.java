package io.vortex.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * HTTP-level failures, whether thrown by a resource ({@code NotFoundException("DAG x not found")})
 * or by the JAX-RS runtime (no such path: 404, wrong method: 405, wrong body type: 415,
 * unacceptable {@code Accept}: 406), as problem documents. The {@code Allow} header of a 405 and the
 * {@code WWW-Authenticate} challenge of a 401 are kept.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    /** Headers of the original response a client needs: which methods are allowed, how to sign in. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.WWW_AUTHENTICATE);

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        Response.StatusType status = original.getStatusInfo();
        Response.ResponseBuilder response = Problem.of(status, detailOf(exception, status)).toResponse();
        for (String header : KEPT_HEADERS) {
            if (original.getHeaderString(header) != null) {
                response.header(header, original.getHeaderString(header));
            }
        }
        return response.build();
    }

    /** The runtime's own messages start with a RESTEasy message code that means nothing to a client. */
    private static String detailOf(WebApplicationException exception, Response.StatusType status) {
        String message = exception.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP " + status.getStatusCode())) {
            return status.getReasonPhrase();
        }
        return message.replaceFirst("^RESTEASY\\d+: ", "");
    }
}
