package io.vortex.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vortex.it.support.Database;
import io.vortex.it.support.FreePorts;
import io.vortex.it.support.StartScript;
import io.vortex.it.support.VortexServer;
import io.vortex.it.support.VortexServers;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration ends ./vortex with one clear sentence and a non-zero exit, never a stack trace. */
class StartScriptIT {

    private static final Duration QUICK = Duration.ofSeconds(60);

    @TempDir
    Path home;

    @Test
    void anUnreachablePostgresqlIsNamedBeforeAnythingStarts() {
        int closedPort = FreePorts.portOffset() + 5432;
        Map<String, String> environment = environment();
        environment.put("VORTEX_DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/vortex");
        environment.put("VORTEX_DATABASE_USER", "vortex");

        StartScript.Result result = StartScript.run(environment, QUICK, "server", "start");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Cannot reach PostgreSQL at 127.0.0.1:" + closedPort);
        assertNoStackTrace(result);
    }

    @Test
    void anOccupiedPortIsNamedWithTheWayOut() throws IOException {
        Map<String, String> environment = environment();
        int offset = Integer.parseInt(environment.get("VORTEX_PORT_OFFSET"));
        try (ServerSocket occupier = new ServerSocket(8080 + offset, 1, InetAddress.getLoopbackAddress())) {
            StartScript.Result result = StartScript.run(environment, QUICK, "standalone");

            assertThat(result.exitCode()).isNotZero();
            assertThat(result.output()).contains("Port " + (8080 + offset) + " (http) is already in use")
                    .contains("VORTEX_PORT_OFFSET");
            assertNoStackTrace(result);
        }
    }

    @Test
    void aMissingJavaIsNamed() {
        Map<String, String> environment = environment();
        environment.put("JAVA_HOME", home.resolve("no-such-jdk").toString());

        StartScript.Result result = StartScript.run(environment, QUICK, "server", "start");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("JAVA_HOME is " + home.resolve("no-such-jdk")).contains("Java 17+");
        assertNoStackTrace(result);
    }

    @Test
    void aTooOldJavaIsNamed() throws IOException {
        Path bin = Files.createDirectories(home.resolve("old-jdk/bin"));
        Path java = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho 'openjdk version \"11.0.21\" 2023-10-17' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, String> environment = environment();
        environment.put("JAVA_HOME", home.resolve("old-jdk").toString());

        StartScript.Result result = StartScript.run(environment, QUICK, "server", "start");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Java 17 or newer is required, but " + java + " is Java 11");
    }

    @Test
    void aPortOffsetThatIsNotANumberIsRefused() {
        Map<String, String> environment = environment();
        environment.put("VORTEX_PORT_OFFSET", "lots");

        StartScript.Result result = StartScript.run(environment, QUICK, "server", "start");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("VORTEX_PORT_OFFSET must be a number");
    }

    @Test
    void statusOfAStoppedServerSaysSoAndExits3() {
        StartScript.Result result = StartScript.run(environment(), QUICK, "server", "status");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("is not running");
    }

    @Test
    void statusOfARunningServerReportsItsHealthKnowingOnlyItsHome() {
        VortexServer server = VortexServers.of(Database.H2);

        StartScript.Result result = StartScript.run(Map.of("VORTEX_HOME", server.home().toString()), QUICK, "server", "status");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("is running").contains("\"metadatabase\":{\"status\":\"healthy\"}");
    }

    @Test
    void startingAServerThatRunsAlreadyIsRefused() {
        VortexServer server = VortexServers.of(Database.H2);

        StartScript.Result result = server.script("server", "start");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("is already running").contains("./vortex server stop");
    }

    private Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        environment.put("VORTEX_HOME", home.toString());
        environment.put("VORTEX_PORT_OFFSET", Integer.toString(FreePorts.portOffset()));
        return environment;
    }

    private static void assertNoStackTrace(StartScript.Result result) {
        assertThat(result.output()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
