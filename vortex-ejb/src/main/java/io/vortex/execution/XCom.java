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
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A value a task instance pushed for its downstream tasks (Airflow's XCom), as JSON text. A try
 * pushes it (the operator's return value under {@value #RETURN_VALUE_KEY}); a new try of the same
 * instance first clears the instance's XComs, so a key is unique per task instance. The value is
 * never changed; the row goes with its task instance.
 */
@Entity
@Table(name = "xcom")
public class XCom {

    /** The key under which an operator's return value is pushed. */
    public static final String RETURN_VALUE_KEY = "return_value";

    @Id
    @SequenceGenerator(name = "xcom_seq", sequenceName = "xcom_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "xcom_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_instance_pk", nullable = false, updatable = false)
    private TaskInstance taskInstance;

    /** Airflow's {@code key}, a reserved word in H2. */
    @Column(name = "xcom_key", nullable = false, updatable = false, length = 512)
    private String key;

    /** Airflow's {@code value}, a reserved word in H2: JSON text, {@code null} for JSON null. */
    @Column(name = "xcom_value", updatable = false)
    private String value;

    /** Bytes of the UTF-8 JSON text. */
    @Column(name = "value_size", nullable = false, updatable = false)
    private int valueSize;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected XCom() {
        // for JPA
    }

    /**
     * @param value JSON text; {@code null} stands for JSON {@code null}
     */
    public XCom(TaskInstance taskInstance, String key, String value, OffsetDateTime createdAt) {
        this.taskInstance = Objects.requireNonNull(taskInstance, "taskInstance");
        requireText(key, "key");
        this.key = key;
        this.value = value;
        this.valueSize = value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length;
        this.createdAt = Objects.requireNonNull(createdAt, "created_at");
    }

    public Long getId() {
        return id;
    }

    public TaskInstance getTaskInstance() {
        return taskInstance;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    public int getValueSize() {
        return valueSize;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
