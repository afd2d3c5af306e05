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
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One version of a DAG's source file (Airflow's {@code dag_code} and {@code dag_version} in one).
 * The DAG processor appends a version, numbered 1, 2, ... per DAG, whenever a parse finds a
 * source hash different from the latest one; versions are never changed afterwards, so a run
 * can always show the code it ran with. They go only when their DAG is deleted.
 */
@Entity
@Table(name = "dag_version")
public class DagVersion {

    @Id
    @SequenceGenerator(name = "dag_version_seq", sequenceName = "dag_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dag_version_seq")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dag_pk", nullable = false, updatable = false)
    private Dag dag;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int versionNumber;

    /** The whole file; VARCHAR without a length in the schema. */
    @Column(name = "source", nullable = false, updatable = false)
    private String source;

    @Column(name = "source_hash", nullable = false, updatable = false, length = 64)
    private String sourceHash;

    @Column(name = "fileloc", nullable = false, updatable = false, length = 2000)
    private String fileloc;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", updatable = false, length = 250)
    private String createdBy;

    @Column(name = "note", updatable = false, length = 1000)
    private String note;

    protected DagVersion() {
        // for JPA
    }

    /**
     * @param createdBy who caused the new version (user name, or {@code null} for the DAG processor)
     * @param note      optional free text
     */
    public DagVersion(Dag dag, int versionNumber, String source, String sourceHash, String fileloc,
            OffsetDateTime createdAt, String createdBy, String note) {
        this.dag = Objects.requireNonNull(dag, "dag");
        if (versionNumber < 1) {
            throw new IllegalArgumentException("version_number must be at least 1, was " + versionNumber);
        }
        this.versionNumber = versionNumber;
        this.source = Objects.requireNonNull(source, "source");
        this.sourceHash = requireText(sourceHash, "source_hash");
        this.fileloc = requireText(fileloc, "fileloc");
        this.createdAt = Objects.requireNonNull(createdAt, "created_at");
        this.createdBy = createdBy;
        this.note = note;
    }

    public Long getId() {
        return id;
    }

    public Dag getDag() {
        return dag;
    }

    public int getVersionNumber() {
        return versionNumber;
    }

    public String getSource() {
        return source;
    }

    public String getSourceHash() {
        return sourceHash;
    }

    public String getFileloc() {
        return fileloc;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getNote() {
        return note;
    }
}
