package io.vortex.execution;

import io.vortex.execution.TryOutcome.Pushed;
import io.vortex.platform.PythonText;
import jakarta.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Runs a bash command as Airflow's BashOperator does: {@code bash -c} in a session of its own (so
 * a timeout can kill the whole process tree), stderr merged into stdout, every line logged as it
 * comes, the last line pushed as {@code return_value}; exit code 0 succeeds, a
 * {@code skip_on_exit_code} (99 by default) skips, anything else fails.
 *
 * @param environment the complete environment of the command
 * @param workingDir  where it runs; {@code null} for a temporary folder removed afterwards
 */
public record BashRun(String command, Map<String, String> environment, Path workingDir, Set<Integer> skipExitCodes,
        boolean pushLastLine, Charset outputEncoding) {

    private static final String SOURCE = "subprocess.py:93";
    /** How long a process tree gets to end after SIGTERM before SIGKILL. */
    private static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * @param started told the process id as soon as the command runs
     * @param pumps   runs the thread that copies the output into the log
     */
    public TryOutcome run(TaskLog log, Optional<Duration> timeout, LongConsumer started, ExecutorService pumps) throws InterruptedException {
        Path cwd = workingDir;
        boolean temporary = cwd == null;
        try {
            if (temporary) {
                cwd = Files.createTempDirectory("airflowtmp");
            } else if (!Files.exists(cwd)) {
                return TryOutcome.failed("Can not find the cwd: " + cwd, null);
            } else if (!Files.isDirectory(cwd)) {
                return TryOutcome.failed("The cwd " + cwd + " must be a directory", null);
            }
            return runIn(cwd, log, timeout, started, pumps);
        } catch (IOException e) {
            return TryOutcome.failed("The bash command could not be started: " + e.getMessage(), null);
        } finally {
            if (temporary && cwd != null) {
                deleteQuietly(cwd);
            }
        }
    }

    private TryOutcome runIn(Path cwd, TaskLog log, Optional<Duration> timeout, LongConsumer started, ExecutorService pumps)
            throws IOException, InterruptedException {
        log.info("subprocess.py:63", "Tmp dir root location: " + System.getProperty("java.io.tmpdir"));
        log.info("subprocess.py:75", "Running command: ['/usr/bin/bash', '-c', " + PythonText.repr(command) + "]");
        ProcessBuilder builder = new ProcessBuilder("setsid", "bash", "-c", command).directory(cwd.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        started.accept(process.pid());
        log.info("subprocess.py:86", "Output:");
        AtomicReference<String> lastLine = new AtomicReference<>("");
        Future<?> pump = pumps.submit(() -> copyOutput(process, log, lastLine));
        long deadline = timeout.map(limit -> System.nanoTime() + limit.toNanos()).orElse(Long.MAX_VALUE);
        // as Airflow's SubprocessHook: the output is read to its end (children holding it included), then the exit awaited
        if (!awaitUntil(pump, deadline) || !process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            killTree(process);
            finishPump(pump, process);
            TryOutcome timedOut = TryOutcome.timedOut(timeout.orElseThrow(), "its process tree was killed");
            log.error("timeout.py:68", timedOut.reason());
            return timedOut;
        }
        int exitCode = process.exitValue();
        log.info("subprocess.py:97", "Command exited with return code " + exitCode);
        if (exitCode == 0) {
            return TryOutcome.success(pushLastLine
                    ? List.of(new Pushed(XCom.RETURN_VALUE_KEY, Json.createValue(lastLine.get()).toString())) : List.of(), exitCode);
        }
        if (skipExitCodes.contains(exitCode)) {
            return TryOutcome.skipped("Bash command returned exit code " + exitCode + ". Skipping.", exitCode);
        }
        return TryOutcome.failed("Bash command failed. The command returned a non-zero exit code " + exitCode + ".", exitCode);
    }

    private static boolean awaitUntil(Future<?> pump, long deadline) throws InterruptedException {
        try {
            if (deadline == Long.MAX_VALUE) {
                pump.get();
            } else {
                pump.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("Copying the task output failed", e.getCause());
        }
    }

    private void copyOutput(Process process, TaskLog log, AtomicReference<String> lastLine) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), outputEncoding))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                String trimmed = line.stripTrailing();
                log.info(SOURCE, trimmed);
                lastLine.set(trimmed);
            }
        } catch (IOException e) {
            // the stream is closed when the process tree is killed
        }
    }

    private static void finishPump(Future<?> pump, Process process) throws InterruptedException {
        try {
            pump.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            closeQuietly(process);
            pump.cancel(true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Copying the task output failed", e.getCause());
        }
    }

    /**
     * Kills the command's session: SIGTERM to its process group and every descendant, then
     * SIGKILL to whatever is left after a grace period.
     */
    static void killTree(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        TaskProcesses.signalGroup(process.pid(), "-TERM");
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        TaskProcesses.signalGroup(process.pid(), "-KILL");
        tree.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static void closeQuietly(Process process) {
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            // closing is all that is left to do
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
