package io.vortex.console;

import io.vortex.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.logging.Logger;

/** The signed-in user as the console's top bar shows them, and signing out. */
@Named
@RequestScoped
public class ConsoleUser {

    private static final Logger LOG = Logger.getLogger(ConsoleUser.class.getName());

    public String getName() {
        return external().getRemoteUser();
    }

    /** The user's role; a user has exactly one. */
    public String getRole() {
        return List.of(Roles.ADMIN, Roles.OPERATOR, Roles.VIEWER).stream()
                .filter(external()::isUserInRole)
                .findFirst()
                .orElse("");
    }

    /** Ends the session and returns to the login page. */
    public String logout() throws ServletException {
        String name = getName();
        ((HttpServletRequest) external().getRequest()).logout();
        external().invalidateSession();
        LOG.info(() -> "User " + name + " signed out of the console");
        return "/index?faces-redirect=true";
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
