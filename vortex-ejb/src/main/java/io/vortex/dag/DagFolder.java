package io.vortex.dag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The files of a DAG folder that may define DAGs, found as Airflow's DAG processor finds them:
 * every {@code .py} file (and VORTEX's dag_factory {@code .yaml}/{@code .yml}/{@code .json}
 * specs) in the folder and its sub-folders, except what an {@code .airflowignore} excludes —
 * one regular expression per line, searched in the path relative to the ignore file's folder,
 * for that folder and everything below it ({@code #} starts a comment). Hidden files and
 * folders are skipped.
 */
public record DagFolder(Path root) {

    static final String IGNORE_FILE = ".airflowignore";

    public DagFolder {
        root = root.toAbsolutePath().normalize();
    }

    /** The candidate files, sorted; empty when the folder does not exist. */
    public List<Path> files() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        Deque<List<IgnoreRule>> rules = new ArrayDeque<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(root) && (isHidden(dir) || ignored(dir, rules))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    List<IgnoreRule> inherited = rules.isEmpty() ? List.of() : rules.peek();
                    rules.push(withIgnoreFile(dir, inherited));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && !isHidden(file) && isDagFileName(file) && !ignored(file, rules)) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
                    rules.pop();
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Listing the DAG folder " + root + " failed", e);
        }
        files.sort(null);
        return files;
    }

    /**
     * Airflow's safe mode: a Python file is only run when it mentions both "airflow" and "dag",
     * so helper modules in the DAG folder are never executed on their own.
     */
    public static boolean mightContainDag(Path file, String content) {
        if (!file.getFileName().toString().endsWith(".py")) {
            return true;
        }
        String lower = content.toLowerCase(Locale.ROOT);
        return lower.contains("airflow") && lower.contains("dag");
    }

    static boolean isDagFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".py") || name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static boolean isHidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static boolean ignored(Path path, Deque<List<IgnoreRule>> rules) {
        return !rules.isEmpty() && rules.peek().stream().anyMatch(rule -> rule.excludes(path));
    }

    private static List<IgnoreRule> withIgnoreFile(Path dir, List<IgnoreRule> inherited) throws IOException {
        Path ignoreFile = dir.resolve(IGNORE_FILE);
        if (!Files.isRegularFile(ignoreFile)) {
            return inherited;
        }
        List<IgnoreRule> combined = new ArrayList<>(inherited);
        for (String line : Files.readAllLines(ignoreFile, StandardCharsets.UTF_8)) {
            String pattern = line.replaceFirst("\\s*#.*$", "").strip();
            if (pattern.isEmpty()) {
                continue;
            }
            try {
                combined.add(new IgnoreRule(dir, Pattern.compile(pattern)));
            } catch (PatternSyntaxException e) {
                // Airflow skips a pattern it cannot compile, and so does VORTEX
            }
        }
        return combined;
    }

    private record IgnoreRule(Path base, Pattern pattern) {

        boolean excludes(Path path) {
            return pattern.matcher(base.relativize(path).toString()).find();
        }
    }
}
