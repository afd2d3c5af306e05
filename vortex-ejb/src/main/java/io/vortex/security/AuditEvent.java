package io.vortex.security;

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
 * One entry of the audit trail (Airflow's {@code log} table, served at {@code /eventLogs}): who
 * did what to which DAG, run or task, and whether it was allowed. Services write one per
 * user action and security decision; entries are never changed, and refer to users, DAGs and runs
 * by name so that they outlive them.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final String SUCCESS = "success";
    public static final String FAILURE = "failure";
    public static final String DENIED = "denied";

    @Id
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "event_time", nullable = false, updatable = false)
    private OffsetDateTime eventTime;

    /** {@code null} for the system itself. */
    @Column(name = "username", updatable = false, length = 250)
    private String username;

    /** What happened, e.g. {@code trigger}, {@code paused}, {@code login}. */
    @Column(name = "event", nullable = false, updatable = false, length = 100)
    private String event;

    @Column(name = "dag_id", updatable = false, length = 250)
    private String dagId;

    @Column(name = "run_id", updatable = false, length = 250)
    private String runId;

    @Column(name = "task_id", updatable = false, length = 250)
    private String taskId;

    /** JSON with further details. */
    @Column(name = "extra", updatable = false)
    private String extra;

    @Column(name = "correlation_id", updatable = false, length = 100)
    private String correlationId;

    /** {@value #SUCCESS}, {@value #FAILURE} or {@value #DENIED}. */
    @Column(name = "outcome", nullable = false, updatable = false, length = 20)
    private String outcome;

    protected AuditEvent() {
        // for JPA
    }

    /**
     * Everything but {@code eventTime}, {@code event} and {@code outcome} is optional.
     *
     * @param outcome {@value #SUCCESS}, {@value #FAILURE} or {@value #DENIED}
     */
    public AuditEvent(OffsetDateTime eventTime, String username, String event, String dagId, String runId,
            String taskId, String extra, String correlationId, String outcome) {
        this.eventTime = Objects.requireNonNull(eventTime, "event_time");
        requireText(event, "event");
        if (!SUCCESS.equals(outcome) && !FAILURE.equals(outcome) && !DENIED.equals(outcome)) {
            throw new IllegalArgumentException("outcome must be success, failure or denied, was " + outcome);
        }
        this.username = username;
        this.event = event;
        this.dagId = dagId;
        this.runId = runId;
        this.taskId = taskId;
        this.extra = extra;
        this.correlationId = correlationId;
        this.outcome = outcome;
    }

    public Long getId() {
        return id;
    }

    public OffsetDateTime getEventTime() {
        return eventTime;
    }

    public String getUsername() {
        return username;
    }

    public String getEvent() {
        return event;
    }

    public String getDagId() {
        return dagId;
    }

    public String getRunId() {
        return runId;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getExtra() {
        return extra;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getOutcome() {
        return outcome;
    }
}
