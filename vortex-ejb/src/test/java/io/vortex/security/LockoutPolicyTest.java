package io.vortex.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vortex.security.LoginAttempt.Channel;
import io.vortex.security.LoginAttempt.Outcome;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final LockoutPolicy THREE_IN_TEN_MINUTES = new LockoutPolicy(3, Duration.ofMinutes(10));

    @Test
    void fewerFailuresThanTheLimitDoNotLock() {
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(attempts(failedAt(5), failedAt(4)), NOW)).isEmpty();
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(List.of(), NOW)).isEmpty();
    }

    @Test
    void reachingTheLimitLocksUntilTheEarliestCountedFailureLeavesTheWindow() {
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(attempts(failedAt(6), failedAt(3), failedAt(1)), NOW))
                .contains(NOW.minusMinutes(6).plusMinutes(10));
    }

    @Test
    void theOrderOfTheAttemptsDoesNotMatter() {
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(attempts(failedAt(1), failedAt(6), failedAt(3)), NOW))
                .contains(NOW.plusMinutes(4));
    }

    @Test
    void moreFailuresThanTheLimitLockUntilTheLimitIsNoLongerReached() {
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(attempts(failedAt(8), failedAt(6), failedAt(3), failedAt(1)), NOW))
                .contains(NOW.plusMinutes(4));
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(attempts(failedAt(12), failedAt(10), failedAt(1)), NOW)).isEmpty();
    }

    @Test
    void aSuccessfulSignInClearsEarlierFailures() {
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(
                attempts(failedAt(6), failedAt(5), attemptAt(4, Outcome.SUCCEEDED), failedAt(3), failedAt(1)), NOW)).isEmpty();
    }

    @Test
    void attemptsRefusedDuringALockoutDoNotProlongIt() {
        List<LoginAttempt> attempts = attempts(failedAt(9), failedAt(8), failedAt(7));
        for (int minute = 6; minute > 0; minute--) {
            attempts.add(attemptAt(minute, Outcome.LOCKED_OUT));
        }
        assertThat(THREE_IN_TEN_MINUTES.lockedUntil(attempts, NOW)).contains(NOW.plusMinutes(1));
    }

    @Test
    void aLimitOfZeroTurnsLockoutOff() {
        LockoutPolicy off = new LockoutPolicy(0, Duration.ofMinutes(10));
        assertThat(off.lockedUntil(attempts(failedAt(3), failedAt(2), failedAt(1)), NOW)).isEmpty();
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> new LockoutPolicy(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLockoutMessageSaysWhoFromWhereAndUntilWhen() {
        LockedOutException lockout = new LockedOutException("alice", "10.0.0.7", NOW.plusMinutes(4));
        assertThat(lockout.getMessage())
                .isEqualTo("Too many failed sign-ins for 'alice' from 10.0.0.7; try again after 2026-11-27 12:04:00 UTC.");
        assertThat(lockout.retryAfterSeconds(NOW)).isEqualTo(240);
        assertThat(lockout.retryAfterSeconds(NOW.plusMinutes(5))).isEqualTo(1);
    }

    private static List<LoginAttempt> attempts(LoginAttempt... attempts) {
        return new ArrayList<>(List.of(attempts));
    }

    private static LoginAttempt failedAt(int minutesAgo) {
        return attemptAt(minutesAgo, Outcome.FAILED);
    }

    private static LoginAttempt attemptAt(int minutesAgo, Outcome outcome) {
        return new LoginAttempt(NOW.minusMinutes(minutesAgo), "alice", "10.0.0.7", Channel.TOKEN, outcome);
    }
}
