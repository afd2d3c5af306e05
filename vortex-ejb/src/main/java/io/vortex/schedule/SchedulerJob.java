package io.vortex.schedule;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A scheduler process on one controller node (a row of Airflow's {@code job} table with
 * {@code job_type = 'SchedulerJob'}). It is created {@code running} when the node's scheduler
 * starts, heartbeats while it lives, and ends {@code success} on an orderly shutdown. A row that
 * is still {@code running} with a stale heartbeat marks a dead node whose work others adopt.
 */
@Entity
@Table(name = "job")
public class SchedulerJob {

    public static final String JOB_TYPE = "SchedulerJob";
    public static final String RUNNING = "running";
    public static final String SUCCESS = "success";

    @Id
    @SequenceGenerator(name = "job_seq", sequenceName = "job_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_seq")
    private Long id;

    @Column(name = "job_type", nullable = false, updatable = false, length = 30)
    private String jobType;

    @Column(name = "state", nullable = false, length = 20)
    private String state;

    @Column(name = "hostname", nullable = false, updatable = false, length = 500)
    private String hostname;

    @Column(name = "start_date", nullable = false, updatable = false)
    private OffsetDateTime startDate;

    @Column(name = "end_date")
    private OffsetDateTime endDate;

    @Column(name = "latest_heartbeat", nullable = false)
    private OffsetDateTime latestHeartbeat;

    protected SchedulerJob() {
        // for JPA
    }

    public SchedulerJob(String hostname, OffsetDateTime now) {
        this.hostname = requireText(hostname, "hostname");
        this.startDate = Objects.requireNonNull(now, "now");
        this.latestHeartbeat = now;
        this.jobType = JOB_TYPE;
        this.state = RUNNING;
    }

    /** Records that the scheduler is alive at {@code now}. */
    public void heartbeat(OffsetDateTime now) {
        Objects.requireNonNull(now, "now");
        requireRunning("heartbeat");
        latestHeartbeat = now;
    }

    /** Ends the job after an orderly shutdown. */
    public void end(OffsetDateTime now) {
        Objects.requireNonNull(now, "now");
        requireRunning("end");
        state = SUCCESS;
        endDate = now;
        latestHeartbeat = now;
    }

    public Long getId() {
        return id;
    }

    public String getJobType() {
        return jobType;
    }

    public String getState() {
        return state;
    }

    public String getHostname() {
        return hostname;
    }

    public OffsetDateTime getStartDate() {
        return startDate;
    }

    public OffsetDateTime getEndDate() {
        return endDate;
    }

    public OffsetDateTime getLatestHeartbeat() {
        return latestHeartbeat;
    }

    private void requireRunning(String action) {
        if (!RUNNING.equals(state)) {
            throw new IllegalStateException("Cannot " + action + " scheduler job " + id + " on " + hostname
                    + ": it is " + state + ", not running");
        }
    }
}
