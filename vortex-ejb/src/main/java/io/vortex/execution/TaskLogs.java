package io.vortex.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where task logs live: one file per try under the logs folder, in Airflow's layout
 * ({@code dag_id=<dag>/run_id=<run>/task_id=<task>/[map_index=<n>/]attempt=<try>.log}), so
 * tools that read Airflow's log folder read VORTEX's.
 */
@ApplicationScoped
public class TaskLogs {

    @Inject
    @ConfigProperty(name = "vortex.logs.folder")
    private Optional<String> folder;

    public Path fileOf(String dagId, String runId, String taskId, int mapIndex, int tryNumber) {
        Path task = root().resolve("dag_id=" + safe(dagId)).resolve("run_id=" + safe(runId)).resolve("task_id=" + safe(taskId));
        if (mapIndex != TaskInstance.NOT_MAPPED) {
            task = task.resolve("map_index=" + mapIndex);
        }
        return task.resolve("attempt=" + tryNumber + ".log");
    }

    private Path root() {
        return Path.of(folder.orElseGet(() -> System.getProperty("jboss.server.log.dir", System.getProperty("java.io.tmpdir"))))
                .toAbsolutePath();
    }

    /** Ids may hold any character Airflow allows; a path separator must not leave the folder. */
    private static String safe(String name) {
        return name.replace('/', '_').replace('\\', '_');
    }
}
