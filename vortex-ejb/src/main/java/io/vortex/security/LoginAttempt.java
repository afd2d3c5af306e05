package io.vortex.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/** One sign-in attempt as it happened; never changed afterwards. */
@Entity
@Table(name = "login_attempt")
public class LoginAttempt {

    /** Longest username kept; longer ones are cut, since an attacker chooses what is typed. */
    static final int MAX_USERNAME = 250;

    /** How a user tried to sign in. */
    public enum Channel {
        /** The console's login form. */
        CONSOLE,
        /** {@code POST /api/v1/auth/token}. */
        TOKEN,
        /** An API call with {@code Authorization: Basic}. */
        BASIC
    }

    public enum Outcome {
        SUCCEEDED,
        /** Wrong password, unknown or inactive user. */
        FAILED,
        /** Refused without checking the password, because of earlier failures. */
        LOCKED_OUT
    }

    @Id
    @SequenceGenerator(name = "login_attempt_seq", sequenceName = "login_attempt_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "login_attempt_seq")
    private Long id;

    @Column(name = "attempted_at", nullable = false, updatable = false)
    private OffsetDateTime attemptedAt;

    @Column(name = "username", nullable = false, updatable = false, length = MAX_USERNAME)
    private String username;

    @Column(name = "source_address", nullable = false, updatable = false, length = 100)
    private String sourceAddress;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 20)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 20)
    private Outcome outcome;

    protected LoginAttempt() {
        // for JPA
    }

    LoginAttempt(OffsetDateTime attemptedAt, String username, String sourceAddress, Channel channel, Outcome outcome) {
        this.attemptedAt = Objects.requireNonNull(attemptedAt, "attempted_at");
        this.username = Objects.requireNonNull(username, "username");
        this.sourceAddress = Objects.requireNonNull(sourceAddress, "source_address");
        this.channel = Objects.requireNonNull(channel, "channel");
        this.outcome = Objects.requireNonNull(outcome, "outcome");
    }

    public OffsetDateTime getAttemptedAt() {
        return attemptedAt;
    }

    public String getUsername() {
        return username;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public Channel getChannel() {
        return channel;
    }

    public Outcome getOutcome() {
        return outcome;
    }
}
