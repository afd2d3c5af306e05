package io.vortex.api.problem;

import io.vortex.api.auth.BasicCredentials;
import io.vortex.security.LockedOutException;
import io.vortex.security.LoginAttempt.Channel;
import io.vortex.security.LoginGuard;
import jakarta.inject.Inject;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Optional;

/**
 * The error page of the API's web module: failures the container answers before JAX-RS runs
 * (no or wrong credentials, paths outside the JAX-RS application) get the same problem
 * document as every other API error instead of an HTML page. Headers already set, such as the
 * {@code WWW-Authenticate} challenge of a 401, are kept. A 401 for HTTP Basic credentials is a
 * failed sign-in: it is recorded, and during a lockout becomes the lockout's 429.
 */
@WebServlet(name = "problem-error-page", urlPatterns = "/problem")
public class ProblemErrorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private LoginGuard guard;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            Optional<String> basicUser = BasicCredentials.username(request);
            if (basicUser.isPresent()) {
                try {
                    guard.reject(basicUser.get(), request.getRemoteAddr(), Channel.BASIC);
                } catch (LockedOutException lockout) {
                    ServletProblems.writeLockedOut(response, lockout);
                    return;
                }
            }
        }
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        ServletProblems.write(response, Problem.of(statusType == null ? Response.Status.INTERNAL_SERVER_ERROR : statusType,
                detailOf(status)));
    }

    private static String detailOf(int status) {
        return switch (status) {
            case HttpServletResponse.SC_UNAUTHORIZED ->
                    "Sign in: send a bearer token from POST /api/v1/auth/token (Authorization: Bearer ...) "
                            + "or HTTP Basic credentials of a VORTEX user (Authorization: Basic ...).";
            case HttpServletResponse.SC_FORBIDDEN -> "Your role does not allow this.";
            case HttpServletResponse.SC_NOT_FOUND -> "There is no such resource in the API.";
            default -> Response.Status.fromStatusCode(status) == null ? "Error " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
