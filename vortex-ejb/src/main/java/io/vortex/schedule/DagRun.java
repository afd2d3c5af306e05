package io.vortex.schedule;

import static io.vortex.platform.Checks.requireText;

import io.vortex.dag.Dag;
import io.vortex.dag.DagVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
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
import jakarta.persistence.Version;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One run of a DAG for one logical date. The scheduler creates it {@code queued} when a schedule
 * falls due (or a user triggers it), starts it when the DAG's {@code max_active_runs} allows, and
 * ends it {@code success} or {@code failed} once every task instance has finished. A DAG has at
 * most one run per logical date; runs are kept until their DAG is deleted.
 */
@Entity
@Table(name = "dag_run")
public class DagRun {

    @Id
    @SequenceGenerator(name = "dag_run_seq", sequenceName = "dag_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dag_run_seq")
    private Long id;

    @Version
    private long version;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dag_pk", nullable = false, updatable = false)
    private Dag dag;

    @Column(name = "run_id", nullable = false, updatable = false, length = 250)
    private String runId;

    @Column(name = "run_type", nullable = false, updatable = false, length = 50)
    private DagRunType runType;

    @Column(name = "state", nullable = false, length = 50)
    private DagRunState state;

    @Column(name = "logical_date", nullable = false, updatable = false)
    private OffsetDateTime logicalDate;

    @Column(name = "data_interval_start", updatable = false)
    private OffsetDateTime dataIntervalStart;

    @Column(name = "data_interval_end", updatable = false)
    private OffsetDateTime dataIntervalEnd;

    @Column(name = "queued_at")
    private OffsetDateTime queuedAt;

    @Column(name = "start_date")
    private OffsetDateTime startDate;

    @Column(name = "end_date")
    private OffsetDateTime endDate;

    @Column(name = "last_scheduling_decision")
    private OffsetDateTime lastSchedulingDecision;

    @Column(name = "external_trigger", nullable = false, updatable = false)
    private boolean externalTrigger;

    /** JSON object given when the run was triggered; VARCHAR without a length in the schema. */
    @Column(name = "conf", updatable = false)
    private String conf;

    @Column(name = "note", length = 1000)
    private String note;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "dag_version_pk")
    private DagVersion dagVersion;

    @Column(name = "backfill_id", updatable = false)
    private Long backfillId;

    protected DagRun() {
        // for JPA
    }

    /**
     * Creates a {@code queued} run. Manual runs count as externally triggered, as in Airflow.
     *
     * @param dagVersion        the version the run will execute, or {@code null} if unknown
     * @param dataIntervalStart with {@code dataIntervalEnd}: both or neither, start not after end
     * @param conf              JSON object text, or {@code null}
     */
    public DagRun(Dag dag, DagVersion dagVersion, String runId, DagRunType runType,
            OffsetDateTime logicalDate, OffsetDateTime dataIntervalStart, OffsetDateTime dataIntervalEnd,
            String conf, OffsetDateTime queuedAt) {
        this.dag = Objects.requireNonNull(dag, "dag");
        if (dagVersion != null && !dagVersion.getDag().getDagId().equals(dag.getDagId())) {
            throw new IllegalArgumentException("DAG version " + dagVersion.getVersionNumber() + " of "
                    + dagVersion.getDag().getDagId() + " does not belong to DAG " + dag.getDagId());
        }
        this.dagVersion = dagVersion;
        this.runId = requireText(runId, "run_id");
        this.runType = Objects.requireNonNull(runType, "run_type");
        this.logicalDate = Objects.requireNonNull(logicalDate, "logical_date");
        if ((dataIntervalStart == null) != (dataIntervalEnd == null)) {
            throw new IllegalArgumentException("data_interval_start and data_interval_end must be given together");
        }
        if (dataIntervalStart != null && dataIntervalStart.isAfter(dataIntervalEnd)) {
            throw new IllegalArgumentException("data_interval_start " + dataIntervalStart
                    + " is after data_interval_end " + dataIntervalEnd);
        }
        this.dataIntervalStart = dataIntervalStart;
        this.dataIntervalEnd = dataIntervalEnd;
        this.conf = conf;
        this.queuedAt = Objects.requireNonNull(queuedAt, "queued_at");
        this.state = DagRunState.QUEUED;
        this.externalTrigger = runType == DagRunType.MANUAL;
    }

    /** Starts a queued run: its task instances may now be scheduled. */
    public void start(OffsetDateTime now) {
        requireState("start", DagRunState.QUEUED);
        state = DagRunState.RUNNING;
        startDate = now;
    }

    /** Ends a running run by Airflow's rule on its leaf task instances. */
    public void finish(boolean succeeded, OffsetDateTime now) {
        requireState("finish", DagRunState.RUNNING);
        state = succeeded ? DagRunState.SUCCESS : DagRunState.FAILED;
        endDate = now;
    }

    /**
     * Ends the run by hand, whatever its state, as Airflow's "mark success" and "mark failed" do;
     * the caller sets its task instances to match.
     */
    public void markAs(DagRunState marked, OffsetDateTime now) {
        if (marked != DagRunState.SUCCESS && marked != DagRunState.FAILED) {
            throw new IllegalArgumentException("a run is marked success or failed, not " + marked.airflowName());
        }
        state = marked;
        endDate = now;
    }

    /**
     * Queues the run again, because some of its task instances were cleared or a user set it to
     * queued: the scheduler starts it anew as {@code max_active_runs} allows.
     */
    public void requeue(OffsetDateTime now) {
        state = DagRunState.QUEUED;
        queuedAt = now;
        startDate = null;
        endDate = null;
        lastSchedulingDecision = null;
    }

    /** Records that the scheduler looked at the run's task instances at {@code now}. */
    public void decidedAt(OffsetDateTime now) {
        lastSchedulingDecision = now;
    }

    public boolean isRunning() {
        return state == DagRunState.RUNNING;
    }

    private void requireState(String action, DagRunState expected) {
        if (state != expected) {
            throw new IllegalStateException("Cannot " + action + " DAG run " + dag.getDagId() + "[" + runId + "] in state "
                    + state.airflowName());
        }
    }

    /** Airflow's free-text note on a run. */
    public void setNote(String note) {
        if (note != null && note.length() > 1000) {
            throw new IllegalArgumentException("a note has 1000 characters at most, got " + note.length());
        }
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Dag getDag() {
        return dag;
    }

    public String getRunId() {
        return runId;
    }

    public DagRunType getRunType() {
        return runType;
    }

    public DagRunState getState() {
        return state;
    }

    public OffsetDateTime getLogicalDate() {
        return logicalDate;
    }

    public OffsetDateTime getDataIntervalStart() {
        return dataIntervalStart;
    }

    public OffsetDateTime getDataIntervalEnd() {
        return dataIntervalEnd;
    }

    public OffsetDateTime getQueuedAt() {
        return queuedAt;
    }

    public OffsetDateTime getStartDate() {
        return startDate;
    }

    public OffsetDateTime getEndDate() {
        return endDate;
    }

    public OffsetDateTime getLastSchedulingDecision() {
        return lastSchedulingDecision;
    }

    public boolean isExternalTrigger() {
        return externalTrigger;
    }

    public String getConf() {
        return conf;
    }

    /** The run's {@code conf} as a JSON object, empty when none was given. */
    public JsonObject confObject() {
        if (conf == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(conf))) {
            return reader.readObject();
        }
    }

    public String getNote() {
        return note;
    }

    public DagVersion getDagVersion() {
        return dagVersion;
    }

    public Long getBackfillId() {
        return backfillId;
    }
}
