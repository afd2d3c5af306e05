package io.vortex.pool;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A pool of slots (Airflow's {@code slot_pool}). Administrators create, resize and delete pools;
 * the scheduler counts the slots that running and queued task instances of the pool occupy, which
 * refer to it by name, so deleting a pool leaves their history intact. {@value #DEFAULT_POOL}
 * is created by the schema migration; {@value #UNLIMITED} slots means no limit.
 */
@Entity
@Table(name = "slot_pool")
public class Pool {

    public static final String DEFAULT_POOL = "default_pool";
    public static final int UNLIMITED = -1;

    @Id
    @SequenceGenerator(name = "slot_pool_seq", sequenceName = "slot_pool_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "slot_pool_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "pool_name", nullable = false, length = 256)
    private String poolName;

    @Column(name = "slots", nullable = false)
    private int slots;

    @Column(name = "description", length = 1000)
    private String description;

    @Column(name = "include_deferred", nullable = false)
    private boolean includeDeferred;

    protected Pool() {
        // for JPA
    }

    /**
     * @param slots {@value #UNLIMITED} or a number of slots, 0 or more
     */
    public Pool(String poolName, int slots, String description) {
        requireText(poolName, "pool_name");
        this.poolName = poolName;
        this.slots = requireSlots(slots);
        describe(description);
    }

    /** Changes the number of slots; running tasks keep theirs even if the pool shrinks below them. */
    public void resize(int slots) {
        this.slots = requireSlots(slots);
    }

    /** Renames the pool; {@value #DEFAULT_POOL} keeps its name. */
    public void rename(String newName) {
        requireText(newName, "name");
        if (DEFAULT_POOL.equals(poolName) && !DEFAULT_POOL.equals(newName)) {
            throw new IllegalArgumentException("Default Pool's name can't be modified");
        }
        poolName = newName;
    }

    public void describe(String newDescription) {
        if (newDescription != null && newDescription.length() > 1000) {
            throw new IllegalArgumentException("a description has 1000 characters at most, got " + newDescription.length());
        }
        description = newDescription;
    }

    /** Whether deferred task instances occupy slots (Airflow's {@code include_deferred}). */
    public void countDeferred(boolean includeDeferred) {
        this.includeDeferred = includeDeferred;
    }

    public boolean isDefault() {
        return DEFAULT_POOL.equals(poolName);
    }

    public Long getId() {
        return id;
    }

    public String getPoolName() {
        return poolName;
    }

    public int getSlots() {
        return slots;
    }

    public String getDescription() {
        return description;
    }

    public boolean isIncludeDeferred() {
        return includeDeferred;
    }

    private static int requireSlots(int slots) {
        if (slots < UNLIMITED) {
            throw new IllegalArgumentException("slots must be -1 (unlimited) or more, was " + slots);
        }
        return slots;
    }
}
