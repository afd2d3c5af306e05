package io.vortex.dag.parse;

import io.vortex.dag.parse.EngineWorker.EngineFailure;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The interpreters that run Python tasks, apart from the parsing ones so a long task never holds
 * up parsing: a pool per engine, started on first use. A task runs in the engine that parsed its
 * file (docs/dag-serialization.md, "Running tasks"), as Airflow's task runner re-imports the file.
 */
@ApplicationScoped
public class TaskEngines {

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    @ConfigProperty(name = "vortex.dags.python", defaultValue = "python3")
    private String python;

    @Inject
    @ConfigProperty(name = "vortex.tasks.python-workers", defaultValue = "4")
    private int poolSize;

    private final Map<Engine, WorkerPool> pools = new EnumMap<>(Engine.class);

    /** A task whose engine failed: it could not start, or broke during the task. */
    public static final class EngineUnavailableException extends Exception {

        private static final long serialVersionUID = 1L;

        EngineUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Sends a {@code run_task} request to the engine and returns the shim's answer.
     *
     * @param engineName {@code jython} or {@code cpython}, as the DAG's {@code parsed_by} says
     * @throws TimeoutException when the task overran {@code timeout}; its interpreter or process was killed
     */
    public String runTask(String engineName, String requestJson, Duration timeout) throws TimeoutException, EngineUnavailableException {
        try {
            return pool(engineName).request(requestJson, timeout);
        } catch (EngineFailure e) {
            throw new EngineUnavailableException(e.getMessage(), e);
        }
    }

    private synchronized WorkerPool pool(String engineName) {
        Engine engine = "cpython".equals(engineName == null ? "" : engineName.toLowerCase(Locale.ROOT)) ? Engine.CPYTHON : Engine.JYTHON;
        return pools.computeIfAbsent(engine, this::startPool);
    }

    private WorkerPool startPool(Engine engine) {
        String temp = System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir"));
        // a folder of its own: unpacking deletes the folder first, under the parsers' feet otherwise
        PythonShim shim = PythonShim.unpackInto(Path.of(temp, "vortex-python-tasks"));
        return engine == Engine.CPYTHON ? WorkerPool.cpython(python, shim, poolSize, threads) : WorkerPool.jython(shim, poolSize, threads);
    }

    @PreDestroy
    synchronized void stop() {
        pools.values().forEach(WorkerPool::close);
    }
}
