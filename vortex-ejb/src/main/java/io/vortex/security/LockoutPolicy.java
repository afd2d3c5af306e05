package io.vortex.security;

import io.vortex.security.LoginAttempt.Outcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * When repeated failures lock a user out from one source address: {@code maxFailures} failed
 * attempts within {@code window}, counted since the last successful sign-in, refuse further
 * attempts until the earliest of those failures is {@code window} old. Attempts refused while
 * locked out do not count, so a user who keeps trying is not locked out for longer.
 *
 * @param maxFailures failures that lock; 0 or less turns lockout off
 */
public record LockoutPolicy(int maxFailures, Duration window) {

    public LockoutPolicy {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the lockout window must be positive, not " + window);
        }
    }

    /** The earliest attempt that can matter at {@code now}. */
    public OffsetDateTime horizon(OffsetDateTime now) {
        return now.minus(window);
    }

    /**
     * The end of the lockout at {@code now}, given the attempts of one user from one address
     * since {@link #horizon}, in any order; empty when not locked out.
     */
    public Optional<OffsetDateTime> lockedUntil(List<LoginAttempt> recentAttempts, OffsetDateTime now) {
        if (maxFailures <= 0) {
            return Optional.empty();
        }
        OffsetDateTime horizon = horizon(now);
        List<LoginAttempt> inWindow = recentAttempts.stream()
                .filter(attempt -> attempt.getAttemptedAt().isAfter(horizon))
                .sorted(Comparator.comparing(LoginAttempt::getAttemptedAt))
                .toList();
        int lastSuccess = -1;
        for (int i = 0; i < inWindow.size(); i++) {
            if (inWindow.get(i).getOutcome() == Outcome.SUCCEEDED) {
                lastSuccess = i;
            }
        }
        List<OffsetDateTime> failures = inWindow.subList(lastSuccess + 1, inWindow.size()).stream()
                .filter(attempt -> attempt.getOutcome() == Outcome.FAILED)
                .map(LoginAttempt::getAttemptedAt)
                .toList();
        if (failures.size() < maxFailures) {
            return Optional.empty();
        }
        return Optional.of(failures.get(failures.size() - maxFailures).plus(window));
    }
}
