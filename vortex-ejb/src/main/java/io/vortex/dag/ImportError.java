package io.vortex.dag;

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
 * A DAG file that failed to parse, shown on the console and at {@code /importErrors}. The DAG
 * processor records one when a parse of the file fails and deletes the file's errors when a later
 * parse succeeds or the file disappears. It refers to the file, not to a DAG, because a broken
 * file may define no DAG at all. Never changed once written.
 */
@Entity
@Table(name = "import_error")
public class ImportError {

    @Id
    @SequenceGenerator(name = "import_error_seq", sequenceName = "import_error_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "import_error_seq")
    private Long id;

    @Column(name = "filename", nullable = false, updatable = false, length = 2000)
    private String filename;

    @Column(name = "line_number", updatable = false)
    private Integer lineNumber;

    /** The error message and Python traceback; VARCHAR without a length in the schema. */
    @Column(name = "stacktrace", nullable = false, updatable = false)
    private String stacktrace;

    @Column(name = "error_time", nullable = false, updatable = false)
    private OffsetDateTime errorTime;

    /** The engine that reported it: jython or cpython. */
    @Column(name = "parsed_by", updatable = false, length = 20)
    private String parsedBy;

    protected ImportError() {
        // for JPA
    }

    /**
     * @param lineNumber the offending line, or {@code null} when the parser could not tell
     */
    public ImportError(String filename, Integer lineNumber, String stacktrace, OffsetDateTime errorTime, String parsedBy) {
        this.filename = requireText(filename, "filename");
        if (lineNumber != null && lineNumber < 1) {
            throw new IllegalArgumentException("line_number must be at least 1, was " + lineNumber);
        }
        this.lineNumber = lineNumber;
        this.stacktrace = requireText(stacktrace, "stacktrace");
        this.errorTime = Objects.requireNonNull(errorTime, "error_time");
        this.parsedBy = parsedBy;
    }

    public Long getId() {
        return id;
    }

    public String getFilename() {
        return filename;
    }

    public Integer getLineNumber() {
        return lineNumber;
    }

    public String getStacktrace() {
        return stacktrace;
    }

    public OffsetDateTime getErrorTime() {
        return errorTime;
    }

    public String getParsedBy() {
        return parsedBy;
    }
}
