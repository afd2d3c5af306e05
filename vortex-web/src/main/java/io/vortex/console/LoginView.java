package io.vortex.console;

import io.vortex.security.LockedOutException;
import io.vortex.security.LoginAttempt.Channel;
import io.vortex.security.LoginGuard;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * The console's login form. It signs in through the server's realm ({@link HttpServletRequest#login})
 * rather than posting to {@code j_security_check}, so that every attempt is recorded and a user
 * locked out after repeated failures is refused ({@link LoginGuard}); being a JSF form, it also
 * carries the view state that protects it from cross-site request forgery. After signing in the
 * user lands on the page that sent them to the login form.
 */
@Named
@RequestScoped
public class LoginView {

    private static final Logger LOG = Logger.getLogger(LoginView.class.getName());
    private static final String WRONG_CREDENTIALS = "Wrong username or password.";

    @Inject
    private LoginGuard guard;

    private String username;
    private String password;
    private String next;
    private String error;

    /** Remembers the page the server's form authentication forwarded from, on the first display. */
    @PostConstruct
    void rememberRequestedPage() {
        HttpServletRequest request = request();
        Object forwardedFrom = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        if (forwardedFrom != null) {
            Object query = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
            next = query == null ? forwardedFrom.toString() : forwardedFrom + "?" + query;
        }
    }

    public String signIn() throws IOException, ServletException {
        HttpServletRequest request = request();
        String address = request.getRemoteAddr();
        try {
            request.login(username, password);
        } catch (ServletException refusedByRealm) {
            try {
                guard.reject(username, address, Channel.CONSOLE);
                error = WRONG_CREDENTIALS;
            } catch (LockedOutException lockout) {
                error = lockout.getMessage();
            }
            return null;
        }
        try {
            guard.admit(request.getRemoteUser(), address, Channel.CONSOLE);
        } catch (LockedOutException lockout) {
            request.logout();
            error = lockout.getMessage();
            return null;
        }
        request.changeSessionId();
        LOG.info(() -> "User " + request.getRemoteUser() + " signed in to the console from " + address);
        external().redirect(safeNext(request.getContextPath()));
        return null;
    }

    /**
     * Where to go after signing in: the remembered page if it lies inside the console, else the
     * home page, so that the form cannot be used to send users to another site.
     */
    private String safeNext(String contextPath) {
        boolean inside = next != null && next.startsWith(contextPath + "/") && !next.startsWith("//")
                && !next.contains("\\") && next.chars().noneMatch(Character::isISOControl)
                && !next.startsWith(contextPath + "/login.xhtml");
        return inside ? next : contextPath + "/";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getError() {
        return error;
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) external().getRequest();
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
