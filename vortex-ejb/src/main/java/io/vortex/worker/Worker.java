package io.vortex.worker;

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
 * A remote worker node, one row per host name. The worker registers {@code running} when it
 * starts and heartbeats with the number of tasks it is running; the controller treats a worker
 * with a stale heartbeat as lost and its tasks as orphaned.
 */
@Entity
@Table(name = "worker")
public class Worker {

    public static final String RUNNING = "running";

    @Id
    @SequenceGenerator(name = "worker_seq", sequenceName = "worker_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "worker_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "hostname", nullable = false, updatable = false, length = 500)
    private String hostname;

    /** Comma-separated names of the queues the worker consumes. */
    @Column(name = "queues", nullable = false, length = 1000)
    private String queues;

    @Column(name = "state", nullable = false, length = 20)
    private String state;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt;

    @Column(name = "latest_heartbeat", nullable = false)
    private OffsetDateTime latestHeartbeat;

    @Column(name = "active_tasks", nullable = false)
    private int activeTasks;

    protected Worker() {
        // for JPA
    }

    public Worker(String hostname, String queues, OffsetDateTime startedAt) {
        requireText(hostname, "hostname");
        requireText(queues, "queues");
        this.hostname = hostname;
        this.queues = queues;
        this.startedAt = Objects.requireNonNull(startedAt, "started_at");
        this.latestHeartbeat = startedAt;
        this.state = RUNNING;
    }

    /** Records that the worker is alive at {@code now}, running {@code activeTasks} tasks. */
    public void heartbeat(OffsetDateTime now, int activeTasks) {
        Objects.requireNonNull(now, "now");
        if (activeTasks < 0) {
            throw new IllegalArgumentException("active_tasks must not be negative, was " + activeTasks);
        }
        this.latestHeartbeat = now;
        this.activeTasks = activeTasks;
    }

    public Long getId() {
        return id;
    }

    public String getHostname() {
        return hostname;
    }

    public String getQueues() {
        return queues;
    }

    public String getState() {
        return state;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getLatestHeartbeat() {
        return latestHeartbeat;
    }

    public int getActiveTasks() {
        return activeTasks;
    }
}
