package io.vortex.api.dag;

import io.vortex.dag.Dag;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A DAG in the fields and names of Airflow's DAG schema, plus VORTEX's {@code is_dynamic},
 * {@code team} and {@code parsed_by} (the engine that parsed its file: jython or cpython).
 */
public record DagDto(
        String dagId,
        String dagDisplayName,
        String description,
        String fileloc,
        String fileToken,
        boolean isPaused,
        boolean isActive,
        boolean isDynamic,
        List<String> owners,
        List<TagDto> tags,
        JsonValue scheduleInterval,
        String timetableDescription,
        int maxActiveTasks,
        int maxActiveRuns,
        OffsetDateTime lastParsedTime,
        OffsetDateTime nextDagrun,
        OffsetDateTime nextDagrunDataIntervalStart,
        OffsetDateTime nextDagrunDataIntervalEnd,
        OffsetDateTime nextDagrunCreateAfter,
        boolean hasImportErrors,
        String team,
        String parsedBy) {

    static DagDto of(Dag dag) {
        return new DagDto(dag.getDagId(), dag.getDagId(), dag.getDescription(), dag.getFileloc(), dag.getFileToken(),
                dag.isPaused(), dag.isActive(), dag.isDynamic(), ownersOf(dag.getOwners()),
                dag.getTags().stream().sorted().map(TagDto::new).toList(),
                AirflowShapes.scheduleInterval(dag.getScheduleInterval()),
                dag.getTimetableDescription(), dag.getMaxActiveTasks(), dag.getMaxActiveRuns(),
                dag.getLastParsedTime(), dag.getNextDagrun(), dag.getNextDagrunDataIntervalStart(),
                dag.getNextDagrunDataIntervalEnd(), dag.getNextDagrunCreateAfter(), dag.hasImportErrors(), dag.getTeam(),
                dag.getParsedBy());
    }

    /** Owners are stored as Airflow stores them: one comma-separated string. */
    private static List<String> ownersOf(String owners) {
        return owners == null ? List.of() : Arrays.stream(owners.split(",")).map(String::strip).filter(o -> !o.isEmpty()).toList();
    }

    public record TagDto(String name) {
    }
}
