package io.vortex.dag.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Airflow shim on disk: the {@code airflow} package and {@code vortex_dagparse} entry module
 * in {@link #home()}, and stand-ins for optional libraries such as {@code pendulum} in
 * {@link #fallback()}, which goes to the end of the Python path so that an installed library wins.
 * It ships inside VORTEX as {@code vortex/python-shim.zip} and is unpacked once per boot.
 */
public record PythonShim(Path home) {

    static final String RESOURCE = "vortex/python-shim.zip";

    public Path fallback() {
        return home.resolve("vortex_fallback");
    }

    public Path entryModule() {
        return home.resolve("vortex_dagparse.py");
    }

    /** Unpacks the shipped shim into {@code directory}, replacing what an earlier boot left there. */
    public static PythonShim unpackInto(Path directory) {
        try (InputStream zip = PythonShim.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (zip == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the VORTEX build");
            }
            Path home = directory.toAbsolutePath().normalize();
            deleteRecursively(home);
            Files.createDirectories(home);
            try (ZipInputStream entries = new ZipInputStream(zip)) {
                for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                    Path target = home.resolve(entry.getName()).normalize();
                    if (!target.startsWith(home)) {
                        throw new IllegalStateException("Entry " + entry.getName() + " leaves the shim folder");
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(target);
                    } else {
                        Files.createDirectories(target.getParent());
                        Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return new PythonShim(home);
        } catch (IOException e) {
            throw new UncheckedIOException("Unpacking the Airflow shim into " + directory + " failed", e);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
