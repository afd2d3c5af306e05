package io.vortex.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the repository's {@code ./vortex} script the way a user would, with a chosen environment. */
public final class StartScript {

    private StartScript() {
    }

    public static Path sourceDir() {
        return Path.of(System.getProperty("vortex.source.dir", "..")).toAbsolutePath().normalize();
    }

    public static Path workDir() {
        Path dir = Path.of(System.getProperty("vortex.it.work.dir", "target/it")).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + dir, e);
        }
    }

    /**
     * Runs {@code ./vortex args...} with the caller's environment minus any VORTEX_* variables
     * of the developer's shell, plus {@code environment}; waits at most {@code timeout}.
     */
    public static Result run(Map<String, String> environment, Duration timeout, String... args) {
        List<String> command = new ArrayList<>();
        command.add(sourceDir().resolve("vortex").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(sourceDir().toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("VORTEX_"));
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Path output = Files.createTempFile(workDir(), "vortex-script-", ".log");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("./vortex " + String.join(" ", args) + " did not finish within " + timeout
                        + "; output so far:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }

    /** What the script printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {
    }
}
