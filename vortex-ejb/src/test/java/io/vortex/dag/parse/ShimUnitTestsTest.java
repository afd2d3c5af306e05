package io.vortex.dag.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.python.core.PySystemState;

/**
 * Runs the shim's own Python unit tests (src/test/python) on both interpreters it must support,
 * so that {@code mvn verify} covers them.
 */
class ShimUnitTestsTest {

    private static final Path TESTS = Path.of("src/test/python").toAbsolutePath();

    @Test
    void passOnCPython() throws Exception {
        assertPasses(List.of("python3", "-m", "unittest", "discover", "-s", TESTS.toString()));
    }

    @Test
    void passOnJython() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        assertPasses(List.of(java.toString(), "-Dpython.import.site=false", "-cp", jythonJar().toString(),
                "org.python.util.jython", "-m", "unittest", "discover", "-s", TESTS.toString()));
    }

    private static void assertPasses(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        assertThat(output).contains("OK");
    }

    private static Path jythonJar() throws URISyntaxException {
        return Path.of(PySystemState.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
