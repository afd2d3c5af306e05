package io.vortex.execution;

import io.vortex.dag.Dag;
import io.vortex.dag.TaskSpec;
import io.vortex.schedule.DagRun;
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
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One task of one DAG run (one element, for a mapped task). The scheduler creates it with no
 * state (Airflow's "none") when the run is created, then schedules and queues it once its
 * upstream tasks and pool allow; each try runs as a batch job, recorded as a {@link TaskTry},
 * until the instance ends in a final state or is retried up to {@code max_tries}. It copies the
 * pool, queue, priority and retries from its task definition, so later parses do not change it.
 */
@Entity
@Table(name = "task_instance")
public class TaskInstance {

    /** The {@code map_index} of a task that is not mapped. */
    public static final int NOT_MAPPED = -1;

    @Id
    @SequenceGenerator(name = "task_instance_seq", sequenceName = "task_instance_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_instance_seq")
    private Long id;

    @Version
    private long version;

    /** Denormalized from the run so that per-DAG counts need no join. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dag_pk", nullable = false, updatable = false)
    private Dag dag;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dag_run_pk", nullable = false, updatable = false)
    private DagRun dagRun;

    @Column(name = "task_id", nullable = false, updatable = false, length = 250)
    private String taskId;

    @Column(name = "map_index", nullable = false)
    private int mapIndex = NOT_MAPPED;

    /** {@code null} is Airflow's "none". */
    @Column(name = "state", length = 50)
    private TaskInstanceState state;

    @Column(name = "try_number", nullable = false)
    private int tryNumber;

    @Column(name = "max_tries", nullable = false)
    private int maxTries;

    @Column(name = "start_date")
    private OffsetDateTime startDate;

    @Column(name = "end_date")
    private OffsetDateTime endDate;

    /** Seconds. */
    @Column(name = "duration")
    private Double duration;

    @Column(name = "hostname", length = 1000)
    private String hostname;

    @Column(name = "pool", nullable = false, length = 256)
    private String pool;

    @Column(name = "pool_slots", nullable = false)
    private int poolSlots;

    @Column(name = "queue", nullable = false, length = 256)
    private String queue;

    @Column(name = "priority_weight", nullable = false)
    private int priorityWeight;

    @Column(name = "operator", length = 1000)
    private String operator;

    @Column(name = "queued_dttm")
    private OffsetDateTime queuedDttm;

    @Column(name = "scheduled_dttm")
    private OffsetDateTime scheduledDttm;

    @Column(name = "next_retry_at")
    private OffsetDateTime nextRetryAt;

    @Column(name = "pid")
    private Integer pid;

    /** The Jakarta Batch execution id of the current try. */
    @Column(name = "executor_job_id")
    private Long executorJobId;

    /** JSON of the templated fields as rendered for the current try. */
    @Column(name = "rendered_fields")
    private String renderedFields;

    @Column(name = "note", length = 1000)
    private String note;

    protected TaskInstance() {
        // for JPA
    }

    /**
     * Creates the instance of {@code task} in {@code dagRun} with no state and no try yet.
     *
     * @param mapIndex       {@link #NOT_MAPPED} for an ordinary task, 0, 1, ... for the elements of a mapped one
     * @param priorityWeight the task's effective weight by its {@code weight_rule} (Airflow's {@code priority_weight_total})
     */
    public TaskInstance(DagRun dagRun, TaskSpec task, int mapIndex, int priorityWeight) {
        this.dagRun = Objects.requireNonNull(dagRun, "dagRun");
        Objects.requireNonNull(task, "task");
        if (mapIndex < NOT_MAPPED) {
            throw new IllegalArgumentException("map_index must be -1 or more, was " + mapIndex);
        }
        this.dag = dagRun.getDag();
        this.taskId = task.taskId();
        this.mapIndex = mapIndex;
        this.state = null;
        this.tryNumber = 0;
        this.maxTries = task.retries();
        this.pool = task.pool();
        this.poolSlots = task.poolSlots();
        this.queue = task.queue();
        this.priorityWeight = priorityWeight;
        this.operator = task.taskType();
    }

    /**
     * The instance a mapped task had before it expanded becomes its map index 0, as Airflow
     * reuses it; the other indexes are new instances.
     */
    public void expandToFirstIndex() {
        requireState("expand", null, TaskInstanceState.SCHEDULED);
        if (mapIndex != NOT_MAPPED) {
            throw new IllegalStateException("Task instance " + describe() + " has expanded already");
        }
        mapIndex = 0;
    }

    /** Hands the instance to the executor: from none, scheduled or up_for_retry to queued. */
    public void queue(OffsetDateTime now) {
        requireState("queue", null, TaskInstanceState.SCHEDULED, TaskInstanceState.UP_FOR_RETRY);
        state = TaskInstanceState.QUEUED;
        scheduledDttm = now;
        queuedDttm = now;
        nextRetryAt = null;
    }

    /** Starts the next try on {@code host}: from queued to running, try_number one up. */
    public void start(String host, OffsetDateTime now) {
        requireState("start", TaskInstanceState.QUEUED);
        state = TaskInstanceState.RUNNING;
        tryNumber++;
        hostname = host;
        startDate = now;
        endDate = null;
        duration = null;
        pid = null;
    }

    /** Records the operating system process running the try, for timeouts and recovery. */
    public void runsAs(long processId) {
        requireState("record the process of", TaskInstanceState.RUNNING);
        pid = Math.toIntExact(processId);
    }

    /** Whether a failed try may be followed by another ({@code retries} not used up). */
    public boolean canRetry() {
        return tryNumber <= maxTries;
    }

    public void succeed(OffsetDateTime now) {
        end(TaskInstanceState.SUCCESS, now);
    }

    /** A try that raised a skip (or a skipping exit code): from running to skipped. */
    public void skipTry(OffsetDateTime now) {
        end(TaskInstanceState.SKIPPED, now);
    }

    public void fail(OffsetDateTime now) {
        end(TaskInstanceState.FAILED, now);
    }

    /** A try that overran its {@code execution_timeout} and was stopped, with no retry left. */
    public void timeOut(OffsetDateTime now) {
        end(TaskInstanceState.TIMED_OUT, now);
    }

    /** A failed or timed-out try with retries left: up_for_retry until {@code retryAt}. */
    public void scheduleRetry(OffsetDateTime now, OffsetDateTime retryAt) {
        end(TaskInstanceState.UP_FOR_RETRY, now);
        nextRetryAt = Objects.requireNonNull(retryAt, "retryAt");
    }

    /**
     * Settles an instance that never ran because of its upstream tasks (trigger rules, branches,
     * short circuits): skipped or upstream_failed, start and end now, as Airflow sets them.
     */
    public void settleWithoutRunning(TaskInstanceState settled, OffsetDateTime now) {
        if (settled != TaskInstanceState.SKIPPED && settled != TaskInstanceState.UPSTREAM_FAILED) {
            throw new IllegalArgumentException("an instance that does not run ends skipped or upstream_failed, not " + settled);
        }
        requireState("settle", null, TaskInstanceState.SCHEDULED);
        state = settled;
        startDate = now;
        endDate = now;
        duration = 0d;
    }

    /**
     * Sets the state by hand, whatever it was, as Airflow's "mark success / failed / skipped"
     * (and its {@code dagrun_timeout}, which skips what has not finished) do: an instance that
     * never started starts and ends now, one that ran keeps its end. A running try's outcome no
     * longer counts.
     */
    public void markAs(TaskInstanceState marked, OffsetDateTime now) {
        if (marked != TaskInstanceState.SUCCESS && marked != TaskInstanceState.FAILED && marked != TaskInstanceState.SKIPPED) {
            throw new IllegalArgumentException("a task instance is marked success, failed or skipped, not " + marked.airflowName());
        }
        state = marked;
        startDate = startDate == null ? now : startDate;
        endDate = endDate == null ? now : endDate;
        duration = Duration.between(startDate, endDate).toNanos() / 1e9;
        nextRetryAt = null;
        pid = null;
    }

    /**
     * Airflow's clear: the instance goes back to none to run again, with its task's
     * {@code retries} counted afresh from the tries made so far. A running try's outcome no
     * longer counts (Airflow passes through {@code restarting}; VORTEX stops the try at once).
     */
    public void clear(int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, was " + retries);
        }
        state = null;
        maxTries = tryNumber + retries;
        nextRetryAt = null;
        pid = null;
    }

    /** An instance whose task is no longer in the DAG, and that had not started: removed, as Airflow marks it. */
    public void remove() {
        requireState("remove", null, TaskInstanceState.SCHEDULED);
        state = TaskInstanceState.REMOVED;
    }

    /** Whether the instance has reached a state it leaves only when cleared. */
    public boolean isFinished() {
        return state != null && state.isFinished();
    }

    private void end(TaskInstanceState ended, OffsetDateTime now) {
        requireState("end", TaskInstanceState.RUNNING);
        state = ended;
        endDate = now;
        duration = startDate == null ? null : Duration.between(startDate, now).toNanos() / 1e9;
        pid = null;
    }

    private void requireState(String action, TaskInstanceState... allowed) {
        for (TaskInstanceState candidate : allowed) {
            if (candidate == state) {
                return;
            }
        }
        throw new IllegalStateException("Cannot " + action + " task instance " + describe() + " in state "
                + (state == null ? "none" : state.airflowName()));
    }

    /** {@code dag_id.task_id[run=run_id]}, as log sentences name an instance. */
    public String describe() {
        return dag.getDagId() + "." + taskId + (mapIndex == NOT_MAPPED ? "" : "[" + mapIndex + "]") + "[run=" + dagRun.getRunId() + "]";
    }

    public Long getId() {
        return id;
    }

    public Dag getDag() {
        return dag;
    }

    public DagRun getDagRun() {
        return dagRun;
    }

    public String getTaskId() {
        return taskId;
    }

    public int getMapIndex() {
        return mapIndex;
    }

    /** @return the state, or {@code null} for Airflow's "none" */
    public TaskInstanceState getState() {
        return state;
    }

    public int getTryNumber() {
        return tryNumber;
    }

    public int getMaxTries() {
        return maxTries;
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

    public String getPool() {
        return pool;
    }

    public int getPoolSlots() {
        return poolSlots;
    }

    public String getQueue() {
        return queue;
    }

    public int getPriorityWeight() {
        return priorityWeight;
    }

    public String getOperator() {
        return operator;
    }

    public OffsetDateTime getQueuedDttm() {
        return queuedDttm;
    }

    public OffsetDateTime getScheduledDttm() {
        return scheduledDttm;
    }

    public OffsetDateTime getNextRetryAt() {
        return nextRetryAt;
    }

    public Integer getPid() {
        return pid;
    }

    public Long getExecutorJobId() {
        return executorJobId;
    }

    public String getRenderedFields() {
        return renderedFields;
    }

    public String getNote() {
        return note;
    }
}
