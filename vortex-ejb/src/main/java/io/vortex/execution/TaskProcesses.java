package io.vortex.execution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the processes of a try again after the server died: every bash command runs with
 * {@value #TRY_MARKER}{@code =<task instance id>.<try>} in its environment, so a recorded process
 * id is only acted on while it still belongs to that try (process ids are reused).
 */
final class TaskProcesses {

    static final String TRY_MARKER = "VORTEX_TRY";

    private TaskProcesses() {
    }

    static String marker(long taskInstanceId, int tryNumber) {
        return taskInstanceId + "." + tryNumber;
    }

    /**
     * Kills the process group of an abandoned try when its process still runs.
     *
     * @return whether a process of the try was found (and killed)
     */
    static boolean killAbandoned(int pid, long taskInstanceId, int tryNumber) throws InterruptedException {
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        if (process.isEmpty() || !carriesMarker(pid, marker(taskInstanceId, tryNumber))) {
            return false;
        }
        BashRun.signalGroup(pid, "-KILL");
        process.get().descendants().forEach(ProcessHandle::destroyForcibly);
        process.get().destroyForcibly();
        return true;
    }

    private static boolean carriesMarker(int pid, String marker) {
        try {
            byte[] environment = Files.readAllBytes(Path.of("/proc", Integer.toString(pid), "environ"));
            String expected = TRY_MARKER + "=" + marker;
            for (String variable : new String(environment, StandardCharsets.UTF_8).split("\0")) {
                if (variable.equals(expected)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
