package io.vortex.security;

import io.vortex.security.LoginAttempt.Channel;
import io.vortex.security.LoginAttempt.Outcome;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records every sign-in attempt and locks a user out from a source address after repeated
 * failures ({@link LockoutPolicy}, configured by {@code vortex.security.lockout.max-failures} and
 * {@code vortex.security.lockout.window-minutes}). The token endpoint lets it check the password
 * ({@link #signIn}); console and Basic logins, whose passwords the server's realm checks, report
 * the realm's verdict ({@link #admit}, {@link #reject}) and may still be refused.
 */
@Stateless
public class LoginGuard {

    private static final Logger LOG = Logger.getLogger(LoginGuard.class.getName());

    @Inject
    private LoginAttemptRepository attempts;

    @Inject
    private UserRepository userRepository;

    @Inject
    private UserService users;

    @Inject
    @ConfigProperty(name = "vortex.security.lockout.max-failures", defaultValue = "5")
    private int maxFailures;

    @Inject
    @ConfigProperty(name = "vortex.security.lockout.window-minutes", defaultValue = "15")
    private long windowMinutes;

    private LockoutPolicy policy;

    @PostConstruct
    void readPolicy() {
        policy = new LockoutPolicy(maxFailures, Duration.ofMinutes(windowMinutes));
    }

    /**
     * Checks a password VORTEX verifies itself (the token endpoint): the active user with this
     * username and password, or empty when they do not match; either way the attempt is recorded.
     *
     * @throws LockedOutException without checking the password, when locked out
     */
    public Optional<User> signIn(String username, String password, String sourceAddress, Channel channel) {
        String name = recordable(username);
        OffsetDateTime now = now();
        refuseIfLockedOut(name, sourceAddress, channel, now);
        Optional<User> user = users.authenticate(username, password);
        record(name, sourceAddress, channel, user.isPresent() ? Outcome.SUCCEEDED : Outcome.FAILED, now);
        return user;
    }

    /**
     * Lets in a user whose password the server's realm accepted (console and Basic logins),
     * recording the success.
     *
     * @throws LockedOutException when locked out from this address despite the right password
     */
    public void admit(String username, String sourceAddress, Channel channel) {
        String name = recordable(username);
        OffsetDateTime now = now();
        refuseIfLockedOut(name, sourceAddress, channel, now);
        record(name, sourceAddress, channel, Outcome.SUCCEEDED, now);
    }

    /**
     * Records a login the server's realm refused.
     *
     * @throws LockedOutException when locked out, so that the answer during a lockout does not
     *                            tell a right password from a wrong one
     */
    public void reject(String username, String sourceAddress, Channel channel) {
        String name = recordable(username);
        OffsetDateTime now = now();
        refuseIfLockedOut(name, sourceAddress, channel, now);
        record(name, sourceAddress, channel, Outcome.FAILED, now);
    }

    private void refuseIfLockedOut(String name, String sourceAddress, Channel channel, OffsetDateTime now) {
        Optional<OffsetDateTime> until = policy.lockedUntil(attempts.since(name, sourceAddress, policy.horizon(now)), now);
        if (until.isPresent()) {
            attempts.add(new LoginAttempt(now, name, sourceAddress, channel, Outcome.LOCKED_OUT));
            LockedOutException refusal = new LockedOutException(name, sourceAddress, until.get());
            LOG.warning(() -> "Sign-in refused (" + channel + "): " + refusal.getMessage());
            throw refusal;
        }
    }

    private void record(String name, String sourceAddress, Channel channel, Outcome outcome, OffsetDateTime now) {
        attempts.add(new LoginAttempt(now, name, sourceAddress, channel, outcome));
        if (outcome == Outcome.SUCCEEDED) {
            userRepository.markSignedIn(name, now);
        } else {
            LOG.info(() -> "Failed sign-in (" + channel + ") for user '" + name + "' from " + sourceAddress);
        }
    }

    private static String recordable(String username) {
        String name = username == null ? "" : username;
        return name.length() > LoginAttempt.MAX_USERNAME ? name.substring(0, LoginAttempt.MAX_USERNAME) : name;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
