package io.vortex.it.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One VORTEX server started through {@code ./vortex server start}, exactly as a user starts
 * it: its own VORTEX_HOME under target/it, a free port offset, and either the embedded H2
 * database or a PostgreSQL database. All servers of a run share one provisioned WildFly
 * installation (VORTEX_WILDFLY_HOME), so it is unzipped once.
 */
public final class VortexServer {

    /** The first Admin of every test server (VORTEX_ADMIN_PASSWORD), unless a test changes it. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "It-Admin-Passw0rd!";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

    private final Database database;
    private final Path home;
    private final int portOffset;
    private final JdbcTarget jdbc;
    private final Map<String, String> environment = new HashMap<>();

    private VortexServer(Database database, Path home, int portOffset, JdbcTarget jdbc) {
        this.database = database;
        this.home = home;
        this.portOffset = portOffset;
        this.jdbc = jdbc;
        environment.put("VORTEX_HOME", home.toString());
        environment.put("VORTEX_PORT_OFFSET", Integer.toString(portOffset));
        environment.put("VORTEX_WILDFLY_HOME", StartScript.workDir().resolve("wildfly").toString());
        environment.put("VORTEX_LOAD_EXAMPLES", "false");
        environment.put("VORTEX_ADMIN_PASSWORD", ADMIN_PASSWORD);
        // Basic authentication re-derives the hash on every request: keep the suite quick
        environment.put("VORTEX_SECURITY_PASSWORD_ITERATIONS", "10000");
        if (database == Database.POSTGRESQL) {
            environment.put("VORTEX_DATABASE_URL", jdbc.url());
            environment.put("VORTEX_DATABASE_USER", jdbc.user());
            environment.put("VORTEX_DATABASE_PASSWORD", jdbc.password());
        }
    }

    /** A server on the embedded H2 file database under its home. */
    public static VortexServer onH2(String name) {
        Path home = newHome(name);
        return new VortexServer(Database.H2, home, FreePorts.portOffset(),
                new JdbcTarget("jdbc:h2:file:" + home.resolve("db/vortexdb"), "sa", "sa"));
    }

    /** A server on the given PostgreSQL database. */
    public static VortexServer onPostgres(String name, JdbcTarget database) {
        return new VortexServer(Database.POSTGRESQL, newHome(name), FreePorts.portOffset(), database);
    }

    /** Starts the server and returns what the start script printed; fails when it does not start. */
    public StartScript.Result start() {
        StartScript.Result result = tryStart();
        if (result.exitCode() != 0) {
            throw new IllegalStateException("VORTEX on " + database + " did not start (exit " + result.exitCode() + "):\n"
                    + result.output() + "\n--- end of " + serverLog() + ":\n" + tail(serverLog(), 60));
        }
        return result;
    }

    /** Runs {@code ./vortex server start} and returns how it ended, started or not. */
    public StartScript.Result tryStart() {
        return StartScript.run(environment, START_TIMEOUT, "server", "start");
    }

    /** Sets (or, with {@code null}, removes) an environment variable for the next start. */
    public VortexServer setting(String name, String value) {
        environment.put(name, value);
        return this;
    }

    public void stop() {
        StartScript.Result result = StartScript.run(environment, STOP_TIMEOUT, "server", "stop");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("VORTEX on " + database + " did not stop:\n" + result.output());
        }
    }

    /** Kills the server's JVM with SIGKILL, as a crash would end it, and waits until it is gone. */
    public void killHard() {
        try {
            long pid = Long.parseLong(Files.readString(home.resolve("server/vortex.pid")).strip());
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no server process " + pid));
            process.destroyForcibly();
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (IOException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot kill the server of " + home, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public StartScript.Result restart() {
        stop();
        return start();
    }

    /** Runs another {@code ./vortex} command against this server's home. */
    public StartScript.Result script(String... args) {
        return StartScript.run(environment, STOP_TIMEOUT, args);
    }

    public Database database() {
        return database;
    }

    /** The metadatabase. For H2, only usable while the server is stopped (the server holds the file). */
    public JdbcTarget jdbc() {
        return jdbc;
    }

    public Path home() {
        return home;
    }

    public int portOffset() {
        return portOffset;
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    /** The server root, e.g. {@code http://localhost:9080/}. */
    public URI root() {
        return URI.create("http://localhost:" + httpPort() + "/");
    }

    public URI console() {
        return root().resolve("vortex/");
    }

    /** The REST API, signed in as the first Admin. */
    public ApiClient api() {
        return anonymousApi().as(ADMIN, ADMIN_PASSWORD);
    }

    /** The REST API without credentials. */
    public ApiClient anonymousApi() {
        return new ApiClient(root().resolve("vortex/api/v1/"));
    }

    /** A client for paths outside the API, relative to the server root. */
    public ApiClient http() {
        return new ApiClient(root());
    }

    public Path dagsFolder() {
        return home.resolve("dags");
    }

    public Path serverLog() {
        return home.resolve("logs/server.log");
    }

    private static Path newHome(String name) {
        try {
            return Files.createTempDirectory(StartScript.workDir(), name + "-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a VORTEX_HOME for " + name, e);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
