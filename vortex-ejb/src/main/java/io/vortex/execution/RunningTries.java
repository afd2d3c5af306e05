package io.vortex.execution;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * How to stop each try running on this server from outside its thread — kill its process tree,
 * or interrupt a thread that waits — when the batch runtime stops a job, when a try is
 * overridden by hand, and when the server shuts down: a server that waited for hour-long tasks
 * could not be stopped; their tries end failed and are retried by the retry rules, or by
 * recovery at the next start.
 */
@ApplicationScoped
public class RunningTries {

    private static final Logger LOG = Logger.getLogger(RunningTries.class.getName());

    private final Map<Long, Runnable> stoppers = new ConcurrentHashMap<>();

    /** A try runs as process {@code pid} (and its descendants). */
    void started(long taskInstanceId, long pid) {
        stoppers.put(taskInstanceId, () -> {
            try {
                TaskProcesses.killNow(pid);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** A try waits in {@code thread} (for another DAG's run, say); stopping it interrupts the wait. */
    void waiting(long taskInstanceId, Thread thread) {
        stoppers.put(taskInstanceId, thread::interrupt);
    }

    void ended(long taskInstanceId) {
        stoppers.remove(taskInstanceId);
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

    /** Stops the instance's running try, if it runs here. */
    void kill(long taskInstanceId) {
        Runnable stopper = stoppers.remove(taskInstanceId);
        if (stopper != null) {
            stopper.run();
        }
    }

    @PreDestroy
    void killAll() {
        if (!stoppers.isEmpty()) {
            LOG.info(() -> "Stopping " + stoppers.size() + " running tries: the server is stopping");
        }
        stoppers.keySet().forEach(this::kill);
    }
}
