package io.vortex.api.problem;

import io.vortex.security.LockedOutException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Problem documents written where JAX-RS does not run: servlet filters and the error page. */
public final class ServletProblems {

    private static final Jsonb JSON = JsonbBuilder.create();

    private ServletProblems() {
    }

    public static void write(HttpServletResponse response, Problem problem) throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem));
    }

    /** 429 with the lockout's end in the detail and as {@code Retry-After}. */
    public static void writeLockedOut(HttpServletResponse response, LockedOutException lockout) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(lockout.retryAfterSeconds(OffsetDateTime.now(ZoneOffset.UTC))));
        write(response, Problem.of(Response.Status.TOO_MANY_REQUESTS, lockout.getMessage()));
    }
}
