package io.vortex.dag;

import static io.vortex.platform.Checks.requireText;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A DAG as the scheduler and the console know it: one row per {@code dag_id} found in a DAG
 * file. The DAG processor creates it when a file first defines it and refreshes its parsed
 * fields on every parse; users pause and unpause it; the scheduler moves {@code next_dagrun}
 * forward. A DAG whose file disappears is deactivated, never deleted, so its history stays.
 */
@Entity
@Table(name = "dag")
public class Dag {

    @Id
    @SequenceGenerator(name = "dag_seq", sequenceName = "dag_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dag_seq")
    private Long id;

    @Version
    private long version;

    @Column(name = "dag_id", nullable = false, updatable = false, length = 250)
    private String dagId;

    @Column(name = "fileloc", nullable = false, length = 2000)
    private String fileloc;

    @Column(name = "owners", length = 2000)
    private String owners;

    @Column(name = "description", length = 4000)
    private String description;

    @Column(name = "schedule_interval", length = 1000)
    private String scheduleInterval;

    @Column(name = "timetable_description", length = 1000)
    private String timetableDescription;

    @Column(name = "is_paused", nullable = false)
    private boolean paused;

    @Column(name = "is_active", nullable = false)
    private boolean active = true;

    @Column(name = "is_dynamic", nullable = false)
    private boolean dynamic;

    @Column(name = "max_active_tasks", nullable = false)
    private int maxActiveTasks = 16;

    @Column(name = "max_active_runs", nullable = false)
    private int maxActiveRuns = 16;

    @Column(name = "team", length = 250)
    private String team;

    @Column(name = "last_parsed_time")
    private OffsetDateTime lastParsedTime;

    @Column(name = "next_dagrun")
    private OffsetDateTime nextDagrun;

    @Column(name = "next_dagrun_data_interval_start")
    private OffsetDateTime nextDagrunDataIntervalStart;

    @Column(name = "next_dagrun_data_interval_end")
    private OffsetDateTime nextDagrunDataIntervalEnd;

    @Column(name = "next_dagrun_create_after")
    private OffsetDateTime nextDagrunCreateAfter;

    @Column(name = "has_import_errors", nullable = false)
    private boolean hasImportErrors;

    /** The engine that parsed the file last: jython or cpython. */
    @Column(name = "parsed_by", length = 20)
    private String parsedBy;

    @Column(name = "file_token", length = 64)
    private String fileToken;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "dag_tag", joinColumns = @JoinColumn(name = "dag_pk"))
    @Column(name = "name", length = 100)
    private Set<String> tags = new LinkedHashSet<>();

    protected Dag() {
        // for JPA
    }

    public Dag(String dagId, String fileloc) {
        this.dagId = requireText(dagId, "dag_id");
        this.fileloc = requireText(fileloc, "fileloc");
    }

    /**
     * Takes the fields of a successful parse of its file, which also (re)activates it; a DAG
     * met for the first time starts paused as its file says ({@code is_paused_upon_creation}),
     * else as {@code pausedAtCreation} (Airflow's {@code dags_are_paused_at_creation}) says.
     */
    public void refresh(ParsedDag parsed, String file, String token, String engine, OffsetDateTime at, boolean pausedAtCreation) {
        if (!parsed.dagId().equals(dagId)) {
            throw new IllegalArgumentException("parsed DAG " + parsed.dagId() + " is not " + dagId);
        }
        if (lastParsedTime == null) {
            paused = parsed.pausedUponCreation().orElse(pausedAtCreation);
        }
        fileloc = requireText(file, "fileloc");
        fileToken = token;
        owners = parsed.owners();
        description = parsed.description();
        scheduleInterval = parsed.scheduleText();
        maxActiveRuns = parsed.maxActiveRuns();
        maxActiveTasks = parsed.maxActiveTasks();
        dynamic = parsed.dynamic();
        tags.clear();
        tags.addAll(parsed.tags());
        parsedBy = engine;
        lastParsedTime = at;
        hasImportErrors = false;
        active = true;
    }

    /** Its file now fails to parse; the DAG stays as last parsed, flagged. */
    public void importFailed() {
        hasImportErrors = true;
    }

    /** Its file is gone, or no longer defines it: it stays with its history, inactive. */
    public void deactivate() {
        active = false;
    }

    /**
     * The next scheduled run: its logical date, data interval and the time the scheduler may
     * create it (Airflow's {@code next_dagrun*} fields).
     */
    public void scheduleNext(OffsetDateTime logicalDate, OffsetDateTime intervalStart, OffsetDateTime intervalEnd,
                             OffsetDateTime createAfter) {
        nextDagrun = logicalDate;
        nextDagrunDataIntervalStart = intervalStart;
        nextDagrunDataIntervalEnd = intervalEnd;
        nextDagrunCreateAfter = createAfter;
    }

    /** No further scheduled run: the schedule has ended, or the DAG has none. */
    public void noNextRun() {
        scheduleNext(null, null, null, null);
    }

    /**
     * The next run is known but may not be created while {@code max_active_runs} runs are
     * active; the scheduler looks again when one of them ends.
     */
    public void holdNextRun() {
        nextDagrunCreateAfter = null;
    }

    public void pause() {
        paused = true;
    }

    public void unpause() {
        paused = false;
    }

    public Long getId() {
        return id;
    }

    public String getDagId() {
        return dagId;
    }

    public String getFileloc() {
        return fileloc;
    }

    public String getOwners() {
        return owners;
    }

    public String getDescription() {
        return description;
    }

    public String getScheduleInterval() {
        return scheduleInterval;
    }

    public String getTimetableDescription() {
        return timetableDescription;
    }

    public boolean isPaused() {
        return paused;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isDynamic() {
        return dynamic;
    }

    public int getMaxActiveTasks() {
        return maxActiveTasks;
    }

    public int getMaxActiveRuns() {
        return maxActiveRuns;
    }

    public String getTeam() {
        return team;
    }

    public OffsetDateTime getLastParsedTime() {
        return lastParsedTime;
    }

    public OffsetDateTime getNextDagrun() {
        return nextDagrun;
    }

    public OffsetDateTime getNextDagrunDataIntervalStart() {
        return nextDagrunDataIntervalStart;
    }

    public OffsetDateTime getNextDagrunDataIntervalEnd() {
        return nextDagrunDataIntervalEnd;
    }

    public OffsetDateTime getNextDagrunCreateAfter() {
        return nextDagrunCreateAfter;
    }

    public boolean hasImportErrors() {
        return hasImportErrors;
    }

    public String getParsedBy() {
        return parsedBy;
    }

    public String getFileToken() {
        return fileToken;
    }

    public Set<String> getTags() {
        return Set.copyOf(tags);
    }
}
