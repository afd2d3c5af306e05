package io.vortex.security;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A person or service account that signs in to the console or the REST API (table
 * {@code vortex_user}: {@code user} is reserved). An administrator creates it, or the first SSO
 * login does, with one {@link Role}; users without a password hash can only sign in through SSO.
 * A user who leaves is deactivated rather than deleted, so the audit trail keeps making sense.
 */
@Entity
@Table(name = "vortex_user")
public class User {

    @Id
    @SequenceGenerator(name = "vortex_user_seq", sequenceName = "vortex_user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "vortex_user_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "username", nullable = false, updatable = false, length = 250)
    private String username;

    @Column(name = "display_name", length = 500)
    private String displayName;

    @Column(name = "email", length = 500)
    private String email;

    /** {@code null} for users who sign in only through SSO; see {@link PasswordHash}. */
    @Column(name = "password_hash", length = 1000)
    private String passwordHash;

    /** {@code null} with a non-null hash means the hash column holds a plaintext password. */
    @Column(name = "password_salt", length = 100)
    private String passwordSalt;

    @Column(name = "password_iterations")
    private Integer passwordIterations;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 20)
    private Role role;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "last_login")
    private OffsetDateTime lastLogin;

    protected User() {
        // for JPA
    }

    /**
     * Creates an active user without a password.
     *
     * @param displayName optional; the console shows the username when absent
     * @param email       optional; must contain an {@code @} when given
     */
    public User(String username, String displayName, String email, Role role, OffsetDateTime createdAt) {
        requireText(username, "username");
        this.username = username;
        this.displayName = displayName;
        this.email = requireEmail(email);
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = Objects.requireNonNull(createdAt, "created_at");
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    /** Changes the profile, role or active flag; a {@code null} argument leaves that field as it is. */
    public void update(String newDisplayName, String newEmail, Role newRole, Boolean newActive) {
        if (newDisplayName != null) {
            displayName = newDisplayName;
        }
        if (newEmail != null) {
            email = requireEmail(newEmail);
        }
        if (newRole != null) {
            role = newRole;
        }
        if (newActive != null) {
            active = newActive;
        }
    }

    /** Replaces the user's password with {@code password}, stored hashed. */
    public void changePassword(PasswordHash password) {
        Objects.requireNonNull(password, "password");
        passwordHash = password.hash();
        passwordSalt = password.salt();
        passwordIterations = password.iterations();
    }

    /**
     * A password written into the table in clear (by an older install or by hand), which
     * start-up replaces with its hash; empty for hashed and SSO-only users.
     */
    public Optional<String> plaintextPassword() {
        return passwordHash != null && passwordSalt == null ? Optional.of(passwordHash) : Optional.empty();
    }

    /** The stored hash; empty for SSO-only users and for plaintext passwords not yet hashed. */
    public Optional<PasswordHash> password() {
        return passwordSalt == null ? Optional.empty() : Optional.of(new PasswordHash(passwordHash, passwordSalt, passwordIterations));
    }

    public Role getRole() {
        return role;
    }

    public boolean isActive() {
        return active;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastLogin() {
        return lastLogin;
    }

    private static String requireEmail(String email) {
        if (email != null && !email.contains("@")) {
            throw new IllegalArgumentException("email '" + email + "' is not an e-mail address");
        }
        return email;
    }
}
