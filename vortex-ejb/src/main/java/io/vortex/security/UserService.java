package io.vortex.security;

import io.vortex.platform.Page;
import io.vortex.platform.PageRequest;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Manages users for the users API: create, change, delete. It keeps the rules that protect the
 * installation: passwords meet the {@link PasswordPolicy} and are stored hashed, and the last
 * active Admin can be neither deleted, deactivated nor given another role.
 */
@Stateless
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    @Inject
    private UserRepository users;

    @Inject
    private PasswordHasher hasher;

    public Page<User> list(PageRequest page) {
        return users.find(page);
    }

    public Optional<User> find(String username) {
        return users.findByUsername(username);
    }

    /**
     * The active user with this username and password; empty for an unknown or inactive user or
     * a wrong password. Used where VORTEX checks a password itself (the token endpoint, through
     * {@link LoginGuard}); Basic and form logins are checked by the server's realm.
     */
    public Optional<User> authenticate(String username, String password) {
        return users.findByUsername(username)
                .filter(User::isActive)
                .filter(found -> password != null && found.password().map(hash -> hash.matches(password)).orElse(false));
    }

    public User create(NewUser request) {
        PasswordPolicy.check(request.username(), request.password(), "The password");
        if (users.findByUsername(request.username()).isPresent()) {
            throw new UserConflictException("A user named '" + request.username() + "' already exists");
        }
        User user = new User(request.username(), request.displayName(), request.email(), request.role(),
                OffsetDateTime.now(ZoneOffset.UTC));
        user.changePassword(hasher.hash(request.password()));
        users.add(user);
        LOG.info(() -> "User " + user.getUsername() + " created with role " + user.getRole());
        return user;
    }

    /** Applies the given changes; a {@code null} field is left as it is. */
    public Optional<User> update(String username, UserChanges changes) {
        return users.findByUsername(username).map(user -> {
            boolean losesAdmin = user.getRole() == Role.Admin && user.isActive()
                    && ((changes.role() != null && changes.role() != Role.Admin) || Boolean.FALSE.equals(changes.active()));
            if (losesAdmin) {
                requireAnotherActiveAdmin(user);
            }
            if (changes.password() != null) {
                PasswordPolicy.check(username, changes.password(), "The password");
                user.changePassword(hasher.hash(changes.password()));
            }
            user.update(changes.displayName(), changes.email(), changes.role(), changes.active());
            LOG.info(() -> "User " + username + " updated");
            return user;
        });
    }

    /** Deletes the user; false when there is no such user. */
    public boolean delete(String username) {
        Optional<User> user = users.findByUsername(username);
        user.ifPresent(found -> {
            if (found.getRole() == Role.Admin && found.isActive()) {
                requireAnotherActiveAdmin(found);
            }
            users.remove(found);
            LOG.info(() -> "User " + username + " deleted");
        });
        return user.isPresent();
    }

    private void requireAnotherActiveAdmin(User admin) {
        if (users.countActiveAdmins() <= 1) {
            throw new UserConflictException("'" + admin.getUsername() + "' is the last active Admin; "
                    + "make another user an Admin first");
        }
    }
}
