package io.vortex.it.support;

import java.util.EnumMap;
import java.util.Map;

/**
 * The servers of one integration-test run, one per metadatabase, each started the first time a
 * test asks for it and stopped when the test JVM ends. Sharing them keeps the suite at one
 * server start per database instead of one per test class.
 */
public final class VortexServers {

    private static final Map<Database, VortexServer> SERVERS = new EnumMap<>(Database.class);
    private static PostgresDatabase postgres;
    private static boolean shutdownHookAdded;

    private VortexServers() {
    }

    public static synchronized VortexServer of(Database database) {
        VortexServer server = SERVERS.get(database);
        if (server == null) {
            addShutdownHook();
            server = switch (database) {
                // the H2 server starts as a user's first start does: with the example DAGs
                case H2 -> VortexServer.onH2("h2").setting("VORTEX_LOAD_EXAMPLES", "true");
                case POSTGRESQL -> {
                    postgres = PostgresDatabase.create();
                    yield VortexServer.onPostgres("postgresql", postgres.target());
                }
            };
            SERVERS.put(database, server);
            server.start();
        }
        return server;
    }

    private static void addShutdownHook() {
        if (shutdownHookAdded) {
            return;
        }
        shutdownHookAdded = true;
        Runtime.getRuntime().addShutdownHook(new Thread(VortexServers::stopAll, "vortex-it-servers"));
    }

    private static synchronized void stopAll() {
        SERVERS.values().forEach(server -> {
            try {
                server.stop();
            } catch (RuntimeException e) {
                System.err.println("Could not stop a test server: " + e.getMessage());
            }
        });
        if (postgres != null) {
            postgres.drop();
        }
    }
}
