package io.vortex.execution;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Kills the processes of a try, and finds them again after the server died: every bash command
 * runs with {@value #TRY_MARKER}{@code =<task instance id>.<try>} in its environment, so a
 * recorded process id is only acted on while it still belongs to that try (process ids are reused).
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
        if (ProcessHandle.of(pid).isEmpty() || !carriesMarker(pid, marker(taskInstanceId, tryNumber))) {
            return false;
        }
        killNow(pid);
        return true;
    }

    /**
     * Kills a try's process at once with SIGKILL: its process group (the session started by
     * {@code setsid}) and every descendant, in case one left the group.
     */
    static void killNow(long pid) throws InterruptedException {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        });
        signalGroup(pid, "-KILL");
    }

    /** Signals a process group; a group already gone is fine. */
    static void signalGroup(long groupId, String signal) throws InterruptedException {
        try {
            new ProcessBuilder("kill", signal, "--", "-" + groupId).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(2, TimeUnit.SECONDS);
        } catch (IOException e) {
            // without kill(1), the descendants are still signalled one by one
        }
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
