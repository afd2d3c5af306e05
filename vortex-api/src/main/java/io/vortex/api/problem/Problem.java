package io.vortex.api.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * An RFC 7807 problem document, the one error shape of the API (Airflow's error object:
 * {@code type}, {@code title}, {@code status}, {@code detail}). {@code type} names the kind of
 * failure as {@code urn:vortex:error:<Kind>}; docs/api.md lists the kinds.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    public static Problem of(Response.StatusType status, String detail) {
        String title = status.getReasonPhrase();
        return new Problem("urn:vortex:error:" + kindOf(title), title, status.getStatusCode(), detail);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    /** "Method Not Allowed" becomes "MethodNotAllowed", as Airflow names its error types. */
    private static String kindOf(String title) {
        StringBuilder kind = new StringBuilder();
        for (String word : title.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                kind.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
            }
        }
        return kind.isEmpty() ? "Unknown" : kind.toString();
    }
}
