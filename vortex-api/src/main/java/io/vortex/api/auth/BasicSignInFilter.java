package io.vortex.api.auth;

import io.vortex.api.problem.ServletProblems;
import io.vortex.security.LockedOutException;
import io.vortex.security.LoginAttempt.Channel;
import io.vortex.security.LoginGuard;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every API call with HTTP Basic credentials is a sign-in: once the server's realm has accepted
 * the password, the call is recorded and refused with 429 if the user is locked out from this
 * address. Calls the realm refuses reach {@link io.vortex.api.problem.ProblemErrorServlet} instead.
 */
public class BasicSignInFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    private LoginGuard guard;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (HttpServletRequest.BASIC_AUTH.equalsIgnoreCase(request.getAuthType()) && request.getRemoteUser() != null) {
            try {
                guard.admit(request.getRemoteUser(), request.getRemoteAddr(), Channel.BASIC);
            } catch (LockedOutException lockout) {
                ServletProblems.writeLockedOut(response, lockout);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
