package io.vortex.dag.parse;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@code python3} process running the shim's request loop ({@code vortex_dagparse.main}):
 * a JSON request per line on its stdin, a JSON answer per line on its stdout. It lives for many
 * files, so no file pays for an interpreter start. What DAG files print goes to the process's
 * stderr, which is logged at FINE.
 */
final class CPythonWorker implements EngineWorker {

    private static final Logger LOG = Logger.getLogger(CPythonWorker.class.getName());
    private static final String END_OF_OUTPUT = "\u0000eof";

    private final Process process;
    private final BufferedWriter requests;
    private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

    private CPythonWorker(Process process, ThreadFactory threads) {
        this.process = process;
        this.requests = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        Thread stdout = threads.newThread(this::readAnswers);
        stdout.setName("vortex-cpython-parser-" + process.pid());
        stdout.setDaemon(true);
        stdout.start();
        Thread stderr = threads.newThread(this::logPrints);
        stderr.setName("vortex-cpython-parser-" + process.pid() + "-stderr");
        stderr.setDaemon(true);
        stderr.start();
    }

    /** Starts {@code python} with the shim and waits for its ready line. */
    static CPythonWorker start(String python, PythonShim shim, ThreadFactory threads) {
        String bootstrap = "import sys; sys.path.insert(0, sys.argv[1]); sys.path.append(sys.argv[2]); "
                + "import vortex_dagparse; vortex_dagparse.main()";
        Process process;
        try {
            process = new ProcessBuilder(python, "-u", "-B", "-c", bootstrap, shim.home().toString(), shim.fallback().toString())
                    .directory(shim.home().toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("'" + python + "' could not be started (" + e.getMessage()
                    + "); install Python 3 or set vortex.dags.python", e);
        }
        CPythonWorker worker = new CPythonWorker(process, threads);
        try {
            String ready = worker.answers.poll(60, TimeUnit.SECONDS);
            if (ready == null || !ready.contains("\"ready\"")) {
                worker.kill();
                throw new IllegalStateException("'" + python + "' did not load the Airflow shim"
                        + (ready == null || END_OF_OUTPUT.equals(ready) ? " (it exited; see the server log)" : ": " + ready));
            }
            LOG.fine(() -> "CPython DAG parser started (pid " + process.pid() + "): " + ready);
            return worker;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            worker.kill();
            throw new IllegalStateException("interrupted while starting " + python, e);
        }
    }

    @Override
    public String request(String requestJson, Duration timeout) throws TimeoutException, EngineFailure {
        try {
            requests.write(requestJson);
            requests.write('\n');
            requests.flush();
            String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                throw new TimeoutException();
            }
            if (END_OF_OUTPUT.equals(answer)) {
                throw new EngineFailure("the python3 parser process exited (code " + exitCode() + ")", null);
            }
            return answer;
        } catch (IOException e) {
            throw new EngineFailure("the python3 parser process does not take requests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineFailure("interrupted", e);
        }
    }

    @Override
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private String exitCode() {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private void readAnswers() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answers.add(line);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Reading from the python3 parser process ended", e);
        }
        answers.add(END_OF_OUTPUT);
    }

    private void logPrints() {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                String printed = line;
                LOG.fine(() -> "python3 parser " + process.pid() + ": " + printed);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "Reading the python3 parser's stderr ended", e);
        }
    }
}
