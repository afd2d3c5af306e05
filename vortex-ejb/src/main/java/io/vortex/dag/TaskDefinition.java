package io.vortex.dag;

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
import java.util.Objects;

/**
 * A task of a DAG as last parsed: the serialized operator (table {@code task}; named
 * {@code TaskDefinition} so it is not confused with a task instance). The DAG processor writes
 * one row per task of the DAG's current version and replaces them on every parse; the scheduler
 * reads them to create task instances, which copy the fields they need (pool, queue, retries)
 * so that history never depends on these rows. Defaults are Airflow's {@code BaseOperator}
 * defaults.
 */
@Entity
@Table(name = "task")
public class TaskDefinition {

    @Id
    @SequenceGenerator(name = "task_seq", sequenceName = "task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "task_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dag_pk", nullable = false, updatable = false)
    private Dag dag;

    @Column(name = "task_id", nullable = false, updatable = false, length = 250)
    private String taskId;

    /** The operator's class name, e.g. {@code BashOperator}. */
    @Column(name = "task_type", nullable = false, length = 250)
    private String taskType;

    @Column(name = "task_group", length = 250)
    private String taskGroup;

    @Column(name = "owner", nullable = false, length = 500)
    private String owner = "airflow";

    @Column(name = "retries", nullable = false)
    private int retries;

    @Column(name = "retry_delay_seconds", nullable = false)
    private double retryDelaySeconds = 300;

    @Column(name = "retry_exponential_backoff", nullable = false)
    private boolean retryExponentialBackoff;

    @Column(name = "max_retry_delay_seconds")
    private Double maxRetryDelaySeconds;

    @Column(name = "execution_timeout_seconds")
    private Double executionTimeoutSeconds;

    @Column(name = "pool", nullable = false, length = 256)
    private String pool = "default_pool";

    @Column(name = "pool_slots", nullable = false)
    private int poolSlots = 1;

    @Column(name = "priority_weight", nullable = false)
    private int priorityWeight = 1;

    @Column(name = "weight_rule", nullable = false, length = 20)
    private String weightRule = "downstream";

    @Column(name = "trigger_rule", nullable = false, length = 50)
    private String triggerRule = "all_success";

    @Column(name = "queue", nullable = false, length = 256)
    private String queue = "default";

    @Column(name = "is_mapped", nullable = false)
    private boolean mapped;

    /** Comma-separated ids of the direct upstream tasks; empty for a root task. */
    @Column(name = "upstream_task_ids", nullable = false)
    private String upstreamTaskIds = "";

    /** JSON: the operator's arguments and templated fields, unrendered. */
    @Column(name = "params_json")
    private String paramsJson;

    protected TaskDefinition() {
        // for JPA
    }

    public TaskDefinition(Dag dag, String taskId, String taskType) {
        this.dag = Objects.requireNonNull(dag, "dag");
        this.taskId = requireText(taskId, "task_id");
        this.taskType = requireText(taskType, "task_type");
    }

    public Long getId() {
        return id;
    }

    public Dag getDag() {
        return dag;
    }

    public String getTaskId() {
        return taskId;
    }

    public String getTaskType() {
        return taskType;
    }

    public String getTaskGroup() {
        return taskGroup;
    }

    public String getOwner() {
        return owner;
    }

    public int getRetries() {
        return retries;
    }

    public double getRetryDelaySeconds() {
        return retryDelaySeconds;
    }

    public boolean isRetryExponentialBackoff() {
        return retryExponentialBackoff;
    }

    public Double getMaxRetryDelaySeconds() {
        return maxRetryDelaySeconds;
    }

    public Double getExecutionTimeoutSeconds() {
        return executionTimeoutSeconds;
    }

    public String getPool() {
        return pool;
    }

    public int getPoolSlots() {
        return poolSlots;
    }

    public int getPriorityWeight() {
        return priorityWeight;
    }

    public String getWeightRule() {
        return weightRule;
    }

    public String getTriggerRule() {
        return triggerRule;
    }

    public String getQueue() {
        return queue;
    }

    public boolean isMapped() {
        return mapped;
    }

    public String getUpstreamTaskIds() {
        return upstreamTaskIds;
    }

    public String getParamsJson() {
        return paramsJson;
    }
}
