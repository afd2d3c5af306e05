package io.vortex.security;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A named secret in the vault (connections, passwords, tokens), stored only as AES-GCM
 * ciphertext; the key lives outside the database. It belongs to a team or, with team
 * {@value #GLOBAL}, to everyone; a team's secret shadows a global one with the same key. Users
 * with the right role create it, replace its value and delete it.
 */
@Entity
@Table(name = "secret")
public class Secret {

    /**
     * The {@code team} column value of a global secret. The column is NOT NULL because a unique
     * constraint over a nullable column would allow duplicate global keys.
     */
    public static final String GLOBAL = "";

    @Id
    @SequenceGenerator(name = "secret_seq", sequenceName = "secret_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "secret_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "secret_key", nullable = false, updatable = false, length = 250)
    private String secretKey;

    @Column(name = "team", nullable = false, updatable = false, length = 250)
    private String team;

    /** Base64 of nonce and ciphertext. */
    @Column(name = "ciphertext", nullable = false)
    private String ciphertext;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "created_by", updatable = false, length = 250)
    private String createdBy;

    protected Secret() {
        // for JPA
    }

    /**
     * @param team the owning team's name, or {@code null} for a global secret
     */
    public Secret(String secretKey, String team, String ciphertext, String description, String createdBy,
            OffsetDateTime createdAt) {
        this.secretKey = requireText(secretKey, "secret_key");
        if (team != null && team.isBlank()) {
            throw new IllegalArgumentException("team must be null (global) or a team name, was blank");
        }
        this.team = team == null ? GLOBAL : team;
        this.ciphertext = requireText(ciphertext, "ciphertext");
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = Objects.requireNonNull(createdAt, "created_at");
        this.updatedAt = createdAt;
    }

    /** Replaces the secret's value with a new ciphertext. */
    public void replaceCiphertext(String ciphertext, OffsetDateTime now) {
        this.ciphertext = requireText(ciphertext, "ciphertext");
        this.updatedAt = Objects.requireNonNull(now, "now");
    }

    public Long getId() {
        return id;
    }

    public String getSecretKey() {
        return secretKey;
    }

    /** @return the owning team's name, or {@code null} for a global secret */
    public String getTeam() {
        return GLOBAL.equals(team) ? null : team;
    }

    public boolean isGlobal() {
        return GLOBAL.equals(team);
    }

    public String getCiphertext() {
        return ciphertext;
    }

    public String getDescription() {
        return description;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
