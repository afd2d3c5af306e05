package io.vortex.dag.parse;

import io.vortex.dag.parse.EngineWorker.EngineFailure;
import jakarta.json.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A {@link DagFileParser} over a bounded pool of interpreters or processes, started lazily and
 * reused for thousands of files. A worker that overruns the timeout or breaks is killed and
 * replaced by a fresh one at the next request, so one runaway file costs one worker, once.
 */
final class WorkerPool implements DagFileParser {

    private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

    private final Engine engine;
    private final int size;
    private final Supplier<EngineWorker> starter;
    private final BlockingQueue<EngineWorker> idle = new LinkedBlockingQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private int started;
    private volatile boolean closed;

    /** A pool of Jython interpreters. */
    static WorkerPool jython(PythonShim shim, int size, ThreadFactory threads) {
        return new WorkerPool(Engine.JYTHON, size, () -> JythonWorker.start(shim, threads));
    }

    /** A pool of {@code python} processes. */
    static WorkerPool cpython(String python, PythonShim shim, int size, ThreadFactory threads) {
        return new WorkerPool(Engine.CPYTHON, size, () -> CPythonWorker.start(python, shim, threads));
    }

    WorkerPool(Engine engine, int size, Supplier<EngineWorker> starter) {
        if (size < 1) {
            throw new IllegalArgumentException("an engine needs at least one worker, not " + size);
        }
        this.engine = engine;
        this.size = size;
        this.starter = starter;
    }

    @Override
    public Engine engine() {
        return engine;
    }

    @Override
    public ParseResult parseFile(Path file, Path dagsFolder, Duration timeout) {
        return run(Json.createObjectBuilder().add("id", requests.incrementAndGet()).add("op", "parse_file").add("path", file.toString())
                .add("dags_folder", dagsFolder.toString()).build().toString(), file, timeout);
    }

    @Override
    public ParseResult parseSpec(String specJson, Path file, Duration timeout) {
        return run(Json.createObjectBuilder().add("id", requests.incrementAndGet()).add("op", "parse_spec").add("spec", specJson)
                .add("path", file.toString()).build().toString(), file, timeout);
    }

    private ParseResult run(String request, Path file, Duration timeout) {
        long start = System.nanoTime();
        try {
            return ParseResult.fromShim(request(request, timeout), engine, System.nanoTime() - start);
        } catch (TimeoutException e) {
            LOG.warning(() -> "Parsing " + file + " with " + engine.label() + " ran longer than " + timeout.toSeconds()
                    + " s; its interpreter was stopped");
            return ParseResult.failed(new ParseError(ParseError.TIMEOUT, "Parsing ran longer than the parse timeout of "
                    + timeout.toSeconds() + " s and was stopped (" + engine.label() + ")", null, null), engine, System.nanoTime() - start);
        } catch (EngineFailure e) {
            LOG.warning(() -> "The " + engine.label() + " engine broke on " + file + ": " + e.getMessage());
            return ParseResult.failed(new ParseError(ParseError.ENGINE_FAILURE, e.getMessage(), null, null), engine,
                    System.nanoTime() - start);
        }
    }

    /**
     * Sends one request to an idle worker and returns its answer; a worker that times out or
     * breaks is killed.
     */
    String request(String request, Duration timeout) throws TimeoutException, EngineFailure {
        EngineWorker worker;
        try {
            worker = borrow();
        } catch (RuntimeException e) {
            throw new EngineFailure("The " + engine.label() + " engine could not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("Interrupted while waiting for a " + engine.label() + " interpreter", e);
        }
        try {
            String answer = worker.request(request, timeout);
            giveBack(worker);
            return answer;
        } catch (TimeoutException | EngineFailure e) {
            discard(worker);
            throw e;
        }
    }

    private EngineWorker borrow() throws InterruptedException {
        EngineWorker worker = idle.poll();
        if (worker != null) {
            return worker;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the engine is shut down");
            }
            if (started < size) {
                started++;
                try {
                    return starter.get();
                } catch (RuntimeException e) {
                    started--;
                    throw e;
                }
            }
        }
        return idle.take();
    }

    private void giveBack(EngineWorker worker) {
        synchronized (this) {
            if (!closed) {
                idle.add(worker);
                return;
            }
        }
        worker.kill();
    }

    private void discard(EngineWorker worker) {
        worker.kill();
        synchronized (this) {
            started--;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (EngineWorker worker = idle.poll(); worker != null; worker = idle.poll()) {
            worker.kill();
        }
    }
}
