package io.vortex.security;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A group of users that owns DAGs (through {@code dag.team}), secrets and, optionally, its own DAG
 * folder and limits. An administrator creates it and adds and removes members; deleting a team
 * removes its memberships but leaves its users.
 */
@Entity
@Table(name = "team")
public class Team {

    @Id
    @SequenceGenerator(name = "team_seq", sequenceName = "team_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "name", nullable = false, updatable = false, length = 250)
    private String name;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "dags_folder", length = 2000)
    private String dagsFolder;

    @Column(name = "max_concurrent_tasks")
    private Integer maxConcurrentTasks;

    @Column(name = "max_dags")
    private Integer maxDags;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @ManyToMany
    @JoinTable(name = "team_member",
            joinColumns = @JoinColumn(name = "team_pk"),
            inverseJoinColumns = @JoinColumn(name = "user_pk"))
    private Set<User> members = new LinkedHashSet<>();

    protected Team() {
        // for JPA
    }

    public Team(String name, String description, OffsetDateTime createdAt) {
        requireText(name, "name");
        this.name = name;
        this.description = description;
        this.createdAt = Objects.requireNonNull(createdAt, "created_at");
    }

    /** @return whether the user was not yet a member */
    public boolean addMember(User user) {
        return members.add(Objects.requireNonNull(user, "user"));
    }

    /** @return whether the user was a member */
    public boolean removeMember(User user) {
        return members.remove(Objects.requireNonNull(user, "user"));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getDagsFolder() {
        return dagsFolder;
    }

    public Integer getMaxConcurrentTasks() {
        return maxConcurrentTasks;
    }

    public Integer getMaxDags() {
        return maxDags;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public Set<User> getMembers() {
        return Set.copyOf(members);
    }
}
