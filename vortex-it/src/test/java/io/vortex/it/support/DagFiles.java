package io.vortex.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** DAG files written into a running server's DAG folder, and waiting for what they define to show in the API. */
public final class DagFiles {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final VortexServer server;
    private final ApiClient api;

    public DagFiles(VortexServer server) {
        this.server = server;
        this.api = server.api();
    }

    /** Writes the file whole at once (a rename), so the processor never reads half of it. */
    public Path write(String relative, String content) {
        try {
            Path file = server.dagsFolder().resolve(relative);
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, content);
            return Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The DAG as {@code GET /dags/{dag_id}} shows it, once it satisfies {@code condition}. */
    public JsonNode awaitDag(String dagId, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        ApiClient.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get("dags/" + dagId);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("DAG " + dagId + " did not appear as expected within " + PATIENCE.toSeconds() + " s; last answer: "
                + (last == null ? "none" : last.status() + " " + last.body()) + "; import errors: " + api.get("importErrors").body());
    }

    /** The answer of {@code GET path} once it satisfies {@code condition}. */
    public JsonNode await(String path, Predicate<JsonNode> condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        ApiClient.Response last = null;
        while (Instant.now().isBefore(deadline)) {
            last = api.get(path);
            if (last.status() == 200 && condition.test(last.json())) {
                return last.json();
            }
            pause(Duration.ofMillis(100));
        }
        throw new AssertionError("GET " + path + " did not answer as expected within " + PATIENCE.toSeconds() + " s; last answer: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
