package io.vortex.execution;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The processes of the tries running on this server, so they can be stopped from outside their
 * thread: when the batch runtime stops a job, and when the server shuts down — a server that
 * waited for hour-long tasks could not be stopped; their tries end failed and are retried by the
 * retry rules, or by recovery at the next start.
 */
@ApplicationScoped
public class RunningTries {

    private static final Logger LOG = Logger.getLogger(RunningTries.class.getName());

    private final Map<Long, Long> processes = new ConcurrentHashMap<>();

    void started(long taskInstanceId, long pid) {
        processes.put(taskInstanceId, pid);
    }

    void ended(long taskInstanceId) {
        processes.remove(taskInstanceId);
    }

    /**
     * Stops the try an instance is running, if it runs here, before its state is set from
     * outside the try (cleared, marked, its run timed out or deleted).
     */
    public void stop(TaskInstance ti) {
        if (ti.getState() == TaskInstanceState.RUNNING) {
            kill(ti.getId());
        }
    }

    /** Kills the process tree of the instance's running try, if it has one here. */
    void kill(long taskInstanceId) {
        Long pid = processes.remove(taskInstanceId);
        if (pid == null) {
            return;
        }
        try {
            TaskProcesses.killNow(pid);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void killAll() {
        if (!processes.isEmpty()) {
            LOG.info(() -> "Stopping the processes of " + processes.size() + " running tries: the server is stopping");
        }
        processes.keySet().forEach(this::kill);
    }
}
