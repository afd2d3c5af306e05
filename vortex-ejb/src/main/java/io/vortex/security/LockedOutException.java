package io.vortex.security;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A sign-in refused because of too many failed attempts for this user from this address. It
 * does not roll back, so the refused attempt stays recorded.
 */
@ApplicationException(rollback = false)
public class LockedOutException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    private final OffsetDateTime until;

    public LockedOutException(String username, String sourceAddress, OffsetDateTime until) {
        super("Too many failed sign-ins for '" + username + "' from " + sourceAddress + "; try again after "
                + TIME.format(until.withOffsetSameInstant(ZoneOffset.UTC)) + ".");
        this.until = until;
    }

    public OffsetDateTime getUntil() {
        return until;
    }

    /** Whole seconds until the lockout ends, at least 1: the value of a {@code Retry-After} header. */
    public long retryAfterSeconds(OffsetDateTime now) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
