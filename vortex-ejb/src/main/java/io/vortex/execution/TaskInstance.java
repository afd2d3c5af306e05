package io.vortex.execution;

import io.vortex.dag.Dag;
import io.vortex.dag.TaskDefinition;
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

    @Column(name = "map_index", nullable = false, updatable = false)
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
     * @param mapIndex {@link #NOT_MAPPED} for an ordinary task, 0, 1, ... for the elements of a mapped one
     */
    public TaskInstance(DagRun dagRun, TaskDefinition task, int mapIndex) {
        this.dagRun = Objects.requireNonNull(dagRun, "dagRun");
        Objects.requireNonNull(task, "task");
        if (!task.getDag().getDagId().equals(dagRun.getDag().getDagId())) {
            throw new IllegalArgumentException("Task " + task.getDag().getDagId() + "." + task.getTaskId()
                    + " does not belong to DAG " + dagRun.getDag().getDagId() + " of run " + dagRun.getRunId());
        }
        if (mapIndex < NOT_MAPPED) {
            throw new IllegalArgumentException("map_index must be -1 or more, was " + mapIndex);
        }
        this.dag = dagRun.getDag();
        this.taskId = task.getTaskId();
        this.mapIndex = mapIndex;
        this.state = null;
        this.tryNumber = 0;
        this.maxTries = task.getRetries();
        this.pool = task.getPool();
        this.poolSlots = task.getPoolSlots();
        this.queue = task.getQueue();
        this.priorityWeight = task.getPriorityWeight();
        this.operator = task.getTaskType();
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
