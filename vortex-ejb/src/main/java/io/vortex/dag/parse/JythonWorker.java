package io.vortex.dag.parse;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.python.core.Py;
import org.python.core.PyObject;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/**
 * One Jython interpreter with the shim loaded, on a thread of its own. Each interpreter has its
 * own {@link PySystemState} (its own {@code sys.modules}), so the shim's per-file state never
 * crosses threads; reusing it keeps a parse at a few milliseconds, where a fresh state costs
 * over 100 ms. The own thread is what makes a runaway file stoppable: Jython code does not
 * notice interrupts, so a timed-out worker's thread is stopped outright.
 */
final class JythonWorker implements EngineWorker {

    private static final Logger LOG = Logger.getLogger(JythonWorker.class.getName());
    private static boolean initialized;

    private final SynchronousQueue<FutureTask<String>> requests = new SynchronousQueue<>();
    private final FutureTask<PyObject> started;
    private final Thread thread;

    private JythonWorker(PythonShim shim, ThreadFactory threads) {
        started = new FutureTask<>(() -> loadShim(shim));
        thread = threads.newThread(this::serve);
        thread.setName("vortex-jython-parser-" + thread.getId());
        thread.setDaemon(true);
    }

    /** Starts an interpreter and waits until the shim is loaded. */
    static JythonWorker start(PythonShim shim, ThreadFactory threads) {
        JythonWorker worker = new JythonWorker(shim, threads);
        worker.thread.start();
        try {
            worker.started.get(2, TimeUnit.MINUTES);
            return worker;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill();
            throw new IllegalStateException("interrupted while starting Jython", e);
        } catch (ExecutionException | TimeoutException e) {
            worker.kill();
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("Jython could not load the Airflow shim: " + cause, cause);
        }
    }

    @Override
    public String request(String requestJson, Duration timeout) throws TimeoutException, EngineFailure {
        PyObject handle;
        try {
            handle = started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("interrupted", e);
        } catch (ExecutionException e) {
            throw new EngineFailure("Jython is not running: " + e.getCause(), e.getCause());
        }
        FutureTask<String> call = new FutureTask<>(() -> handle.__call__(Py.newUnicode(requestJson)).toString());
        try {
            if (!requests.offer(call, 10, TimeUnit.SECONDS)) {
                throw new EngineFailure("the Jython interpreter thread is not taking requests", null);
            }
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("interrupted", e);
        } catch (ExecutionException e) {
            throw new EngineFailure("Jython failed outside the DAG file: " + e.getCause(), e.getCause());
        }
    }

    @SuppressWarnings({"deprecation", "removal"})
    @Override
    public void kill() {
        thread.interrupt();
        try {
            thread.join(200);
            if (thread.isAlive()) {
                thread.stop();
            }
        } catch (UnsupportedOperationException notOnThisJava) {
            LOG.warning(() -> "This Java cannot stop thread " + thread.getName() + ", which keeps running a DAG file"
                    + " past its timeout; run the server on Java 17, or use the cpython parser for such files");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        started.run();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                requests.take().run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs on the worker's thread: a new interpreter with the shim on its path; returns the request handler. */
    private static PyObject loadShim(PythonShim shim) {
        initializeJython();
        PySystemState state = new PySystemState();
        state.setClassLoader(JythonWorker.class.getClassLoader());
        state.path.insert(0, Py.newUnicode(shim.home().toString()));
        state.path.append(Py.newUnicode(shim.fallback().toString()));
        PythonInterpreter interpreter = new PythonInterpreter(null, state);
        interpreter.exec("import vortex_dagparse");
        return interpreter.eval("vortex_dagparse.handle_request");
    }

    private static synchronized void initializeJython() {
        if (initialized) {
            return;
        }
        Properties properties = new Properties();
        // the standard library lives inside the Jython jar, which is no directory in the server
        properties.setProperty("python.path", "__pyclasspath__/Lib");
        properties.setProperty("python.import.site", "false");
        properties.setProperty("python.cachedir.skip", "true");
        properties.setProperty("python.console.encoding", "UTF-8");
        PySystemState.initialize(System.getProperties(), properties, new String[0], JythonWorker.class.getClassLoader());
        initialized = true;
    }
}
