package io.vortex.execution;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One attempt at running a task instance (Airflow's {@code task_instance_history}, plus where its
 * log is). The executor creates it {@code running} when a try starts on a host and completes it
 * with the try's final state, end time, exit code and log size; retries add further tries, so
 * every attempt's log stays reachable. Tries go only with their task instance.
 */
@Entity
@Table(name = "task_try")
public class TaskTry {

    @Id
    @SequenceGenerator(name = "task_try_seq", sequenceName = "task_try_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_try_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_instance_pk", nullable = false, updatable = false)
    private TaskInstance taskInstance;

    @Column(name = "try_number", nullable = false, updatable = false)
    private int tryNumber;

    @Column(name = "state", length = 50)
    private TaskInstanceState state;

    @Column(name = "start_date")
    private OffsetDateTime startDate;

    @Column(name = "end_date")
    private OffsetDateTime endDate;

    /** Seconds. */
    @Column(name = "duration")
    private Double duration;

    @Column(name = "hostname", length = 1000)
    private String hostname;

    @Column(name = "log_path", length = 2000)
    private String logPath;

    /** Bytes. */
    @Column(name = "log_size")
    private Long logSize;

    @Column(name = "exit_code")
    private Integer exitCode;

    protected TaskTry() {
        // for JPA
    }

    /** Records the start of try {@code tryNumber} (1, 2, ...) on {@code hostname}. */
    public TaskTry(TaskInstance taskInstance, int tryNumber, String hostname, String logPath,
            OffsetDateTime startDate) {
        this.taskInstance = Objects.requireNonNull(taskInstance, "taskInstance");
        if (tryNumber < 1) {
            throw new IllegalArgumentException("try_number must be at least 1, was " + tryNumber);
        }
        this.tryNumber = tryNumber;
        this.hostname = requireText(hostname, "hostname");
        this.logPath = requireText(logPath, "log_path");
        this.startDate = Objects.requireNonNull(startDate, "start_date");
        this.state = TaskInstanceState.RUNNING;
    }

    /** Ends the try in the state its task instance ended in (up_for_retry for a try that will be retried). */
    public void end(TaskInstanceState ended, OffsetDateTime now, Integer processExitCode, long logBytes) {
        if (state != TaskInstanceState.RUNNING) {
            throw new IllegalStateException("Try " + tryNumber + " has already ended " + state.airflowName());
        }
        state = Objects.requireNonNull(ended, "state");
        endDate = now;
        duration = Duration.between(startDate, now).toNanos() / 1e9;
        exitCode = processExitCode;
        logSize = logBytes;
    }

    public Long getId() {
        return id;
    }

    public TaskInstance getTaskInstance() {
        return taskInstance;
    }

    public int getTryNumber() {
        return tryNumber;
    }

    public TaskInstanceState getState() {
        return state;
    }

    public OffsetDateTime getStartDate() {
        return startDate;
    }

    public OffsetDateTime getEndDate() {
        return endDate;
    }

    public Double getDuration() {
        return duration;
    }

    public String getHostname() {
        return hostname;
    }

    public String getLogPath() {
        return logPath;
    }

    public Long getLogSize() {
        return logSize;
    }

    public Integer getExitCode() {
        return exitCode;
    }
}
